import { type ContractsModel, resolveType, type TypeNode } from "../../ir/model.js";

/** Strings tried, in order, for a string with a pattern: the first that fits is the sample. */
const PATTERN_CANDIDATES = ["a", "en", "ab", "user_1", "x1", "example", "A", "aaa", "a-b", "1", "\"${x}"];

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  uuid: "00000000-0000-4000-8000-000000000000",
  uri: "https://example.com/",
};

/** How many times one named type may appear on the way down a sample: a recursive type is unrolled once. */
const MAX_SAME_TYPE = 2;

/**
 * A deterministic value that satisfies a type, with every optional property filled in, so that mutations can
 * reach every place of an event. Returns undefined when no sample can be made (a pattern nothing fits, or a
 * recursion that is required all the way down). Samples stay small on recursive types: a named type is
 * entered at most twice on one path, so a binary tree's sample has three nodes, not 2^depth.
 */
export function sampleOf(model: ContractsModel, type: TypeNode, depth = 0, path: readonly string[] = []): unknown {
  if (depth > 12) return undefined;
  if (type.kind === "ref") {
    if (path.filter((name) => name === type.name).length >= MAX_SAME_TYPE) return undefined;
    return sampleResolved(model, type, depth, [...path, type.name]);
  }
  return sampleResolved(model, type, depth, path);
}

function sampleResolved(model: ContractsModel, type: TypeNode, depth: number, path: readonly string[]): unknown {
  const resolved = resolveType(model, type);
  switch (resolved.kind) {
    case "nullable":
      return sampleOf(model, resolved.inner, depth + 1, path);
    case "const":
      return resolved.value;
    case "enum":
      return resolved.values[0];
    case "boolean":
      return true;
    case "number": {
      const low = resolved.minimum ?? (resolved.exclusiveMinimum !== undefined ? Math.floor(resolved.exclusiveMinimum) + 1 : 0);
      return resolved.multipleOf !== undefined ? Math.ceil(low / resolved.multipleOf) * resolved.multipleOf : low;
    }
    case "string": {
      if (resolved.format !== undefined) return FORMAT_SAMPLES[resolved.format];
      const min = resolved.minLength ?? 0;
      const max = resolved.maxLength ?? Number.MAX_SAFE_INTEGER;
      const fits = (text: string): boolean => {
        const length = [...text].length;
        return length >= min && length <= max && (resolved.pattern === undefined || new RegExp(resolved.pattern, "u").test(text));
      };
      if (resolved.pattern === undefined) return "a".repeat(Math.max(min, 1) > max ? max : Math.max(min, 1));
      return PATTERN_CANDIDATES.find(fits);
    }
    case "array": {
      const item = sampleOf(model, resolved.items, depth + 1, path);
      const count = Math.max(resolved.minItems ?? 0, 1);
      return item === undefined || (resolved.maxItems ?? 1) < 1 ? [] : Array.from({ length: count }, () => item);
    }
    case "map": {
      const value = sampleOf(model, resolved.values, depth + 1, path);
      return value === undefined ? {} : { key: value };
    }
    case "union":
      return sampleOf(model, resolved.variants[0]?.type ?? { kind: "boolean" }, depth + 1, path);
    case "object": {
      const result: Record<string, unknown> = {};
      for (const property of resolved.properties) {
        const value = sampleOf(model, property.type, depth + 1, path);
        if (value !== undefined) setOwn(result, property.name, value);
        else if (property.required) return undefined;
      }
      return result;
    }
  }
}

/** A sample shaped like `value` where it has data, filled in from `sampleOf` where it has not. */
export function completed(model: ContractsModel, type: TypeNode, value: unknown): unknown {
  const resolved = resolveType(model, type);
  if (resolved.kind === "nullable") return value === null ? sampleOf(model, resolved.inner) : completed(model, resolved.inner, value);
  if (resolved.kind === "union" && isRecord(value)) {
    const variant = resolved.variants.find((candidate) => candidate.value === value[resolved.discriminator]);
    return variant === undefined ? value : completed(model, variant.type, value);
  }
  if (resolved.kind === "object" && isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const property of resolved.properties) {
      const filled = Object.hasOwn(value, property.name) ? completed(model, property.type, value[property.name]) : sampleOf(model, property.type);
      if (filled !== undefined) setOwn(result, property.name, filled);
    }
    return result;
  }
  if (resolved.kind === "array" && Array.isArray(value)) {
    return value.length === 0 ? sampleOf(model, resolved) : value.map((item) => completed(model, resolved.items, item));
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets an own data property. Plain assignment would call the `__proto__` setter, and property names come from
 * schemas, so `__proto__` is a name like any other here.
 */
export function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
