import type { TypeNode } from "./model.js";

/** One line describing a type's constraints for doc comments, e.g. "1 to 4000 characters; format uuid". */
export function constraintSummary(type: TypeNode): string | undefined {
  switch (type.kind) {
    case "string": {
      const parts: string[] = [];
      const range = rangeText(type.minLength, type.maxLength, "character");
      if (range !== undefined) parts.push(range);
      if (type.format !== undefined) parts.push(`format \`${type.format}\``);
      if (type.pattern !== undefined) parts.push(`pattern \`${type.pattern}\``);
      return parts.length === 0 ? undefined : parts.join("; ");
    }
    case "number": {
      const parts: string[] = [type.integer ? "whole number" : "number"];
      if (type.minimum !== undefined) parts.push(`>= ${type.minimum}`);
      if (type.exclusiveMinimum !== undefined) parts.push(`> ${type.exclusiveMinimum}`);
      if (type.maximum !== undefined) parts.push(`<= ${type.maximum}`);
      if (type.exclusiveMaximum !== undefined) parts.push(`< ${type.exclusiveMaximum}`);
      if (type.multipleOf !== undefined) parts.push(`multiple of ${type.multipleOf}`);
      return parts.length === 1 && !type.integer ? undefined : parts.join(", ");
    }
    case "array":
      return rangeText(type.minItems, type.maxItems, "item");
    case "map":
      return rangeText(type.minProperties, type.maxProperties, "entry");
    case "nullable":
      return constraintSummary(type.inner);
    default:
      return undefined;
  }
}

function rangeText(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const plural = (count: number): string => (count === 1 ? unit : unit === "entry" ? "entries" : `${unit}s`);
  if (min !== undefined && max !== undefined) return `${min} to ${max} ${plural(max)}`;
  if (min !== undefined) return `at least ${min} ${plural(min)}`;
  if (max !== undefined) return `at most ${max} ${plural(max)}`;
  return undefined;
}
