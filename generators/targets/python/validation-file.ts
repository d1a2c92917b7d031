import { pyString, snakeCase } from "../../code/python.js";
import { REQUIRED, numberText, validationPlan, type Failure, type NamedPlan, type ValuePlan } from "../../plan/validation-plan.js";
import type { ContractsModel } from "../../ir/model.js";
import { NumberedNames } from "../numbered-names.js";

const FORMAT_CHECKS = { "date-time": "is_date_time", date: "is_date", uuid: "is_uuid", uri: "is_uri" } as const;

/**
 * A Python function name per named type (`prefix` + snake_case of the model's name), unique: the model's names
 * are unique, and the rare two that meet in snake_case are told apart by their index.
 */
export function functionNames(model: ContractsModel, prefix: string): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  model.types.forEach((type, index) => {
    let name = `${prefix}${snakeCase(type.name) ?? `type_${index}`}`;
    if (taken.has(name)) name = `${name}_${index}`;
    taken.add(name);
    names.set(type.name, name);
  });
  return names;
}

/**
 * `validation.py`: the static reader and helpers (templates/python/validation.py.tmpl), then the validation
 * plan printed as Python: a check function per named type over the one value `load_json` read.
 */
export function pythonValidationFile(model: ContractsModel, header: string, staticPart: string): string {
  const plan = validationPlan(model);
  const emitter = new PythonCheckEmitter(functionNames(model, "_check_"));
  const checks = plan.types.map((named) => emitter.checkFunction(named));
  const eventTypes = plan.eventTypes.map((eventType, position) => {
    const versions = plan.events.filter((event) => event.eventType === eventType);
    const unknownVersion = plan.unknownVersion.get(eventType) ?? { keyword: "version", message: "" };
    const cases = versions.map((version, index) => `        ${index === 0 ? "if" : "elif"} version == ${version.version}:\n            ${emitter.call(version.type, "value", '""')}`);
    return `    ${position === 0 ? "if" : "elif"} event_type == ${pyString(eventType)}:
${cases.join("\n")}
        else:
            errors.append(ValidationIssue("/version", ${pyString(unknownVersion.keyword)}, ${pyString(unknownVersion.message)}))`;
  });
  const table = plan.types.map((named) => `    ${pyString(named.name)}: ${emitter.functionOf(named.name)},`);
  return `${header}${staticPart}
${emitter.constants()}

${checks.join("\n\n")}

_CHECKS: Final = {
${table.join("\n")}
}


def _validate_value(value: object, tolerant: bool) -> list[ValidationIssue]:
    """Every problem of a value read by load_json, its contract chosen by its eventType and version."""
    if not isinstance(value, dict):
        return [ValidationIssue("", ${pyString(plan.notAnObject.keyword)}, ${pyString(plan.notAnObject.message)})]
    errors: list[ValidationIssue] = []
    event_type = value.get("eventType")
    version = value.get("version")
    if type(version) is not int:
        version = None
${eventTypes.join("\n")}
    else:
        errors.append(ValidationIssue("/eventType", ${pyString(plan.unknownEventType.keyword)}, ${pyString(plan.unknownEventType.message)}))
    return errors


def _event_type_of(value: object) -> str | None:
    event_type = value.get("eventType") if isinstance(value, dict) else None
    return event_type if isinstance(event_type, str) and event_type in _EVENT_TYPES else None


_EVENT_TYPES: Final = frozenset({${plan.eventTypes.map(pyString).join(", ")}})


def read_event(data: bytes | str | Mapping[str, object], *, tolerant: bool = False) -> dict[str, object]:
    """Reads and validates an event in one pass; the value returned is exactly the one judged.

    Raises ContractValidationError listing every problem when the event breaks its contract.
    """
    try:
        value = load_json(data)
    except DocumentError as error:
        raise ContractValidationError(None, [error.issue]) from None
    issues = _validate_value(value, tolerant)
    if issues or not isinstance(value, dict):
        raise ContractValidationError(_event_type_of(value), issues)
    return value


def validation_errors(data: bytes | str | Mapping[str, object], *, tolerant: bool = False) -> list[ValidationIssue]:
    """Every problem of an event, its contract chosen by its eventType and version; empty when it is valid.

    Unknown properties are errors, as producers need; with tolerant=True they are allowed, as consumers need.
    """
    try:
        value = load_json(data)
    except DocumentError as error:
        return [error.issue]
    return _validate_value(value, tolerant)


def validate(data: bytes | str | Mapping[str, object], *, tolerant: bool = False) -> None:
    """Raises ContractValidationError listing every problem when the event breaks its contract."""
    read_event(data, tolerant=tolerant)


def issues_of(type_name: str, value: Mapping[str, object]) -> list[ValidationIssue]:
    """Every problem of a value against one named type of the contracts, strictly (models check themselves)."""
    try:
        tree = load_json(value)
    except DocumentError as error:
        return [error.issue]
    errors: list[ValidationIssue] = []
    _CHECKS[type_name](tree, "", errors, False)
    return errors
`;
}

/**
 * `if condition:` around a body indented one level deeper; a body that is a single `if` without `else` is
 * merged into it (`if a and (b):`), as ruff's SIM102 wants.
 */
function guarded(condition: string, body: string, indent: string): string {
  const deeper = `${indent}    `;
  const lines = body.split("\n");
  const head = lines[0] ?? "";
  const single = head.startsWith(`${deeper}if `) && head.endsWith(":") && lines.slice(1).every((line) => line.startsWith(`${deeper}    `));
  if (!single) return `${indent}if ${condition}:\n${body}`;
  const test = head.slice(deeper.length + 3, -1);
  return [`${indent}if ${condition} and (${test}):`, ...lines.slice(1).map((line) => line.slice(4))].join("\n");
}

class PythonCheckEmitter {
  private readonly patterns = new NumberedNames((index) => `_PATTERN_${index}`);
  private readonly known = new NumberedNames((index) => `_KNOWN_${index}`);
  private readonly enums = new NumberedNames((index) => `_ENUM_${index}`);
  private count = 0;

  constructor(private readonly names: ReadonlyMap<string, string>) {}

  functionOf(name: string): string {
    return this.names.get(name) ?? "_check_missing";
  }

  call(name: string, value: string, path: string): string {
    return `${this.functionOf(name)}(${value}, ${path}, errors, tolerant)`;
  }

  constants(): string {
    const patterns = this.patterns.entries().map(([source, name]) => `${name}: Final = re.compile(${pyString(source)}, re.ASCII)`);
    const sets = [...this.known.entries(), ...this.enums.entries()].map(([values, name]) => `${name}: Final = frozenset({${(JSON.parse(values) as string[]).map(pyString).join(", ")}})`);
    return [...patterns, ...sets].join("\n");
  }

  private set(values: readonly string[], kind: "known" | "enum"): string {
    return (kind === "known" ? this.known : this.enums).nameOf(JSON.stringify(values));
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  private fail(path: string, failure: Failure, indent: string): string {
    return `${indent}errors.append(ValidationIssue(${path}, ${pyString(failure.keyword)}, ${pyString(failure.message)}))`;
  }

  checkFunction(named: NamedPlan): string {
    this.count = 0;
    const body = named.kind === "object" ? this.objectBody(named) : named.kind === "union" ? this.unionBody(named) : this.check(named.value, "value", "path", "    ");
    return `def ${this.functionOf(named.name)}(value: object, path: str, errors: list[ValidationIssue], tolerant: bool) -> None:
    """Checks a value against ${named.name.replace(/[^A-Za-z0-9]/g, "")}, adding what is wrong to errors."""
${body}
`;
  }

  private objectBody(named: Extract<NamedPlan, { kind: "object" }>): string {
    const lines = [`    if not isinstance(value, dict):\n${this.fail("path", named.typeFailure, "        ")}\n        return`];
    if (named.properties.length > 0) {
      const known = this.set(named.properties.map((property) => property.name), "known");
      lines.push(`    unknown = None if tolerant else value.keys() - ${known}`);
    } else lines.push(`    unknown = None if tolerant else set(value)`);
    for (const property of named.properties) {
      const item = this.fresh("item");
      const path = `path + ${pyString(`/${property.segment}`)}`;
      const check = this.check(property.value, item, path, "        ");
      lines.push(`    ${item} = value.get(${pyString(property.name)}, _MISSING)`);
      lines.push(property.required ? `    if ${item} is _MISSING:\n${this.fail(path, REQUIRED, "        ")}\n    else:\n${check}` : guarded(`${item} is not _MISSING`, check, "    "));
    }
    lines.push(`    if unknown:\n        _unknown_properties(errors, path, unknown)`);
    return lines.join("\n");
  }

  private unionBody(named: Extract<NamedPlan, { kind: "union" }>): string {
    const path = `path + ${pyString(`/${named.segment}`)}`;
    const cases = named.variants.map((variant, index) => `    ${index === 0 ? "if" : "elif"} tag == ${pyString(variant.value)}:\n        ${this.call(variant.type, "value", "path")}`);
    return `    if not isinstance(value, dict):
${this.fail("path", named.typeFailure, "        ")}
        return
    tag = value.get(${pyString(named.discriminator)}, _MISSING)
${cases.join("\n")}
    elif tag is _MISSING:
${this.fail(path, REQUIRED, "        ")}
    else:
${this.fail(path, named.invalid, "        ")}`;
  }

  /** Statements (indented by `indent`) that check `value` against the plan, with pointer expression `path`. */
  private check(plan: ValuePlan, value: string, path: string, indent: string): string {
    const deeper = `${indent}    `;
    switch (plan.kind) {
      case "ref":
        return `${indent}${this.call(plan.name, value, path)}`;
      case "nullable":
        return guarded(`${value} is not None`, this.check(plan.inner, value, path, deeper), indent);
      case "const": {
        const constant = plan.value;
        const test =
          typeof constant === "string"
            ? `${value} != ${pyString(constant)}`
            : typeof constant === "boolean"
              ? `${value} is not ${constant ? "True" : "False"}`
              : `(type(${value}) is not int and type(${value}) is not float) or ${value} != ${numberText(constant)}`;
        return `${indent}if ${test}:\n${this.fail(path, plan.failure, deeper)}`;
      }
      case "enum":
        return `${indent}if type(${value}) is not str or ${value} not in ${this.set(plan.values, "enum")}:\n${this.fail(path, plan.failure, deeper)}`;
      case "boolean":
        return `${indent}if type(${value}) is not bool:\n${this.fail(path, plan.typeFailure, deeper)}`;
      case "string": {
        const checks = plan.checks.map((check) => {
          switch (check.kind) {
            case "minLength":
              return `${deeper}if len(${value}) < ${check.limit}:\n${this.fail(path, check.failure, `${deeper}    `)}`;
            case "maxLength":
              return `${deeper}if len(${value}) > ${check.limit}:\n${this.fail(path, check.failure, `${deeper}    `)}`;
            case "pattern":
              return `${deeper}if ${this.pattern(check.translation.python)}.search(${value}) is None:\n${this.fail(path, check.failure, `${deeper}    `)}`;
            case "format":
              return `${deeper}if not ${FORMAT_CHECKS[check.format]}(${value}):\n${this.fail(path, check.failure, `${deeper}    `)}`;
          }
        });
        const typeError = `${indent}if type(${value}) is not str:\n${this.fail(path, plan.typeFailure, deeper)}`;
        return checks.length === 0 ? typeError : `${typeError}\n${indent}else:\n${checks.join("\n")}`;
      }
      case "number": {
        const operators = { minimum: "<", maximum: ">", exclusiveMinimum: "<=", exclusiveMaximum: ">=" } as const;
        const checks = plan.checks.map((check) =>
          check.kind === "multipleOf"
            ? `${deeper}if not _is_multiple_of(${value}, ${pyString(numberText(check.divisor))}):\n${this.fail(path, check.failure, `${deeper}    `)}`
            : `${deeper}if ${value} ${operators[check.kind]} ${numberText(check.limit)}:\n${this.fail(path, check.failure, `${deeper}    `)}`,
        );
        const test = plan.integer ? `type(${value}) is not int and (type(${value}) is not float or not ${value}.is_integer())` : `type(${value}) is not int and type(${value}) is not float`;
        const typeError = `${indent}if ${test}:\n${this.fail(path, plan.typeFailure, deeper)}`;
        return checks.length === 0 ? typeError : `${typeError}\n${indent}else:\n${checks.join("\n")}`;
      }
      case "array": {
        const index = this.fresh("index");
        const element = this.fresh("element");
        const counts = plan.counts.map((count) => `${deeper}if len(${value}) ${count.kind === "min" ? "<" : ">"} ${count.limit}:\n${this.fail(path, count.failure, `${deeper}    `)}`);
        return `${indent}if type(${value}) is not list:
${this.fail(path, plan.typeFailure, deeper)}
${indent}else:
${counts.map((count) => `${count}\n`).join("")}${deeper}for ${index}, ${element} in enumerate(${value}):
${this.check(plan.items, element, `${path} + "/" + str(${index})`, `${deeper}    `)}`;
      }
      case "map": {
        const key = this.fresh("key");
        const counts = plan.counts.map((count) => `${deeper}if len(${value}) ${count.kind === "min" ? "<" : ">"} ${count.limit}:\n${this.fail(path, count.failure, `${deeper}    `)}`);
        return `${indent}if not isinstance(${value}, dict):
${this.fail(path, plan.typeFailure, deeper)}
${indent}else:
${counts.map((count) => `${count}\n`).join("")}${deeper}for ${key} in sorted(${value}):
${this.check(plan.values, `${value}[${key}]`, `${path} + "/" + _escape(${key})`, `${deeper}    `)}`;
      }
    }
  }

  private pattern(source: string): string {
    return this.patterns.nameOf(source);
  }
}
