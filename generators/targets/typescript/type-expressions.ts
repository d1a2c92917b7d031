import { Code, join, ts } from "../../code/typescript.js";
import type { TypeNode } from "../../ir/model.js";
import type { TypeScriptNames } from "./naming.js";

/** The TypeScript type for a model type: `readonly` arrays, literal types for consts, unions for enums. */
export function typeExpression(type: TypeNode, names: TypeScriptNames): Code {
  switch (type.kind) {
    case "string":
      return ts`string`;
    case "number":
      return ts`number`;
    case "boolean":
      return ts`boolean`;
    case "const":
      return ts`${type.value}`;
    case "enum":
      return join(type.values.map((value) => ts`${value}`), " | ");
    case "ref":
      return ts`${names.type(type.name)}`;
    case "array": {
      const items = typeExpression(type.items, names);
      return needsParentheses(type.items) ? ts`readonly (${items})[]` : ts`readonly ${items}[]`;
    }
    case "map":
      return ts`Readonly<Record<string, ${typeExpression(type.values, names)}>>`;
    case "nullable":
      return ts`${typeExpression(type.inner, names)} | null`;
    case "union":
      return join(type.variants.map((variant) => ts`${names.type(variant.type.name)}`), " | ");
    case "object":
      throw new Error("internal error: objects are always named types");
  }
}

function needsParentheses(type: TypeNode): boolean {
  return type.kind === "nullable" || type.kind === "union" || (type.kind === "enum" && type.values.length > 1);
}

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
