import { Code, docComment, isIdentifier, join, regExp, ts } from "../../code/typescript.js";
import { escapePointerSegment } from "../../schema/json-pointer.js";
import { latestEvents, type ContractsModel, type NamedType, type StringFormat, type TypeNode } from "../../ir/model.js";
import { GENERATED_HEADER } from "./header.js";
import type { TypeScriptNames } from "./naming.js";

const FORMAT_CHECKS: Readonly<Record<StringFormat, string>> = {
  "date-time": "isDateTime",
  date: "isDate",
  uuid: "isUuid",
  uri: "isUri",
};

/** Names a property local must not take: the function's parameters and locals, and imported helpers. */
const RESERVED_LOCALS: ReadonlySet<string> = new Set([
  "value",
  "path",
  "errors",
  "key",
  "tag",
  "tolerant",
  "isObject",
  "codePointLength",
  "escapePointer",
  "fail",
  ...Object.values(FORMAT_CHECKS),
]);

/** Names of Object.prototype members: reading one of them as `value[key]` would find the inherited member. */
const INHERITED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"]);

/**
 * `src/validators.ts`: a check function per named structured type, written out as straight-line code at
 * generate time (no schema is compiled at run time, no eval), plus the public validate/is/assert functions.
 * Errors are collected, not thrown, and each names a JSON pointer; pointers are only built on error paths.
 */
export function validatorsFile(model: ContractsModel, names: TypeScriptNames): string {
  const emitter = new ValidatorEmitter(names, model);
  const checks = model.types.map((type) => emitter.checkFunction(type));
  const publicApi = model.events.flatMap((event) => {
    const type = names.type(event.name);
    const example = `const result = ${names.validate(event).text}(JSON.parse(message));`;
    const several = model.events.some((other) => other.eventType === event.eventType && other.version !== event.version);
    const which = several ? `version ${event.version}${event.latest ? ", the current one" : ", superseded"}` : `version ${event.version}`;
    return [
      join([
        docComment([`Validates a ${event.eventType} event (${which}) against its contract. Unknown properties are errors unless \`options.unknownProperties\` is "allow" (consumers).`], [
          "@example",
          example,
          "if (!result.ok) console.error(result.errors);",
        ]),
        ts`export function ${names.validate(event)}(value: unknown, options?: ValidationOptions): ValidationResult<${type}> {
  const errors: ValidationError[] = [];
  ${names.check(event.name)}(value, "", errors, options?.unknownProperties === "allow");
  return errors.length === 0 ? { ok: true, value: value as ${type} } : { ok: false, errors };
}`,
      ]),
      ...(event.latest && several
        ? [join([docComment([`${names.validate(event).text} under its versioned name.`]), ts`export const ${Code.trusted(`validate${names.versioned(event).text}`)}: typeof ${names.validate(event)} = ${names.validate(event)};`])]
        : []),
      join([
        docComment([`Whether a value is a valid ${event.eventType} event (${which}); narrows its type.`]),
        ts`export function ${names.is(event)}(value: unknown, options?: ValidationOptions): value is ${type} {
  return ${names.validate(event)}(value, options).ok;
}`,
      ]),
      join([
        docComment([`Returns the value typed as a ${event.eventType} event (${which}), or throws ContractValidationError listing every problem.`]),
        ts`export function ${names.assert(event)}(value: unknown, options?: ValidationOptions): ${type} {
  const result = ${names.validate(event)}(value, options);
  if (!result.ok) throw new ContractValidationError(${event.eventType}, result.errors);
  return result.value;
}`,
      ]),
    ];
  });
  const latest = latestEvents(model);
  const eventTypes = latest.map((event) => JSON.stringify(event.eventType)).join(", ");
  const dispatch = latest.map((event) => {
    const versions = model.events.filter((candidate) => candidate.eventType === event.eventType);
    if (versions.length === 1) return ts`case ${event.eventType}:
      return ${names.validate(event)}(value, options);`;
    const byVersion = versions.map((version) => ts`case ${version.version}:
          return ${names.validate(version)}(value, options);`);
    const known = versions.map((version) => version.version).join(", ");
    return ts`case ${event.eventType}:
      switch (value["version"]) {
        ${join(byVersion)}
        default:
          return { ok: false, errors: [{ pointer: "/version", keyword: "version", message: ${`must be one of the versions the contracts keep: ${known}`} }] };
      }`;
  });
  const typeImports = [...model.events.map((event) => event.name), "AnyVersionEvent"].sort();
  const runtimeImports = ["ContractValidationError", "type ValidationError", "type ValidationOptions", "type ValidationResult", ...emitter.runtimeHelpers()];
  return join([
    GENERATED_HEADER,
    Code.trusted(`import { ${runtimeImports.join(", ")} } from "./runtime.js";`),
    Code.trusted(`import type { ${typeImports.join(", ")} } from "./types.js";`),
    ...emitter.constants(),
    ...checks,
    ...publicApi,
    join([
      docComment(["Validates any event of the contracts, choosing the contract by `eventType` and `version` (every version the contracts keep). Consumers usually want `decodeEvent`, which also upcasts older versions."], [
        "@example",
        "const result = validateEvent(JSON.parse(message));",
        "if (result.ok) handle(result.value); // result.value is an AnyVersionEvent",
      ]),
      ts`export function validateEvent(value: unknown, options?: ValidationOptions): ValidationResult<AnyVersionEvent> {
  if (!isObject(value)) return { ok: false, errors: [{ pointer: "", keyword: "type", message: "must be an object" }] };
  switch (value["eventType"]) {
    ${join(dispatch)}
    default:
      return { ok: false, errors: [{ pointer: "/eventType", keyword: "eventType", message: ${`must be one of the known event types: ${eventTypes}`} }] };
  }
}`,
    ]),
    join([
      docComment(["Whether a value is a valid event of any of the contracts; narrows its type."]),
      ts`export function isContractEvent(value: unknown, options?: ValidationOptions): value is AnyVersionEvent {
  return validateEvent(value, options).ok;
}`,
    ]),
    join([
      docComment(["Returns the value typed as a contract event, or throws ContractValidationError listing every problem."]),
      ts`export function assertEvent(value: unknown, options?: ValidationOptions): AnyVersionEvent {
  const result = validateEvent(value, options);
  if (!result.ok) {
    const eventType = isObject(value) && typeof value["eventType"] === "string" ? value["eventType"] : undefined;
    throw new ContractValidationError(eventType, result.errors);
  }
  return result.value;
}`,
    ]),
    ts``,
  ], "\n\n").text;
}

/** Named types whose values contain an object somewhere (directly, or through arrays, maps, unions, refs). */
function typesReachingObjects(model: ContractsModel): ReadonlySet<string> {
  const reaching = new Set<string>();
  const reaches = (type: TypeNode): boolean => {
    switch (type.kind) {
      case "object":
      case "union":
        return true;
      case "ref":
        return reaching.has(type.name);
      case "array":
        return reaches(type.items);
      case "map":
        return reaches(type.values);
      case "nullable":
        return reaches(type.inner);
      default:
        return false;
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const named of model.types) {
      if (!reaching.has(named.name) && reaches(named.type)) {
        reaching.add(named.name);
        changed = true;
      }
    }
  }
  return reaching;
}

class ValidatorEmitter {
  private readonly patterns = new Map<string, Code>();
  private readonly helpers = new Set<string>(["fail", "isObject"]);
  private variableCount = 0;
  private readonly localNames = new Set<string>();

  /** Named types whose check reaches an object, and so takes the `tolerant` flag. */
  private readonly tolerance: ReadonlySet<string>;

  constructor(
    private readonly names: TypeScriptNames,
    model: ContractsModel,
  ) {
    this.tolerance = typesReachingObjects(model);
  }

  runtimeHelpers(): string[] {
    return [...this.helpers].sort();
  }

  constants(): Code[] {
    return [...this.patterns.entries()].map(([pattern, name]) => ts`const ${name} = ${regExp(pattern)};`);
  }

  checkFunction(named: NamedType): Code {
    this.variableCount = 0;
    this.localNames.clear();
    const value = ts`value`;
    const path = ts`path`;
    const doc = docComment([`Checks \`value\` against ${named.name}, adding what is wrong to \`errors\`.`]);
    const body =
      named.type.kind === "object"
        ? this.objectBody(named, value, path)
        : named.type.kind === "union"
          ? this.unionBody(named.type, value, path)
          : this.check(named.type, value, path);
    const flag = this.tolerance.has(named.name) ? ts`, tolerant: boolean` : ts``;
    return join([doc, ts`function ${this.names.check(named.name)}(value: unknown, path: string, errors: ValidationError[]${flag}): void {
${body}
}`]);
  }

  /** A numbered local (`item0`, `index1`): never a name a schema could also produce for a property local. */
  private fresh(prefix: "item" | "index" | "key" | "entry"): Code {
    return Code.trusted(`${prefix}${this.variableCount++}`);
  }

  /**
   * The local holding a property's value: the property's own name when it is a plain camelCase identifier
   * that nothing else in the function uses, so the code reads naturally; a numbered `value0` otherwise.
   */
  private propertyLocal(property: string): Code {
    const readable = /^[a-z][A-Za-z0-9]*$/.test(property) && isIdentifier(property) && !RESERVED_LOCALS.has(property) && !/^(item|index|key|entry|value)\d+$|^check[A-Z]/.test(property);
    const name = readable && !this.localNames.has(property) ? property : `value${this.variableCount++}`;
    this.localNames.add(name);
    return Code.trusted(name);
  }

  private error(path: Code, keyword: string, message: string): Code {
    return ts`fail(errors, ${path}, ${keyword}, ${message});`;
  }

  /** The error as a braced block, for `if (…) {…}` and `else {…}`: every branch of the generated code is braced. */
  private errorBlock(path: Code, keyword: string, message: string): Code {
    return ts`{
  ${this.error(path, keyword, message)}
}`;
  }

  private objectBody(named: NamedType, value: Code, path: Code): Code {
    if (named.type.kind !== "object") throw new Error("internal error");
    const { properties } = named.type;
    const known = properties.map((property) => ts`case ${property.name}:`);
    this.helpers.add("escapePointer");
    const unknownKey = ts`${path} + "/" + escapePointer(key)`;
    const lines: Code[] = [
      ts`if (!isObject(${value})) {
  ${this.error(path, "type", "must be an object")}
  return;
}`,
      ts`if (!tolerant) {
  for (const key in ${value}) {
  switch (key) {
    ${join(known)}
      break;
    default:
      ${this.error(unknownKey, "additionalProperties", "is not a property of this contract")}
  }
  }
}`,
    ];
    if (properties.length === 0) lines[1] = ts`if (!tolerant) for (const key in ${value}) ${this.errorBlock(unknownKey, "additionalProperties", "is not a property of this contract")}`;
    for (const property of properties) {
      const variable = this.propertyLocal(property.name);
      const propertyPath = this.childPath(path, property.name);
      const read = INHERITED_NAMES.has(property.name)
        ? ts`Object.hasOwn(${value}, ${property.name}) ? ${value}[${property.name}] : undefined`
        : ts`${value}[${property.name}]`;
      const missing = property.required
        ? ts`if (${variable} === undefined) {
  ${this.error(propertyPath, "required", "is required")}
} else {
${this.check(property.type, variable, propertyPath)}
}`
        : ts`if (${variable} !== undefined) {
${this.check(property.type, variable, propertyPath)}
}`;
      lines.push(ts`const ${variable} = ${read};
${missing}`);
    }
    return join(lines);
  }

  private unionBody(type: Extract<TypeNode, { kind: "union" }>, value: Code, path: Code): Code {
    const discriminatorPath = this.childPath(path, type.discriminator);
    const values = type.variants.map((variant) => JSON.stringify(variant.value)).join(", ");
    const cases = type.variants.map(
      (variant) => ts`case ${variant.value}:
      ${this.names.check(variant.type.name)}(${value}, ${path}, errors${this.tolerance.has(variant.type.name) ? ts`, tolerant` : ts``});
      return;`,
    );
    return ts`if (!isObject(${value})) {
  ${this.error(path, "type", "must be an object")}
  return;
}
const tag = ${value}[${type.discriminator}];
switch (tag) {
  ${join(cases)}
  default:
    if (tag === undefined) ${this.errorBlock(discriminatorPath, "required", "is required")}
    else ${this.errorBlock(discriminatorPath, "oneOf", `must be one of ${values}`)}
}`;
  }

  /** A pointer expression for a child: the segment is escaped now, at generate time, and concatenated lazily. */
  private childPath(path: Code, segment: string): Code {
    return ts`${path} + ${"/" + escapePointerSegment(segment)}`;
  }

  /** Statements that check `value` (a variable) against `type`, pushing errors with pointer `path`. */
  private check(type: TypeNode, value: Code, path: Code, nullable = false): Code {
    const orNull = nullable ? " or null" : "";
    switch (type.kind) {
      case "ref":
        // Every named type has a check function of its own; V8 inlines the small ones.
        return ts`${this.names.check(type.name)}(${value}, ${path}, errors${this.tolerance.has(type.name) ? ts`, tolerant` : ts``});`;
      case "nullable":
        return ts`if (${value} !== null) {
${this.check(type.inner, value, path, true)}
}`;
      case "const":
        return ts`if (${value} !== ${type.value}) ${this.errorBlock(path, "const", `must be ${JSON.stringify(type.value)}${orNull}`)}`;
      case "enum": {
        const test = join(type.values.map((entry) => ts`${value} !== ${entry}`), " && ");
        const list = type.values.map((entry) => JSON.stringify(entry)).join(", ");
        return ts`if (${test}) ${this.errorBlock(path, "enum", `must be one of ${list}${orNull}`)}`;
      }
      case "boolean":
        return ts`if (typeof ${value} !== "boolean") ${this.errorBlock(path, "type", `must be a boolean${orNull}`)}`;
      case "string":
        return this.stringCheck(type, value, path, orNull);
      case "number":
        return this.numberCheck(type, value, path, orNull);
      case "array":
        return this.arrayCheck(type, value, path, orNull);
      case "map":
        return this.mapCheck(type, value, path, orNull);
      case "object":
      case "union":
        throw new Error("internal error: objects and unions are always named types");
    }
  }

  private stringCheck(type: Extract<TypeNode, { kind: "string" }>, value: Code, path: Code, orNull: string): Code {
    const checks: Code[] = [];
    // UTF-16 length bounds the code-point length from both sides, so counting is only needed near a bound.
    if (type.minLength === 1) {
      checks.push(ts`if (${value}.length === 0) ${this.errorBlock(path, "minLength", "must not be empty")}`);
    } else if (type.minLength !== undefined && type.minLength > 1) {
      this.helpers.add("codePointLength");
      checks.push(ts`if (${value}.length < ${type.minLength * 2} && codePointLength(${value}) < ${type.minLength}) ${this.errorBlock(path, "minLength", `must be at least ${type.minLength} ${type.minLength === 1 ? "character" : "characters"} long`)}`);
    }
    if (type.maxLength !== undefined) {
      this.helpers.add("codePointLength");
      checks.push(ts`if (${value}.length > ${type.maxLength} && codePointLength(${value}) > ${type.maxLength}) ${this.errorBlock(path, "maxLength", `must be at most ${type.maxLength} ${type.maxLength === 1 ? "character" : "characters"} long`)}`);
    }
    if (type.pattern !== undefined) {
      checks.push(ts`if (!${this.pattern(type.pattern)}.test(${value})) ${this.errorBlock(path, "pattern", `must match the pattern ${type.pattern}`)}`);
    }
    if (type.format !== undefined) {
      const helper = FORMAT_CHECKS[type.format];
      this.helpers.add(helper);
      checks.push(ts`if (!${Code.trusted(helper)}(${value})) ${this.errorBlock(path, "format", `must be a valid ${type.format}`)}`);
    }
    const typeError = this.errorBlock(path, "type", `must be a string${orNull}`);
    if (checks.length === 0) return ts`if (typeof ${value} !== "string") ${typeError}`;
    return ts`if (typeof ${value} !== "string") ${typeError}
else {
${join(checks)}
}`;
  }

  private numberCheck(type: Extract<TypeNode, { kind: "number" }>, value: Code, path: Code, orNull: string): Code {
    const checks: Code[] = [];
    const bound = (limit: number | undefined, operator: string, keyword: string, words: string): void => {
      if (limit === undefined) return;
      checks.push(ts`if (${value} ${Code.trusted(operator)} ${limit}) ${this.errorBlock(path, keyword, `must be ${words} ${limit}`)}`);
    };
    bound(type.minimum, "<", "minimum", ">=");
    bound(type.maximum, ">", "maximum", "<=");
    bound(type.exclusiveMinimum, "<=", "exclusiveMinimum", ">");
    bound(type.exclusiveMaximum, ">=", "exclusiveMaximum", "<");
    if (type.multipleOf !== undefined) {
      checks.push(ts`if (!Number.isInteger(${value} / ${type.multipleOf})) ${this.errorBlock(path, "multipleOf", `must be a multiple of ${type.multipleOf}`)}`);
    }
    const test = type.integer ? ts`!Number.isInteger(${value})` : ts`!Number.isFinite(${value})`;
    const typeError = this.errorBlock(path, "type", `must be ${type.integer ? "an integer" : "a number"}${orNull}`);
    if (checks.length === 0) return ts`if (typeof ${value} !== "number" || ${test}) ${typeError}`;
    return ts`if (typeof ${value} !== "number" || ${test}) ${typeError}
else {
${join(checks)}
}`;
  }

  private arrayCheck(type: Extract<TypeNode, { kind: "array" }>, value: Code, path: Code, orNull: string): Code {
    const checks: Code[] = [];
    if (type.minItems !== undefined && type.minItems > 0) {
      checks.push(ts`if (${value}.length < ${type.minItems}) ${this.errorBlock(path, "minItems", `must have at least ${type.minItems} ${type.minItems === 1 ? "item" : "items"}`)}`);
    }
    if (type.maxItems !== undefined) {
      checks.push(ts`if (${value}.length > ${type.maxItems}) ${this.errorBlock(path, "maxItems", `must have at most ${type.maxItems} ${type.maxItems === 1 ? "item" : "items"}`)}`);
    }
    const index = this.fresh("index");
    const item = this.fresh("item");
    const itemPath = ts`${path} + "/" + ${index}`;
    checks.push(ts`for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {
  const ${item}: unknown = ${value}[${index}];
${this.check(type.items, item, itemPath)}
}`);
    return ts`if (!Array.isArray(${value})) ${this.errorBlock(path, "type", `must be an array${orNull}`)}
else {
${join(checks)}
}`;
  }

  private mapCheck(type: Extract<TypeNode, { kind: "map" }>, value: Code, path: Code, orNull: string): Code {
    this.helpers.add("escapePointer");
    const checks: Code[] = [];
    if (type.minProperties !== undefined || type.maxProperties !== undefined) {
      const count = ts`Object.keys(${value}).length`;
      if (type.minProperties !== undefined) checks.push(ts`if (${count} < ${type.minProperties}) ${this.errorBlock(path, "minProperties", `must have at least ${type.minProperties} entries`)}`);
      if (type.maxProperties !== undefined) checks.push(ts`if (${count} > ${type.maxProperties}) ${this.errorBlock(path, "maxProperties", `must have at most ${type.maxProperties} entries`)}`);
    }
    const key = this.fresh("key");
    const entry = this.fresh("entry");
    checks.push(ts`for (const ${key} in ${value}) {
  const ${entry} = ${value}[${key}];
${this.check(type.values, entry, ts`${path} + "/" + escapePointer(${key})`)}
}`);
    return ts`if (!isObject(${value})) ${this.errorBlock(path, "type", `must be an object${orNull}`)}
else {
${join(checks)}
}`;
  }

  /** Each distinct pattern is compiled once, at module load, into a numbered constant. */
  private pattern(pattern: string): Code {
    let name = this.patterns.get(pattern);
    if (name === undefined) {
      name = Code.trusted(`PATTERN_${this.patterns.size}`);
      this.patterns.set(pattern, name);
    }
    return name;
  }
}
