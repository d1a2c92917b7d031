import { goString } from "../../code/go.js";
import { REQUIRED, numberText, validationPlan, type Failure, type NamedPlan, type ValuePlan } from "../../plan/validation-plan.js";
import { latestEvents, type ContractsModel } from "../../ir/model.js";
import type { GoNames } from "./naming.js";
import { NumberedNames } from "../numbered-names.js";

const FORMAT_CHECKS = { "date-time": "isDateTime", date: "isDate", uuid: "isUUID", uri: "isURI" } as const;

/** Above this many values an enum is tested with a map rather than a switch. */
const ENUM_MAP_THRESHOLD = 8;

/**
 * The Go function that checks (`check`) or builds (`build`) a named type: derived from the model's unique
 * name, never from a Go type name; a name that is no Go identifier falls back to the type's index.
 */
export function goFunctionName(prefix: "check" | "build", name: string, index: number): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? `${prefix}${name}` : `${prefix}Type${index}`;
}

/**
 * `validate.go`: the validation plan (plan/validation-plan.ts) printed as Go, over the one tree that
 * `readJSON` makes of the bytes; the TypeScript and Python packages print the same plan. Pointers are built
 * only on error paths, from locations linked on the stack.
 */
export function goValidateFile(model: ContractsModel, names: GoNames, packageName: string, header: string, staticPart: string): string {
  const plan = validationPlan(model);
  const emitter = new GoCheckEmitter(plan.types);
  const checks = plan.types.map((named) => emitter.checkFunction(named));
  const latest = latestEvents(model);
  const dispatch = latest.map((event) => {
    const versions = plan.events.filter((candidate) => candidate.eventType === event.eventType);
    const unknownVersion = plan.unknownVersion.get(event.eventType) ?? { keyword: "version", message: "" };
    const cases = versions.map((version) => `\t\tcase float64(${version.version}):\n\t\t\t${emitter.call(version.type, "value", "nil", "&errs")}`);
    return `\tcase ${names.eventTypeConstant(event)}:
		switch object["version"] {
${cases.join("\n")}
		default:
			fail(&errs, &location{key: "version"}, ${goString(unknownVersion.keyword)}, ${goString(unknownVersion.message)})
		}`;
  });
  const eventSchemas = model.events.map((event) => `\t{${goString(event.eventType)}, ${event.version}}: ${goString(event.schemaId)},`);
  return `${header}
package ${packageName}

${emitter.imports()}
${staticPart}
// eventVersion names one version of one event type.
type eventVersion struct {
	eventType string
	version   int64
}

// eventSchemas maps each version of each event type to the $id of its schema.
var eventSchemas = map[eventVersion]string{
${eventSchemas.join("\n")}
}

${emitter.constants()}
// validateValue checks a parsed event against the contract its eventType and version name.
func validateValue(value any, tolerant bool) []FieldError {
	var errs []FieldError
	object, ok := value.(map[string]any)
	if !ok {
		fail(&errs, nil, ${goString(plan.notAnObject.keyword)}, ${goString(plan.notAnObject.message)})
		return errs
	}
	switch object["eventType"] {
${dispatch.join("\n")}
	default:
		fail(&errs, &location{key: "eventType"}, ${goString(plan.unknownEventType.keyword)}, ${goString(plan.unknownEventType.message)})
	}
	return errs
}

${checks.join("\n")}`;
}

class GoCheckEmitter {
  private readonly patterns = new NumberedNames((index) => `pattern${index}`);
  private readonly enumMaps = new NumberedNames((index) => `enum${index}`);
  private lengths = false;
  private count = 0;
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(types: readonly NamedPlan[]) {
    this.indexOf = new Map(types.map((type, index) => [type.name, index]));
  }

  imports(): string {
    const paths = ["encoding/json", "errors", "fmt", "strings", ...(this.patterns.size > 0 ? ["regexp"] : []), ...(this.lengths ? ["unicode/utf8"] : [])].sort();
    return `import (\n${paths.map((path) => `\t${goString(path)}`).join("\n")}\n)\n`;
  }

  constants(): string {
    const patterns = this.patterns.entries().map(([pattern, name]) => `\t${name} = regexp.MustCompile(${goString(pattern)})`);
    const enums = this.enumMaps.entries().map(([values, name]) => `\t${name} = map[string]bool{${(JSON.parse(values) as string[]).map((value) => `${goString(value)}: true`).join(", ")}}`);
    const all = [...patterns, ...enums];
    return all.length === 0 ? "" : `// The patterns of the contracts, translated from ECMAScript at generate time, and the larger enums.\nvar (\n${all.join("\n")}\n)\n`;
  }

  /** A call of a named type's check; `errs` is validateValue's own list (`&errs`) or a check's pointer to one. */
  call(name: string, value: string, at: string, errs = "errs"): string {
    return `${goFunctionName("check", name, this.indexOf.get(name) ?? 0)}(${value}, ${at}, ${errs}, tolerant)`;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  private fail(at: string, failure: Failure): string {
    return `fail(errs, ${at}, ${goString(failure.keyword)}, ${goString(failure.message)})`;
  }

  checkFunction(named: NamedPlan): string {
    this.count = 0;
    const name = goFunctionName("check", named.name, this.indexOf.get(named.name) ?? 0);
    const doc = `// ${name} checks a value against ${named.name.replace(/[^A-Za-z0-9 ]/g, "")}, adding what is wrong to errs.\n`;
    const body = named.kind === "object" ? this.objectBody(named) : named.kind === "union" ? this.unionBody(named) : this.check(named.value, "value", "at");
    return `${doc}func ${name}(value any, at *location, errs *[]FieldError, tolerant bool) {\n${body}\n}\n`;
  }

  private objectBody(named: Extract<NamedPlan, { kind: "object" }>): string {
    const lines = [`object, ok := value.(map[string]any)
if !ok {
${this.fail("at", named.typeFailure)}
return
}`];
    // Unknown properties are collected first and reported last, after the declared ones, as in every package.
    lines.push(named.properties.length > 0
      ? `var unknown []string
if !tolerant {
for key := range object {
switch key {
case ${named.properties.map((property) => goString(property.name)).join(", ")}:
default:
unknown = append(unknown, key)
}
}
}`
      : `var unknown []string
if !tolerant {
unknown = sortedKeys(object)
}`);
    for (const property of named.properties) {
      const value = this.fresh("value");
      const at = this.fresh("at");
      const check = this.check(property.value, value, `&${at}`);
      const read = `${value}, present := object[${goString(property.name)}]`;
      lines.push(`${at} := location{parent: at, key: ${goString(property.name)}}`);
      lines.push(property.required
        ? `if ${read}; !present {\n${this.fail(`&${at}`, REQUIRED)}\n} else {\n${check}\n}`
        : `if ${read}; present {\n${check}\n}`);
    }
    lines.push(`if len(unknown) > 0 {\nunknownProperties(errs, at, unknown)\n}`);
    return lines.join("\n");
  }

  private unionBody(named: Extract<NamedPlan, { kind: "union" }>): string {
    const cases = named.variants.map((variant) => `case ${goString(variant.value)}:\n${this.call(variant.type, "value", "at")}`);
    return `object, ok := value.(map[string]any)
if !ok {
${this.fail("at", named.typeFailure)}
return
}
tag, present := object[${goString(named.discriminator)}]
here := location{parent: at, key: ${goString(named.discriminator)}}
switch tag {
${cases.join("\n")}
default:
if !present {
${this.fail("&here", REQUIRED)}
} else {
${this.fail("&here", named.invalid)}
}
}`;
  }

  private check(plan: ValuePlan, value: string, at: string): string {
    switch (plan.kind) {
      case "ref":
        return this.call(plan.name, value, at);
      case "nullable":
        return `if ${value} != nil {\n${this.check(plan.inner, value, at)}\n}`;
      case "const": {
        const constant = plan.value;
        const typed = this.fresh("constant");
        const test =
          typeof constant === "string"
            ? `${typed}, ok := ${value}.(string); !ok || ${typed} != ${goString(constant)}`
            : typeof constant === "boolean"
              ? `${typed}, ok := ${value}.(bool); !ok || ${constant ? `!${typed}` : typed}`
              : `${typed}, ok := ${value}.(float64); !ok || ${typed} != ${numberText(constant)}`;
        return `if ${test} {\n${this.fail(at, plan.failure)}\n}`;
      }
      case "enum": {
        if (plan.values.length > ENUM_MAP_THRESHOLD) {
          const name = this.enumMaps.nameOf(JSON.stringify(plan.values));
          const text = this.fresh("text");
          return `if ${text}, ok := ${value}.(string); !ok || !${name}[${text}] {\n${this.fail(at, plan.failure)}\n}`;
        }
        return `switch ${value} {\ncase ${plan.values.map(goString).join(", ")}:\ndefault:\n${this.fail(at, plan.failure)}\n}`;
      }
      case "boolean":
        return `if _, ok := ${value}.(bool); !ok {\n${this.fail(at, plan.typeFailure)}\n}`;
      case "string":
        return this.stringCheck(plan, value, at);
      case "number":
        return this.numberCheck(plan, value, at);
      case "array": {
        const items = this.fresh("items");
        const index = this.fresh("index");
        const item = this.fresh("item");
        const itemAt = this.fresh("at");
        const counts = plan.counts.map((count) => `if len(${items}) ${count.kind === "min" ? "<" : ">"} ${count.limit} {\n${this.fail(at, count.failure)}\n}`);
        return `if ${items}, ok := ${value}.([]any); !ok {
${this.fail(at, plan.typeFailure)}
} else {
${counts.join("\n")}
for ${index}, ${item} := range ${items} {
${itemAt} := location{parent: ${at}, index: ${index}, isIndex: true}
${this.check(plan.items, item, `&${itemAt}`)}
}
}`;
      }
      case "map": {
        const entries = this.fresh("entries");
        const key = this.fresh("key");
        const entryAt = this.fresh("at");
        const counts = plan.counts.map((count) => `if len(${entries}) ${count.kind === "min" ? "<" : ">"} ${count.limit} {\n${this.fail(at, count.failure)}\n}`);
        return `if ${entries}, ok := ${value}.(map[string]any); !ok {
${this.fail(at, plan.typeFailure)}
} else {
${counts.join("\n")}
for _, ${key} := range sortedKeys(${entries}) {
${entryAt} := location{parent: ${at}, key: ${key}}
${this.check(plan.values, `${entries}[${key}]`, `&${entryAt}`)}
}
}`;
      }
    }
  }

  private stringCheck(plan: Extract<ValuePlan, { kind: "string" }>, value: string, at: string): string {
    const text = this.fresh("text");
    const checks = plan.checks.map((check) => {
      switch (check.kind) {
        // A string has at least as many bytes as code points and at most four times as many, so counting
        // is only needed near a bound.
        case "minLength":
          if (check.limit > 1) this.lengths = true;
          return check.limit === 1
            ? `if ${text} == "" {\n${this.fail(at, check.failure)}\n}`
            : `if len(${text}) < ${check.limit * 4} && utf8.RuneCountInString(${text}) < ${check.limit} {\n${this.fail(at, check.failure)}\n}`;
        case "maxLength":
          this.lengths = true;
          return `if len(${text}) > ${check.limit} && utf8.RuneCountInString(${text}) > ${check.limit} {\n${this.fail(at, check.failure)}\n}`;
        case "pattern":
          return `if !${this.pattern(check.translation.go)}.MatchString(${text}) {\n${this.fail(at, check.failure)}\n}`;
        case "format":
          return `if !${FORMAT_CHECKS[check.format]}(${text}) {\n${this.fail(at, check.failure)}\n}`;
      }
    });
    if (checks.length === 0) return `if _, ok := ${value}.(string); !ok {\n${this.fail(at, plan.typeFailure)}\n}`;
    return `if ${text}, ok := ${value}.(string); !ok {\n${this.fail(at, plan.typeFailure)}\n} else {\n${checks.join("\n")}\n}`;
  }

  private numberCheck(plan: Extract<ValuePlan, { kind: "number" }>, value: string, at: string): string {
    const number = this.fresh("number");
    const operators = { minimum: "<", maximum: ">", exclusiveMinimum: "<=", exclusiveMaximum: ">=" } as const;
    const checks = plan.checks.map((check) =>
      check.kind === "multipleOf"
        ? `if !isMultipleOf(${number}, ${numberText(check.divisor)}) {\n${this.fail(at, check.failure)}\n}`
        : `if ${number} ${operators[check.kind]} ${numberText(check.limit)} {\n${this.fail(at, check.failure)}\n}`,
    );
    const test = plan.integer ? `!ok || !isInteger(${number})` : "!ok";
    if (checks.length === 0) return `if ${plan.integer ? number : "_"}, ok := ${value}.(float64); ${test} {\n${this.fail(at, plan.typeFailure)}\n}`;
    return `if ${number}, ok := ${value}.(float64); ${test} {\n${this.fail(at, plan.typeFailure)}\n} else {\n${checks.join("\n")}\n}`;
  }

  private pattern(source: string): string {
    return this.patterns.nameOf(source);
  }
}
