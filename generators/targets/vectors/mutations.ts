import { type ContractsModel, type EventContract, resolveType, type TypeNode } from "../../ir/model.js";
import { childPointer } from "../../schema/json-pointer.js";
import { isRecord, setOwn } from "./samples.js";

/** One change to a valid event, and what the contract says of the result. */
export interface Mutation {
  readonly name: string;
  /** Where the (first) error is, when the change breaks the contract. */
  readonly pointer: string;
  readonly keyword: string;
  readonly intendedValid: boolean;
  /** The changed event, copied from the base when asked for: a wide event has thousands of mutations. */
  event(): unknown;
}

type Path = readonly (string | number)[];

const REMOVE = Symbol("remove");
const NON_BMP = "😀"; // one code point, two UTF-16 units, four UTF-8 bytes
const LONGEST_STRING_VECTOR = 5000;

const FORMAT_CASES: Readonly<Record<string, readonly (readonly [string, boolean, string])[]>> = {
  "date-time": [
    ["2024-02-29T12:00:00Z", true, "leap day"],
    ["2026-12-31T23:59:60Z", true, "leap second at 23:59:60 UTC"],
    ["2026-11-27T10:00:00.123456+05:30", true, "fraction and offset"],
    ["2026-11-27t10:00:00z", true, "lower-case t and z"],
    ["2026-11-27 10:00:00Z", true, "space separator"],
    ["2023-02-29T12:00:00Z", false, "29 February of a common year"],
    ["2024-02-30T00:00:00Z", false, "30 February"],
    ["2026-11-27T24:00:00Z", false, "hour 24"],
    ["2026-11-27T22:59:60Z", false, "leap second not at 23:59 UTC"],
    ["2026-11-27T10:00:00", false, "no offset"],
    ["2026-11-27", false, "date only"],
    ["2026-11-27T10:00:00+24:00", false, "offset hour 24"],
  ],
  date: [
    ["2024-02-29", true, "leap day"],
    ["2023-02-29", false, "29 February of a common year"],
    ["2026-1-01", false, "one-digit month"],
  ],
  uuid: [
    ["0B8F5E0C-3F4A-4D8E-9A55-2F1C6F0E8B21", true, "upper case"],
    ["urn:uuid:0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21", true, "URN form"],
    ["0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b2", false, "one digit short"],
    ["0b8f5e0c3f4a4d8e9a552f1c6f0e8b21", false, "no hyphens"],
    ["0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b2g", false, "non-hex digit"],
  ],
  uri: [
    ["https://example.com/a?b=c#d", true, "query and fragment"],
    ["urn:isbn:0451450523", true, "URN"],
    ["/relative/path", false, "relative reference"],
    ["https://exa mple.com/", false, "space"],
  ],
};

/**
 * Every single-place change of an event that the contract has something to say about: each constraint
 * broken (and met at its boundary), each required property removed, a wrong type and an unknown property
 * at each level, null where null is not allowed.
 */
export function mutationsOf(model: ContractsModel, event: EventContract, base: unknown): Mutation[] {
  const mutations: Mutation[] = [];
  const add = (path: Path, label: string, value: unknown, intendedValid: boolean, keyword: string, errorPath: Path = path): void => {
    mutations.push({
      name: `${event.eventType} ${pointerOf(path)} ${label}`,
      pointer: pointerOf(errorPath),
      keyword,
      intendedValid,
      event: () => replaced(base, path, value),
    });
  };

  const walk = (value: unknown, type: TypeNode, path: Path, nullable: boolean): void => {
    const resolved = resolveType(model, type);
    if (resolved.kind === "nullable") {
      add(path, "null", null, true, "type");
      if (value !== null) walk(value, resolved.inner, path, true);
      return;
    }
    if (!nullable && path.length > 0) add(path, "null", null, false, "type");
    switch (resolved.kind) {
      case "const":
        add(path, "other constant", typeof resolved.value === "number" ? resolved.value + 1 : typeof resolved.value === "boolean" ? !resolved.value : `${resolved.value}_CHANGED`, false, "const");
        return;
      case "enum":
        add(path, "value outside the enum", "__not_in_enum__", false, "enum");
        add(path, "last enum value", resolved.values[resolved.values.length - 1], true, "enum");
        add(path, "number instead of string", 42, false, "type");
        return;
      case "boolean":
        add(path, "string instead of boolean", "true", false, "type");
        return;
      case "number":
        numberMutations(resolved, path, add);
        return;
      case "string":
        stringMutations(resolved, path, add);
        return;
      case "array":
        add(path, "object instead of array", {}, false, "type");
        if (resolved.minItems !== undefined && resolved.minItems > 0) add(path, `${resolved.minItems - 1} items, below minItems`, Array.isArray(value) ? value.slice(0, resolved.minItems - 1) : [], false, "minItems");
        if (resolved.maxItems !== undefined && Array.isArray(value) && value.length > 0 && resolved.maxItems <= 50) {
          add(path, `${resolved.maxItems} items, at maxItems`, Array.from({ length: resolved.maxItems }, () => value[0]), true, "maxItems");
          add(path, `${resolved.maxItems + 1} items, above maxItems`, Array.from({ length: resolved.maxItems + 1 }, () => value[0]), false, "maxItems");
        }
        if (Array.isArray(value) && value.length > 0) walk(value[0], resolved.items, [...path, 0], false);
        return;
      case "map":
        add(path, "array instead of object", [], false, "type");
        if (isRecord(value)) {
          const [first] = Object.keys(value);
          if (first !== undefined) walk(value[first], resolved.values, [...path, first], false);
        }
        return;
      case "union":
        add(path, "array instead of object", [], false, "type");
        if (isRecord(value)) {
          add([...path, resolved.discriminator], "unknown discriminator value", "__unknown_variant__", false, "oneOf");
          const variant = resolved.variants.find((candidate) => candidate.value === value[resolved.discriminator]);
          if (variant !== undefined) walkObject(value, variant.type, path);
        }
        return;
      case "object":
        if (path.length > 0) add(path, "array instead of object", [], false, "type");
        if (isRecord(value)) walkObject(value, resolved, path);
        return;
    }
  };

  const walkObject = (value: Record<string, unknown>, type: TypeNode, path: Path): void => {
    const resolved = resolveType(model, type);
    if (resolved.kind !== "object") return;
    add([...path, "unexpectedProperty"], "unknown property", true, false, "additionalProperties");
    for (const property of resolved.properties) {
      const propertyPath = [...path, property.name];
      if (!Object.hasOwn(value, property.name)) continue;
      if (property.required) add(propertyPath, "removed", REMOVE, false, "required");
      else add(propertyPath, "left out", REMOVE, true, "required");
      walk(value[property.name], property.type, propertyPath, false);
    }
  };

  walk(base, { kind: "ref", name: event.name }, [], false);
  return mutations;
}

type Add = (path: Path, label: string, value: unknown, intendedValid: boolean, keyword: string) => void;

function numberMutations(type: Extract<TypeNode, { kind: "number" }>, path: Path, add: Add): void {
  add(path, "string instead of number", "1", false, "type");
  if (type.integer) add(path, "fraction", 1.5, false, "type");
  if (type.minimum !== undefined) {
    add(path, "at minimum", type.minimum, true, "minimum");
    add(path, "below minimum", type.minimum - 1, false, "minimum");
  }
  if (type.maximum !== undefined) {
    add(path, "at maximum", type.maximum, true, "maximum");
    add(path, "above maximum", type.maximum + 1, false, "maximum");
  }
  if (type.exclusiveMinimum !== undefined) add(path, "at exclusiveMinimum", type.exclusiveMinimum, false, "exclusiveMinimum");
  if (type.exclusiveMaximum !== undefined) add(path, "at exclusiveMaximum", type.exclusiveMaximum, false, "exclusiveMaximum");
}

function stringMutations(type: Extract<TypeNode, { kind: "string" }>, path: Path, add: Add): void {
  add(path, "number instead of string", 42, false, "type");
  if (type.format !== undefined) {
    for (const [text, valid, label] of FORMAT_CASES[type.format] ?? []) add(path, `${type.format}: ${label}`, text, valid, "format");
    return;
  }
  if (type.pattern !== undefined) {
    const pattern = new RegExp(type.pattern, "u");
    const mismatch = ["!", " ", "\n", "#x"].find((candidate) => !pattern.test(candidate));
    if (mismatch !== undefined) add(path, "pattern mismatch", mismatch, false, "pattern");
    return;
  }
  // Lengths count code points: a non-BMP character is one, though it is two UTF-16 units and four UTF-8 bytes.
  const { minLength, maxLength } = type;
  if (minLength !== undefined && minLength > 0) {
    add(path, `${minLength} non-BMP characters, at minLength`, NON_BMP.repeat(minLength), true, "minLength");
    add(path, `${minLength - 1} characters, below minLength`, NON_BMP.repeat(minLength - 1), false, "minLength");
  }
  if (maxLength !== undefined && maxLength <= LONGEST_STRING_VECTOR) {
    add(path, `${maxLength} non-BMP characters, at maxLength`, NON_BMP.repeat(maxLength), true, "maxLength");
    add(path, `${maxLength + 1} non-BMP characters, above maxLength`, NON_BMP.repeat(maxLength + 1), false, "maxLength");
  }
}

function pointerOf(path: Path): string {
  return path.reduce<string>((pointer, segment) => childPointer(pointer, segment), "");
}

/**
 * `base` with the value at `path` replaced (or removed): the objects and arrays along the path are copied, the
 * rest is shared with `base` (nothing changes a vector's event once it is made). Copying the whole event for
 * every mutation was a tenth of the vectors' time. Spread copies an own `__proto__` property as the data it is.
 */
function replaced(base: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const container = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (rest.length === 0 && value === REMOVE) delete container[head];
  else setOwn(container, head, replaced(container[head], rest, value));
  return container;
}
