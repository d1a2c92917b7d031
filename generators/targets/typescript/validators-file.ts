import { article } from "../../ir/names.js";
import { Code, docComment, isIdentifier, join, regExp, ts } from "../../code/typescript.js";
import { MAX_DEPTH, REQUIRED, validationPlan, type Failure, type NamedPlan, type ValidationPlan, type ValuePlan } from "../../plan/validation-plan.js";
import { latestEvents, type ContractsModel, type StringFormat } from "../../ir/model.js";
import { generatedHeader } from "./header.js";
import type { TypeScriptNames } from "./naming.js";
import { NumberedNames } from "../numbered-names.js";

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
  "depth",
  "unknown",
  "isObject",
  "isWellFormed",
  "codePointLength",
  "escapePointer",
  "fail",
  "reject",
  "failDocument",
  "unknownProperties",
  "sortedKeys",
  "isMultipleOf",
  ...Object.values(FORMAT_CHECKS),
]);

/** Names of Object.prototype members: reading one of them as `value[key]` would find the inherited member. */
const INHERITED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"]);

/** Above this many values an enum is tested with a Set rather than a chain of comparisons. */
const ENUM_SET_THRESHOLD = 8;

/**
 * Above this many properties an object's checks are split into part functions of this many each, and its
 * known keys are a Set: one function of a thousand checks is too large for TypeScript's control-flow
 * analysis (TS2563) and slow to compile.
 */
const PROPERTIES_PER_FUNCTION = 64;

/**
 * `src/validators.ts`: the validation plan (plan/validation-plan.ts) printed as TypeScript: a check function
 * per named type, written out as straight-line code at generate time (no schema is compiled at run time, no
 * eval), plus the public validate/is/assert functions. Errors are collected, not thrown; pointers are only
 * built on error paths. The Go and Python packages print the same plan, so all three report the same errors.
 */
export function validatorsFile(model: ContractsModel, names: TypeScriptNames): string {
  const plan = validationPlan(model);
  const emitter = new ValidatorEmitter(names, plan);
  const checks = plan.types.map((type) => emitter.checkFunction(type));
  const publicApi = model.events.flatMap((event) => {
    const type = names.type(event.name);
    const example = `const result = ${names.validate(event).text}(JSON.parse(message));`;
    const several = model.events.some((other) => other.eventType === event.eventType && other.version !== event.version);
    const which = several ? `version ${event.version}${event.latest ? ", the current one" : ", superseded"}` : `version ${event.version}`;
    return [
      join([
        docComment([`Validates ${article(event.eventType)} ${event.eventType} event (${which}) against its contract. Unknown properties are errors unless \`options.unknownProperties\` is "allow" (consumers).`], [
          "@example",
          example,
          "if (!result.ok) console.error(result.errors);",
        ]),
        ts`export function ${names.validate(event)}(value: unknown, options?: ValidationOptions): ValidationResult<${type}> {
  const errors: ValidationError[] = [];
  ${emitter.call(event.name, ts`value`, ts`""`, ts`errors`, ts`options?.unknownProperties === "allow"`, ts`1`)}
  return errors.length === 0 ? { ok: true, value: value as ${type} } : { ok: false, errors: settle(errors) };
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
        docComment([`Returns the value typed as ${article(event.eventType)} ${event.eventType} event (${which}), or throws ContractValidationError listing every problem.`]),
        ts`export function ${names.assert(event)}(value: unknown, options?: ValidationOptions): ${type} {
  const result = ${names.validate(event)}(value, options);
  if (!result.ok) throw new ContractValidationError(${event.eventType}, result.errors);
  return result.value;
}`,
      ]),
    ];
  });
  const latest = latestEvents(model);
  const dispatch = latest.map((event) => {
    const versions = model.events.filter((candidate) => candidate.eventType === event.eventType);
    const byVersion = versions.map((version) => ts`case ${version.version}:
          return ${names.validate(version)}(value, options);`);
    const unknownVersion = plan.unknownVersion.get(event.eventType) ?? { keyword: "version", message: "" };
    return ts`case ${event.eventType}:
      switch (value["version"]) {
        ${join(byVersion)}
        default:
          return refuse("/version", ${unknownVersion.keyword}, ${unknownVersion.message}, value);
      }`;
  });
  const typeImports = [...model.events.map((event) => event.name), "AnyVersionEvent"].sort();
  const runtimeImports = ["ContractValidationError", "type ValidationError", "type ValidationOptions", "type ValidationResult", "parseJson", "reject", "settle", "syntaxErrors", ...emitter.runtimeHelpers()];
  return join([
    generatedHeader(model),
    Code.trusted(`import { ${[...new Set(runtimeImports)].join(", ")} } from "./runtime.js";`),
    Code.trusted(`import type { ${typeImports.join(", ")} } from "./types.js";`),
    ...emitter.constants(),
    ...checks,
    ...publicApi,
    join([
      docComment(["The result of a value refused before its contract was known: the failure, or a problem of the document it holds."]),
      ts`function refuse(pointer: string, keyword: string, message: string, value: unknown): ValidationResult<never> {
  const errors: ValidationError[] = [];
  reject(errors, pointer, keyword, message, value, 1);
  return { ok: false, errors };
}`,
    ]),
    join([
      docComment(["Validates any event of the contracts, choosing the contract by `eventType` and `version` (every version the contracts keep). Consumers usually want `decodeEvent`, which also upcasts older versions."], [
        "@example",
        "const result = validateEvent(JSON.parse(message));",
        "if (result.ok) handle(result.value); // result.value is an AnyVersionEvent",
      ]),
      ts`export function validateEvent(value: unknown, options?: ValidationOptions): ValidationResult<AnyVersionEvent> {
  if (!isObject(value)) return refuse("", ${plan.notAnObject.keyword}, ${plan.notAnObject.message}, value);
  switch (value["eventType"]) {
    ${join(dispatch)}
    default:
      return refuse("/eventType", ${plan.unknownEventType.keyword}, ${plan.unknownEventType.message}, value);
  }
}`,
    ]),
    join([
      docComment(["Validates an event's JSON, as text or UTF-8 bytes (a Kafka message value), exactly as the Go and Python packages read it: input that is not JSON is one error with the keyword \"json\"."], [
        "@example",
        "const result = validateEventJson(message.value);",
      ]),
      ts`export function validateEventJson(data: string | Uint8Array, options?: ValidationOptions): ValidationResult<AnyVersionEvent> {
  const parsed = parseJson(data);
  return parsed === undefined ? { ok: false, errors: syntaxErrors() } : validateEvent(parsed.value, options);
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

/** Whether a value's checks call the check function of one of the named types (through arrays, maps, null). */
function reachesAny(value: ValuePlan, names: ReadonlySet<string>): boolean {
  switch (value.kind) {
    case "ref":
      return names.has(value.name);
    case "array":
      return reachesAny(value.items, names);
    case "map":
      return reachesAny(value.values, names);
    case "nullable":
      return reachesAny(value.inner, names);
    default:
      return false;
  }
}

/** Named types whose values contain an object somewhere (directly, or through arrays, maps, unions, refs). */
function typesReachingObjects(plan: ValidationPlan): ReadonlySet<string> {
  const reaching = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const named of plan.types) {
      if (!reaching.has(named.name) && (named.kind !== "alias" || reachesAny(named.value, reaching))) {
        reaching.add(named.name);
        changed = true;
      }
    }
  }
  return reaching;
}

/** A depth expression: the function's `depth` plus a count known at generate time. */
function depthPlus(depth: Code, more: number): Code {
  const match = /^depth(?: \+ (\d+))?$/.exec(depth.text);
  if (match !== null) return Code.trusted(`depth + ${Number(match[1] ?? 0) + more}`);
  return Code.trusted(`${depth.text} + ${more}`);
}

class ValidatorEmitter {
  private readonly patterns = new NumberedNames((index) => `PATTERN_${index}`);
  private readonly enumSets = new NumberedNames((index) => `ENUM_${index}`);
  private readonly knownKeys = new NumberedNames((index) => `KNOWN_KEYS_${index}`);
  /** The part functions of the check function being printed (large objects only). */
  private parts: Code[] = [];
  private readonly helpers = new Set<string>(["fail", "isObject"]);
  private variableCount = 0;
  private readonly localNames = new Set<string>();

  /** Named types whose check reaches an object, and so takes the `tolerant` flag. */
  private readonly tolerance: ReadonlySet<string>;

  constructor(
    private readonly names: TypeScriptNames,
    plan: ValidationPlan,
  ) {
    this.tolerance = typesReachingObjects(plan);
  }

  runtimeHelpers(): string[] {
    return [...this.helpers].sort();
  }

  constants(): Code[] {
    return [
      ...this.patterns.entries().map(([pattern, name]) => ts`const ${Code.trusted(name)} = ${regExp(pattern)};`),
      ...this.enumSets.entries().map(([values, name]) => ts`const ${Code.trusted(name)}: ReadonlySet<unknown> = new Set(${Code.trusted(values)});`),
      ...this.knownKeys.entries().map(([keys, name]) => ts`const ${Code.trusted(name)}: ReadonlySet<string> = new Set(${Code.trusted(keys)});`),
    ];
  }

  /** A call of a named type's check function. */
  call(name: string, value: Code, path: Code, errors: Code, tolerant: Code, depth: Code): Code {
    return ts`${this.names.check(name)}(${value}, ${path}, ${errors}${this.tolerance.has(name) ? ts`, ${tolerant}` : ts``}, ${depth});`;
  }

  checkFunction(named: NamedPlan): Code {
    this.variableCount = 0;
    this.localNames.clear();
    this.parts = [];
    const value = ts`value`;
    const path = ts`path`;
    const depth = ts`depth`;
    const doc = docComment([`Checks \`value\` (nested \`depth\` levels deep) against ${named.name}, adding what is wrong to \`errors\`.`]);
    const body = named.kind === "object" ? this.objectBody(named, value, path) : named.kind === "union" ? this.unionBody(named, value, path) : this.check(named.value, value, path, depth);
    const flag = this.tolerance.has(named.name) ? ts`, tolerant: boolean` : ts``;
    return join([
      doc,
      ts`function ${this.names.check(named.name)}(value: unknown, path: string, errors: ValidationError[]${flag}, depth: number): void {
${body}
}`,
      ...this.parts,
    ]);
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

  /** The failure as a braced block: every branch of the generated code is braced. */
  private failBlock(path: Code, failure: Failure): Code {
    return ts`{
  fail(errors, ${path}, ${failure.keyword}, ${failure.message});
}`;
  }

  /** A failure on a value that may itself hold a problem of the document (see `reject` in the runtime). */
  private rejectBlock(path: Code, failure: Failure, value: Code, depth: Code): Code {
    this.helpers.add("reject");
    return ts`{
  reject(errors, ${path}, ${failure.keyword}, ${failure.message}, ${value}, ${depth});
}`;
  }

  private tooDeep(depth: Code): Code {
    this.helpers.add("failDocument");
    return ts`if (${depth} > ${MAX_DEPTH}) {
  failDocument(errors, "depth");
  return;
}`;
  }

  private objectBody(named: Extract<NamedPlan, { kind: "object" }>, value: Code, path: Code): Code {
    const { properties } = named;
    this.helpers.add("unknownProperties");
    const large = properties.length > PROPERTIES_PER_FUNCTION;
    const known = large
      ? ts`for (const key in ${value}) {
  if (!${Code.trusted(this.knownKeys.nameOf(JSON.stringify(properties.map((property) => property.name))))}.has(key)) (unknown ??= []).push(key);
}`
      : properties.length === 0
        ? ts`for (const key in ${value}) (unknown ??= []).push(key);`
        : ts`for (const key in ${value}) {
  switch (key) {
    ${join(properties.map((property) => ts`case ${property.name}:`))}
      break;
    default:
      (unknown ??= []).push(key);
  }
}`;
    const lines: Code[] = [ts`if (!isObject(${value})) ${this.rejectBlock(path, named.typeFailure, value, ts`depth`)} else {`, this.tooDeep(ts`depth`), ts`let unknown: string[] | undefined;`, known];
    const tolerant = this.tolerance.has(named.name);
    if (large) {
      for (let start = 0; start < properties.length; start += PROPERTIES_PER_FUNCTION) {
        const part = Code.trusted(`${this.names.check(named.name).text}$part${start / PROPERTIES_PER_FUNCTION + 1}`);
        const slice = properties.slice(start, start + PROPERTIES_PER_FUNCTION);
        // Each part is a scope of its own; the main function declares no property locals once split.
        this.localNames.clear();
        const body = join(slice.map((property) => this.propertyCheck(property, value, path)));
        // A part takes the flag only when one of its checks passes it on.
        const passesFlag = slice.some((property) => reachesAny(property.value, this.tolerance));
        this.parts.push(
          join([
            docComment([`Checks properties ${start + 1} to ${start + slice.length} of ${named.name}.`]),
            ts`function ${part}(value: Readonly<Record<string, unknown>>, path: string, errors: ValidationError[]${passesFlag ? ts`, tolerant: boolean` : ts``}, depth: number): void {
${body}
}`,
          ]),
        );
        lines.push(ts`${part}(${value}, ${path}, errors${passesFlag ? ts`, tolerant` : ts``}, depth);`);
      }
    } else {
      for (const property of properties) lines.push(this.propertyCheck(property, value, path));
    }
    lines.push(ts`if (unknown !== undefined) unknownProperties(errors, ${path}, ${value}, unknown, ${tolerant ? ts`tolerant` : ts`false`}, depth);
}`);
    return join(lines);
  }

  /** Reads one property of an object and checks it: required ones must be there. */
  private propertyCheck(property: Extract<NamedPlan, { kind: "object" }>["properties"][number], value: Code, path: Code): Code {
    const variable = this.propertyLocal(property.name);
    const propertyPath = ts`${path} + ${"/" + property.segment}`;
    const read = INHERITED_NAMES.has(property.name) ? ts`Object.hasOwn(${value}, ${property.name}) ? ${value}[${property.name}] : undefined` : ts`${value}[${property.name}]`;
    const check = this.check(property.value, variable, propertyPath, ts`depth + 1`);
    const missing = property.required
      ? ts`if (${variable} === undefined) {
  fail(errors, ${propertyPath}, ${REQUIRED.keyword}, ${REQUIRED.message});
} else {
${check}
}`
      : ts`if (${variable} !== undefined) {
${check}
}`;
    return ts`const ${variable} = ${read};
${missing}`;
  }

  private unionBody(named: Extract<NamedPlan, { kind: "union" }>, value: Code, path: Code): Code {
    const discriminatorPath = ts`${path} + ${"/" + named.segment}`;
    const cases = named.variants.map(
      (variant) => ts`case ${variant.value}:
      ${this.call(variant.type, value, path, ts`errors`, ts`tolerant`, ts`depth`)}
      return;`,
    );
    this.helpers.add("reject");
    return ts`if (!isObject(${value})) {
  reject(errors, ${path}, ${named.typeFailure.keyword}, ${named.typeFailure.message}, ${value}, depth);
  return;
}
const tag = ${value}[${named.discriminator}];
switch (tag) {
  ${join(cases)}
  default:
    if (tag === undefined) {
      reject(errors, ${discriminatorPath}, ${REQUIRED.keyword}, ${REQUIRED.message}, ${value}, depth);
    } else {
      reject(errors, ${discriminatorPath}, ${named.invalid.keyword}, ${named.invalid.message}, ${value}, depth);
    }
}`;
  }

  /** Statements that check `value` (a variable, nested `depth` deep) against the plan, with pointer `path`. */
  private check(plan: ValuePlan, value: Code, path: Code, depth: Code): Code {
    switch (plan.kind) {
      case "ref":
        // Every named type has a check function of its own; V8 inlines the small ones.
        return this.call(plan.name, value, path, ts`errors`, ts`tolerant`, depth);
      case "nullable":
        return ts`if (${value} !== null) {
${this.check(plan.inner, value, path, depth)}
}`;
      case "const":
        return ts`if (${value} !== ${plan.value}) ${this.rejectBlock(path, plan.failure, value, depth)}`;
      case "enum": {
        let test: Code;
        if (plan.values.length > ENUM_SET_THRESHOLD) {
          test = ts`!${Code.trusted(this.enumSets.nameOf(JSON.stringify(plan.values)))}.has(${value})`;
        } else test = join(plan.values.map((entry) => ts`${value} !== ${entry}`), " && ");
        return ts`if (${test}) ${this.rejectBlock(path, plan.failure, value, depth)}`;
      }
      case "boolean":
        return ts`if (typeof ${value} !== "boolean") ${this.rejectBlock(path, plan.typeFailure, value, depth)}`;
      case "string":
        return this.stringCheck(plan, value, path, depth);
      case "number":
        return this.numberCheck(plan, value, path, depth);
      case "array":
        return this.arrayCheck(plan, value, path, depth);
      case "map":
        return this.mapCheck(plan, value, path, depth);
    }
  }

  private stringCheck(plan: Extract<ValuePlan, { kind: "string" }>, value: Code, path: Code, depth: Code): Code {
    // A string that passes a format or an ASCII-only pattern is ASCII, so it holds no lone surrogate: such
    // strings are looked at for one only when a check fails. Others are checked first, with isWellFormed.
    const impliesWellFormed = plan.checks.some((check) => check.kind === "format" || (check.kind === "pattern" && check.translation.asciiOnly));
    const failed = (failure: Failure): Code => (impliesWellFormed ? this.rejectBlock(path, failure, value, depth) : this.failBlock(path, failure));
    const checks: Code[] = [];
    for (const check of plan.checks) {
      switch (check.kind) {
        // UTF-16 length bounds the code-point length from both sides, so counting is only needed near a bound.
        case "minLength":
          if (check.limit === 1) checks.push(ts`if (${value}.length === 0) ${failed(check.failure)}`);
          else {
            this.helpers.add("codePointLength");
            checks.push(ts`if (${value}.length < ${check.limit * 2} && codePointLength(${value}) < ${check.limit}) ${failed(check.failure)}`);
          }
          break;
        case "maxLength":
          this.helpers.add("codePointLength");
          checks.push(ts`if (${value}.length > ${check.limit} && codePointLength(${value}) > ${check.limit}) ${failed(check.failure)}`);
          break;
        case "pattern":
          checks.push(ts`if (!${this.pattern(check.pattern)}.test(${value})) ${failed(check.failure)}`);
          break;
        case "format": {
          const helper = FORMAT_CHECKS[check.format];
          this.helpers.add(helper);
          checks.push(ts`if (!${Code.trusted(helper)}(${value})) ${failed(check.failure)}`);
          break;
        }
      }
    }
    const typeCheck = ts`if (typeof ${value} !== "string") ${this.rejectBlock(path, plan.typeFailure, value, depth)}`;
    if (impliesWellFormed) return ts`${typeCheck}
else {
${join(checks)}
}`;
    this.helpers.add("isWellFormed");
    this.helpers.add("failDocument");
    return ts`${typeCheck}
else if (!isWellFormed(${value})) {
  failDocument(errors, "text");
}${checks.length === 0 ? ts`` : ts` else {
${join(checks)}
}`}`;
  }

  private numberCheck(plan: Extract<ValuePlan, { kind: "number" }>, value: Code, path: Code, depth: Code): Code {
    const operators = { minimum: "<", maximum: ">", exclusiveMinimum: "<=", exclusiveMaximum: ">=" } as const;
    const checks = plan.checks.map((check) => {
      if (check.kind === "multipleOf") {
        this.helpers.add("isMultipleOf");
        return ts`if (!isMultipleOf(${value}, ${check.divisor})) ${this.failBlock(path, check.failure)}`;
      }
      return ts`if (${value} ${Code.trusted(operators[check.kind])} ${check.limit}) ${this.failBlock(path, check.failure)}`;
    });
    const test = plan.integer ? ts`!Number.isInteger(${value})` : ts`!Number.isFinite(${value})`;
    const typeError = this.rejectBlock(path, plan.typeFailure, value, depth);
    if (checks.length === 0) return ts`if (typeof ${value} !== "number" || ${test}) ${typeError}`;
    return ts`if (typeof ${value} !== "number" || ${test}) ${typeError}
else {
${join(checks)}
}`;
  }

  private arrayCheck(plan: Extract<ValuePlan, { kind: "array" }>, value: Code, path: Code, depth: Code): Code {
    this.helpers.add("failDocument");
    const checks: Code[] = plan.counts.map((count) => ts`if (${value}.length ${Code.trusted(count.kind === "min" ? "<" : ">")} ${count.limit}) ${this.failBlock(path, count.failure)}`);
    const index = this.fresh("index");
    const item = this.fresh("item");
    const itemPath = ts`${path} + "/" + ${index}`;
    checks.push(ts`for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {
  const ${item}: unknown = ${value}[${index}];
${this.check(plan.items, item, itemPath, depthPlus(depth, 1))}
}`);
    return ts`if (!Array.isArray(${value})) ${this.rejectBlock(path, plan.typeFailure, value, depth)}
else if (${depth} > ${MAX_DEPTH}) {
  failDocument(errors, "depth");
} else {
${join(checks)}
}`;
  }

  private mapCheck(plan: Extract<ValuePlan, { kind: "map" }>, value: Code, path: Code, depth: Code): Code {
    this.helpers.add("escapePointer");
    this.helpers.add("sortedKeys");
    this.helpers.add("failDocument");
    this.helpers.add("isWellFormed");
    const keys = this.fresh("key");
    const key = this.fresh("key");
    const entry = this.fresh("entry");
    const checks: Code[] = [ts`const ${keys} = sortedKeys(${value});`];
    for (const count of plan.counts) checks.push(ts`if (${keys}.length ${Code.trusted(count.kind === "min" ? "<" : ">")} ${count.limit}) ${this.failBlock(path, count.failure)}`);
    checks.push(ts`for (const ${key} of ${keys}) {
  if (!isWellFormed(${key})) {
    failDocument(errors, "text");
    continue;
  }
  const ${entry} = ${value}[${key}];
${this.check(plan.values, entry, ts`${path} + "/" + escapePointer(${key})`, depthPlus(depth, 1))}
}`);
    return ts`if (!isObject(${value})) ${this.rejectBlock(path, plan.typeFailure, value, depth)}
else if (${depth} > ${MAX_DEPTH}) {
  failDocument(errors, "depth");
} else {
${join(checks)}
}`;
  }

  /** Each distinct pattern is compiled once, at module load, into a numbered constant. */
  private pattern(pattern: string): Code {
    return Code.trusted(this.patterns.nameOf(pattern));
  }
}
