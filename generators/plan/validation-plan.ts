/**
 * The validation plan: the one definition of what "valid" means, derived once from the contracts model and
 * printed by every target (TypeScript, Go, Python). It fixes which checks run, in which order, and the
 * keyword and message of each failure, so that the three packages report the same `(pointer, keyword,
 * message)` list for every input. A target decides only how to spell a check in its language.
 *
 * Order, everywhere: a value's type first (nothing else is checked on a value of the wrong type); then its
 * constraints in the order below; an object's declared properties in schema order (a missing required one is
 * one `required` failure), then its unknown properties in code-point order of their names (strict only); a
 * union checks only the variant its discriminator names.
 */
import { DOCUMENT_PROBLEMS, type DocumentProblem } from "../../templates/typescript/runtime.js";
import { escapePointerSegment } from "../schema/json-pointer.js";
import { translatePattern, type PatternTranslation } from "./patterns.js";
import type { ContractsModel, ConstValue, EventContract, NamedType, StringFormat, TypeNode } from "../ir/model.js";

// The document rules are the TypeScript runtime's (it is what the generated TypeScript package runs, and
// what the plan interpreter runs): their limit and messages are taken from it, not written twice.
export { MAX_DEPTH } from "../../templates/typescript/runtime.js";
/** The largest integer every language reads exactly (JavaScript's Number.MAX_SAFE_INTEGER). */
export const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

export type { DocumentProblem };

export interface Failure {
  readonly keyword: string;
  readonly message: string;
}

/**
 * Problems of the document itself, found while reading it rather than against a contract. Any one of them is
 * the only error reported (the value cannot be trusted to hold what was sent), ranked in this order.
 */
export const DOCUMENT_FAILURES: Readonly<Record<DocumentProblem, Failure>> = {
  syntax: { keyword: "json", message: DOCUMENT_PROBLEMS.syntax },
  depth: { keyword: "json", message: DOCUMENT_PROBLEMS.depth },
  number: { keyword: "json", message: DOCUMENT_PROBLEMS.number },
  text: { keyword: "json", message: DOCUMENT_PROBLEMS.text },
};

export type StringCheck =
  | { readonly kind: "minLength"; readonly limit: number; readonly failure: Failure }
  | { readonly kind: "maxLength"; readonly limit: number; readonly failure: Failure }
  | { readonly kind: "pattern"; readonly pattern: string; readonly translation: PatternTranslation; readonly failure: Failure }
  | { readonly kind: "format"; readonly format: StringFormat; readonly failure: Failure };

export type NumberCheck =
  | { readonly kind: "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum"; readonly limit: number; readonly failure: Failure }
  | { readonly kind: "multipleOf"; readonly divisor: number; readonly failure: Failure };

export type CountCheck = { readonly kind: "min" | "max"; readonly limit: number; readonly failure: Failure };

/** How one value is checked. `typeFailure` is reported when the value has the wrong JSON type. */
export type ValuePlan =
  | { readonly kind: "ref"; readonly name: string }
  | { readonly kind: "nullable"; readonly inner: ValuePlan }
  | { readonly kind: "string"; readonly typeFailure: Failure; readonly checks: readonly StringCheck[] }
  | { readonly kind: "number"; readonly integer: boolean; readonly typeFailure: Failure; readonly checks: readonly NumberCheck[] }
  | { readonly kind: "boolean"; readonly typeFailure: Failure }
  | { readonly kind: "const"; readonly value: ConstValue; readonly failure: Failure }
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly failure: Failure }
  | { readonly kind: "array"; readonly typeFailure: Failure; readonly counts: readonly CountCheck[]; readonly items: ValuePlan }
  | { readonly kind: "map"; readonly typeFailure: Failure; readonly counts: readonly CountCheck[]; readonly values: ValuePlan };

export interface PropertyPlan {
  /** The name on the wire. */
  readonly name: string;
  /** The name as an escaped JSON Pointer segment. */
  readonly segment: string;
  readonly required: boolean;
  readonly value: ValuePlan;
}

export type NamedPlan =
  | { readonly kind: "object"; readonly name: string; readonly typeFailure: Failure; readonly properties: readonly PropertyPlan[] }
  | {
      readonly kind: "union";
      readonly name: string;
      readonly typeFailure: Failure;
      readonly discriminator: string;
      readonly segment: string;
      readonly variants: readonly { readonly value: string; readonly type: string }[];
      readonly invalid: Failure;
    }
  | { readonly kind: "alias"; readonly name: string; readonly value: ValuePlan };

export interface EventPlan {
  readonly eventType: string;
  readonly version: number;
  /** The named type checked for this version. */
  readonly type: string;
}

export interface ValidationPlan {
  /** One per named type of the model, in model order. */
  readonly types: readonly NamedPlan[];
  /** Every kept version of every event, sorted by eventType then version. */
  readonly events: readonly EventPlan[];
  /** The event types, sorted. */
  readonly eventTypes: readonly string[];
  readonly notAnObject: Failure;
  readonly unknownEventType: Failure;
  /** Per event type: the failure for a version the contracts do not keep. */
  readonly unknownVersion: ReadonlyMap<string, Failure>;
}

/** The failures every object shares. */
export const REQUIRED: Failure = { keyword: "required", message: "is required" };
export const UNKNOWN_PROPERTY: Failure = { keyword: "additionalProperties", message: "is not a property of this contract" };

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A number as JavaScript prints it, so every language's message shows the same digits. */
export function numberText(value: number): string {
  return String(value);
}

function valuePlan(type: TypeNode, orNull = ""): ValuePlan {
  switch (type.kind) {
    case "ref":
      return { kind: "ref", name: type.name };
    case "nullable":
      return { kind: "nullable", inner: valuePlan(type.inner, " or null") };
    case "const":
      return { kind: "const", value: type.value, failure: { keyword: "const", message: `must be ${JSON.stringify(type.value)}${orNull}` } };
    case "enum":
      return { kind: "enum", values: type.values, failure: { keyword: "enum", message: `must be one of ${type.values.map((value) => JSON.stringify(value)).join(", ")}${orNull}` } };
    case "boolean":
      return { kind: "boolean", typeFailure: { keyword: "type", message: `must be a boolean${orNull}` } };
    case "string": {
      const checks: StringCheck[] = [];
      if (type.minLength !== undefined && type.minLength > 0) {
        const message = type.minLength === 1 ? "must not be empty" : `must be at least ${plural(type.minLength, "character")} long`;
        checks.push({ kind: "minLength", limit: type.minLength, failure: { keyword: "minLength", message } });
      }
      if (type.maxLength !== undefined) {
        checks.push({ kind: "maxLength", limit: type.maxLength, failure: { keyword: "maxLength", message: `must be at most ${plural(type.maxLength, "character")} long` } });
      }
      if (type.pattern !== undefined) {
        const translated = translatePattern(type.pattern);
        if (!translated.ok) throw new Error(`internal error: the model holds a refused pattern ${type.pattern}`);
        checks.push({ kind: "pattern", pattern: type.pattern, translation: translated.translation, failure: { keyword: "pattern", message: `must match the pattern ${type.pattern}` } });
      }
      if (type.format !== undefined) checks.push({ kind: "format", format: type.format, failure: { keyword: "format", message: `must be a valid ${type.format}` } });
      return { kind: "string", typeFailure: { keyword: "type", message: `must be a string${orNull}` }, checks };
    }
    case "number":
      return numberPlan(type, orNull);
    case "array":
      return {
        kind: "array",
        typeFailure: { keyword: "type", message: `must be an array${orNull}` },
        counts: counts(type.minItems, type.maxItems, "minItems", "maxItems", "item"),
        items: valuePlan(type.items),
      };
    case "map":
      return {
        kind: "map",
        typeFailure: { keyword: "type", message: `must be an object${orNull}` },
        counts: counts(type.minProperties, type.maxProperties, "minProperties", "maxProperties", "entry"),
        values: valuePlan(type.values),
      };
    case "object":
    case "union":
      throw new Error("internal error: objects and unions are always named types");
  }
}

function counts(min: number | undefined, max: number | undefined, minKeyword: string, maxKeyword: string, noun: string): CountCheck[] {
  const word = (count: number): string => (noun === "entry" ? `${count} ${count === 1 ? "entry" : "entries"}` : plural(count, noun));
  const checks: CountCheck[] = [];
  if (min !== undefined && min > 0) checks.push({ kind: "min", limit: min, failure: { keyword: minKeyword, message: `must have at least ${word(min)}` } });
  if (max !== undefined) checks.push({ kind: "max", limit: max, failure: { keyword: maxKeyword, message: `must have at most ${word(max)}` } });
  return checks;
}

/**
 * Integers carry the safe-integer bounds as if the schema had written them (unless a tighter bound is there):
 * a larger integer has no exact value in JavaScript, so no language may accept it.
 */
function numberPlan(type: Extract<TypeNode, { kind: "number" }>, orNull: string): ValuePlan {
  const checks: NumberCheck[] = [];
  const bound = (kind: "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum", limit: number | undefined, words: string): void => {
    if (limit !== undefined) checks.push({ kind, limit, failure: { keyword: kind, message: `must be ${words} ${numberText(limit)}` } });
  };
  const lower = type.integer && !(type.minimum !== undefined && type.minimum >= -MAX_SAFE_INTEGER) && !(type.exclusiveMinimum !== undefined && type.exclusiveMinimum >= -MAX_SAFE_INTEGER - 1);
  const upper = type.integer && !(type.maximum !== undefined && type.maximum <= MAX_SAFE_INTEGER) && !(type.exclusiveMaximum !== undefined && type.exclusiveMaximum <= MAX_SAFE_INTEGER + 1);
  bound("minimum", lower ? -MAX_SAFE_INTEGER : type.minimum, ">=");
  bound("maximum", upper ? MAX_SAFE_INTEGER : type.maximum, "<=");
  bound("exclusiveMinimum", type.exclusiveMinimum, ">");
  bound("exclusiveMaximum", type.exclusiveMaximum, "<");
  if (type.multipleOf !== undefined) checks.push({ kind: "multipleOf", divisor: type.multipleOf, failure: { keyword: "multipleOf", message: `must be a multiple of ${numberText(type.multipleOf)}` } });
  return { kind: "number", integer: type.integer, typeFailure: { keyword: "type", message: `must be ${type.integer ? "an integer" : "a number"}${orNull}` }, checks };
}

function namedPlan(named: NamedType): NamedPlan {
  const { type } = named;
  if (type.kind === "object") {
    return {
      kind: "object",
      name: named.name,
      typeFailure: { keyword: "type", message: "must be an object" },
      properties: type.properties.map((property) => ({ name: property.name, segment: escapePointerSegment(property.name), required: property.required, value: valuePlan(property.type) })),
    };
  }
  if (type.kind === "union") {
    return {
      kind: "union",
      name: named.name,
      typeFailure: { keyword: "type", message: "must be an object" },
      discriminator: type.discriminator,
      segment: escapePointerSegment(type.discriminator),
      variants: type.variants.map((variant) => ({ value: variant.value, type: variant.type.name })),
      invalid: { keyword: "oneOf", message: `must be one of ${type.variants.map((variant) => JSON.stringify(variant.value)).join(", ")}` },
    };
  }
  return { kind: "alias", name: named.name, value: valuePlan(type) };
}

/** Plans by model: every target of one generation prints the same plan, so it is derived once. */
const plans = new WeakMap<ContractsModel, ValidationPlan>();

export function validationPlan(model: ContractsModel): ValidationPlan {
  let plan = plans.get(model);
  if (plan === undefined) {
    plan = derivePlan(model);
    plans.set(model, plan);
  }
  return plan;
}

function derivePlan(model: ContractsModel): ValidationPlan {
  const eventTypes = [...new Set(model.events.map((event) => event.eventType))].sort();
  const unknownVersion = new Map<string, Failure>();
  for (const eventType of eventTypes) {
    const versions = model.events.filter((event: EventContract) => event.eventType === eventType).map((event) => event.version);
    unknownVersion.set(eventType, { keyword: "version", message: `must be one of the versions the contracts keep: ${versions.join(", ")}` });
  }
  return {
    types: model.types.map(namedPlan),
    events: model.events.map((event) => ({ eventType: event.eventType, version: event.version, type: event.name })),
    eventTypes,
    notAnObject: { keyword: "type", message: "must be an object" },
    unknownEventType: { keyword: "eventType", message: `must be one of the known event types: ${eventTypes.map((eventType) => JSON.stringify(eventType)).join(", ")}` },
    unknownVersion,
  };
}
