import type { TypeNode } from "./model.js";

/** How a summary writes its words and its code (a format, a pattern): plain text with backticks by default. */
export interface SummaryStyle {
  text(words: string): string;
  code(text: string): string;
}

const PLAIN: SummaryStyle = { text: (words) => words, code: (text) => `\`${text}\`` };

/** One line describing a type's constraints for doc comments, e.g. "1 to 4000 characters; format uuid". */
export function constraintSummary(type: TypeNode, style: SummaryStyle = PLAIN): string | undefined {
  switch (type.kind) {
    case "string": {
      const parts: string[] = [];
      const range = rangeText(type.minLength, type.maxLength, "character");
      if (range !== undefined) parts.push(style.text(range));
      if (type.format !== undefined) parts.push(`${style.text("format")} ${style.code(type.format)}`);
      if (type.pattern !== undefined) parts.push(`${style.text("pattern")} ${style.code(type.pattern)}`);
      return parts.length === 0 ? undefined : parts.join("; ");
    }
    case "number": {
      const parts: string[] = [style.text(type.integer ? "whole number" : "number")];
      if (type.minimum !== undefined) parts.push(style.text(`>= ${type.minimum}`));
      if (type.exclusiveMinimum !== undefined) parts.push(style.text(`> ${type.exclusiveMinimum}`));
      if (type.maximum !== undefined) parts.push(style.text(`<= ${type.maximum}`));
      if (type.exclusiveMaximum !== undefined) parts.push(style.text(`< ${type.exclusiveMaximum}`));
      if (type.multipleOf !== undefined) parts.push(style.text(`multiple of ${type.multipleOf}`));
      return parts.length === 1 && !type.integer ? undefined : parts.join(", ");
    }
    case "array": {
      const range = rangeText(type.minItems, type.maxItems, "item");
      return range === undefined ? undefined : style.text(range);
    }
    case "map": {
      const range = rangeText(type.minProperties, type.maxProperties, "entry");
      return range === undefined ? undefined : style.text(range);
    }
    case "nullable":
      return constraintSummary(type.inner, style);
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
