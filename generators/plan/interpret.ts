/**
 * The validation plan run directly, in the generator's process: the errors every package must report for a
 * value, in order. The shared vectors carry its error lists, so each language's printed checks are held to
 * the plan they were printed from. Values here are already parsed JSON (the vectors are JSON documents), so
 * problems of the document itself are only looked for as the packages do on parsed values.
 */
import type { StringFormat } from "../ir/model.js";
// The TypeScript runtime's own helpers: the document rules, pointer escaping, code-point order and the exact
// multipleOf are written once, there.
import { codePointLength, compareCodePoints, documentProblem, escapePointer, isDate, isDateTime, isMultipleOf, isObject, isUri, isUuid, isWellFormed, settle } from "../../templates/typescript/runtime.js";
import { DOCUMENT_FAILURES, MAX_DEPTH, REQUIRED, UNKNOWN_PROPERTY, type EventPlan, type Failure, type NamedPlan, type ValidationPlan, type ValuePlan } from "./validation-plan.js";

export interface PlannedError {
  readonly pointer: string;
  readonly keyword: string;
  readonly message: string;
}

/** The TypeScript runtime's own format checks, the ones ajv-formats' verdicts are tested against. */
const FORMATS: Readonly<Record<StringFormat, (text: string) => boolean>> = { "date-time": isDateTime, date: isDate, uuid: isUuid, uri: isUri };

/** What the interpreter looks up in a plan, indexed once per plan: it runs once per vector, thousands of times. */
interface PlanIndex {
  readonly types: ReadonlyMap<string, NamedPlan>;
  readonly versions: ReadonlyMap<string, readonly EventPlan[]>;
  readonly patterns: Map<string, RegExp>;
}

const indexes = new WeakMap<ValidationPlan, PlanIndex>();

function indexOf(plan: ValidationPlan): PlanIndex {
  let index = indexes.get(plan);
  if (index === undefined) {
    const versions = new Map<string, EventPlan[]>();
    for (const event of plan.events) versions.set(event.eventType, [...(versions.get(event.eventType) ?? []), event]);
    index = { types: new Map(plan.types.map((type) => [type.name, type])), versions, patterns: new Map() };
    indexes.set(plan, index);
  }
  return index;
}

class Interpreter {
  readonly errors: PlannedError[] = [];

  constructor(
    private readonly index: PlanIndex,
    private readonly tolerant: boolean,
  ) {}

  private pattern(source: string): RegExp {
    let pattern = this.index.patterns.get(source);
    if (pattern === undefined) {
      pattern = new RegExp(source, "u");
      this.index.patterns.set(source, pattern);
    }
    return pattern;
  }

  private fail(pointer: string, failure: Failure): void {
    this.errors.push({ pointer, keyword: failure.keyword, message: failure.message });
  }

  reject(pointer: string, failure: Failure, value: unknown, depth: number): void {
    const problem = documentProblem(value, depth);
    if (problem === undefined) this.fail(pointer, failure);
    else this.fail("", DOCUMENT_FAILURES[problem]);
  }

  named(name: string, value: unknown, pointer: string, depth: number): void {
    const plan = this.index.types.get(name);
    if (plan === undefined) throw new Error(`internal error: no plan for ${name}`);
    if (plan.kind === "alias") return this.value(plan.value, value, pointer, depth);
    if (!isObject(value)) return this.reject(pointer, plan.typeFailure, value, depth);
    if (plan.kind === "union") {
      const tag = value[plan.discriminator];
      const variant = plan.variants.find((candidate) => candidate.value === tag);
      if (variant !== undefined) return this.named(variant.type, value, pointer, depth);
      return this.reject(`${pointer}/${plan.segment}`, tag === undefined ? REQUIRED : plan.invalid, value, depth);
    }
    if (depth > MAX_DEPTH) return this.fail("", DOCUMENT_FAILURES.depth);
    const known = new Set(plan.properties.map((property) => property.name));
    for (const property of plan.properties) {
      const item = Object.hasOwn(value, property.name) ? value[property.name] : undefined;
      if (item === undefined) {
        if (property.required) this.fail(`${pointer}/${property.segment}`, REQUIRED);
      } else this.value(property.value, item, `${pointer}/${property.segment}`, depth + 1);
    }
    for (const key of Object.keys(value).filter((candidate) => !known.has(candidate)).sort(compareCodePoints)) {
      const problem = isWellFormed(key) ? documentProblem(value[key], depth + 1) : "text";
      if (problem !== undefined) this.fail("", DOCUMENT_FAILURES[problem]);
      else if (!this.tolerant) this.fail(`${pointer}/${escapePointer(key)}`, UNKNOWN_PROPERTY);
    }
  }

  value(plan: ValuePlan, value: unknown, pointer: string, depth: number): void {
    switch (plan.kind) {
      case "ref":
        return this.named(plan.name, value, pointer, depth);
      case "nullable":
        if (value !== null) this.value(plan.inner, value, pointer, depth);
        return;
      case "const":
        if (value !== plan.value) this.reject(pointer, plan.failure, value, depth);
        return;
      case "enum":
        if (typeof value !== "string" || !plan.values.includes(value)) this.reject(pointer, plan.failure, value, depth);
        return;
      case "boolean":
        if (typeof value !== "boolean") this.reject(pointer, plan.typeFailure, value, depth);
        return;
      case "string": {
        if (typeof value !== "string") return this.reject(pointer, plan.typeFailure, value, depth);
        if (!isWellFormed(value)) return this.fail("", DOCUMENT_FAILURES.text);
        const length = codePointLength(value);
        for (const check of plan.checks) {
          let ok: boolean;
          if (check.kind === "minLength") ok = length >= check.limit;
          else if (check.kind === "maxLength") ok = length <= check.limit;
          else if (check.kind === "pattern") ok = this.pattern(check.pattern).test(value);
          else ok = FORMATS[check.format](value);
          if (!ok) this.fail(pointer, check.failure);
        }
        return;
      }
      case "number": {
        if (typeof value !== "number" || (plan.integer ? !Number.isInteger(value) : !Number.isFinite(value))) return this.reject(pointer, plan.typeFailure, value, depth);
        for (const check of plan.checks) {
          const ok =
            check.kind === "multipleOf"
              ? isMultipleOf(value, check.divisor)
              : check.kind === "minimum"
                ? value >= check.limit
                : check.kind === "maximum"
                  ? value <= check.limit
                  : check.kind === "exclusiveMinimum"
                    ? value > check.limit
                    : value < check.limit;
          if (!ok) this.fail(pointer, check.failure);
        }
        return;
      }
      case "array": {
        if (!Array.isArray(value)) return this.reject(pointer, plan.typeFailure, value, depth);
        if (depth > MAX_DEPTH) return this.fail("", DOCUMENT_FAILURES.depth);
        for (const count of plan.counts) if (count.kind === "min" ? value.length < count.limit : value.length > count.limit) this.fail(pointer, count.failure);
        value.forEach((item, index) => this.value(plan.items, item, `${pointer}/${index}`, depth + 1));
        return;
      }
      case "map": {
        if (!isObject(value)) return this.reject(pointer, plan.typeFailure, value, depth);
        if (depth > MAX_DEPTH) return this.fail("", DOCUMENT_FAILURES.depth);
        const keys = Object.keys(value).sort(compareCodePoints);
        for (const count of plan.counts) if (count.kind === "min" ? keys.length < count.limit : keys.length > count.limit) this.fail(pointer, count.failure);
        for (const key of keys) {
          if (!isWellFormed(key)) this.fail("", DOCUMENT_FAILURES.text);
          else this.value(plan.values, value[key], `${pointer}/${escapePointer(key)}`, depth + 1);
        }
        return;
      }
    }
  }
}

/** The errors the packages report for an event (a parsed JSON value), in their order. */
export function plannedErrors(plan: ValidationPlan, event: unknown, options: { tolerant: boolean }): PlannedError[] {
  const index = indexOf(plan);
  const interpreter = new Interpreter(index, options.tolerant);
  if (!isObject(event)) {
    interpreter.reject("", plan.notAnObject, event, 1);
  } else {
    const eventType = event["eventType"];
    const versions = (typeof eventType === "string" ? index.versions.get(eventType) : undefined) ?? [];
    const contract = versions.find((candidate) => candidate.version === event["version"]);
    if (versions.length === 0) interpreter.reject("/eventType", plan.unknownEventType, event, 1);
    else if (contract === undefined) interpreter.reject("/version", plan.unknownVersion.get(versions[0]?.eventType ?? "") ?? plan.unknownEventType, event, 1);
    else interpreter.named(contract.type, event, "", 1);
  }
  return settle(interpreter.errors);
}
