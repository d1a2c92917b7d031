import { displayWidth } from "./width.js";

const PRINT_WIDTH = 100;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

/**
 * JSON text in prettier's canonical form (parser "json", print width 100), written directly: generate does not
 * run prettier, and `JSON.stringify(value, null, 2)` is not that form (prettier puts short arrays on one line,
 * fills lines with numbers, and writes 1e+21 as 1e21). The rules are prettier's: objects stay expanded, as we
 * write them; an array breaks when it holds an object with properties, when all of its two or more items are
 * arrays (or objects) of two or more items, or when it does not fit; an array of numbers fills its lines.
 * A test holds this against prettier on every JSON file of the golden trees and the schema sets.
 */
export function canonicalJson(value: unknown): string {
  return `${print(value as Json, 0, "", 0)}\n`;
}

/**
 * A value in canonical JSON as it is printed inside another, starting at the end of `indent` on its line and
 * followed by a comma: an item of a large array printed one at a time. Its first line carries no indent.
 */
export function canonicalJsonAt(value: unknown, indent: string): string {
  return print(value as Json, indent.length, indent, 1);
}

/** `column`: where the value starts; `trailing`: the width of what follows it on its line (a comma). */
function print(value: Json, column: number, indent: string, trailing: number): string {
  if (value === null || typeof value !== "object") return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return "[]";
    if (!alwaysBreaks(items)) {
      const flat = flatArray(items);
      if (column + displayWidth(flat) + trailing <= PRINT_WIDTH) return flat;
      if (isNumberArray(items)) return filledNumbers(items, inner, indent);
    }
    const printed = items.map((item, index) => `${inner}${print(item, inner.length, inner, index < items.length - 1 ? 1 : 0)}`);
    return `[\n${printed.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, Json] => entry[1] !== undefined);
  if (entries.length === 0) return "{}";
  const printed = entries.map(([key, item], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${print(item, displayWidth(head), inner, index < entries.length - 1 ? 1 : 0)}`;
  });
  return `{\n${printed.join(",\n")}\n${indent}}`;
}

function scalar(value: null | boolean | number | string): string {
  if (typeof value === "number") return canonicalNumber(value);
  return JSON.stringify(value);
}

/** A number as prettier writes it: JSON.stringify's digits, without `+` or leading zeros in the exponent. */
function canonicalNumber(value: number): string {
  const text = JSON.stringify(value);
  return text.replace(/^(-?[\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3");
}

/**
 * An array that prettier always breaks, whatever its width: one holding an object with properties (objects stay
 * expanded) or an array that always breaks, at any depth, and a matrix (two or more items, each an array of two
 * or more).
 */
function alwaysBreaks(items: readonly Json[]): boolean {
  const breaks = (item: Json): boolean =>
    Array.isArray(item) ? alwaysBreaks(item as readonly Json[]) : item !== null && typeof item === "object" && Object.values(item).some((value) => value !== undefined);
  return items.some(breaks) || (items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1));
}

/** An array on one line; its objects are empty ones (an object with properties always breaks its array). */
function flatArray(items: readonly Json[]): string {
  return `[${items.map((item) => (Array.isArray(item) ? flatArray(item as readonly Json[]) : item !== null && typeof item === "object" ? "{}" : scalar(item as null | boolean | number | string))).join(", ")}]`;
}

function isNumberArray(items: readonly Json[]): boolean {
  return items.length > 1 && items.every((item) => typeof item === "number");
}

/** prettier's `fill` for arrays of numbers: as many per line as fit, each followed by its comma. */
function filledNumbers(items: readonly Json[], inner: string, indent: string): string {
  const lines: string[] = [];
  let line = "";
  items.forEach((item, index) => {
    const text = `${scalar(item as number)}${index < items.length - 1 ? "," : ""}`;
    if (line === "") line = `${inner}${text}`;
    else if (line.length + 1 + text.length <= PRINT_WIDTH) line += ` ${text}`;
    else {
      lines.push(line);
      line = `${inner}${text}`;
    }
  });
  lines.push(line);
  return `[\n${lines.join("\n")}\n${indent}]`;
}
