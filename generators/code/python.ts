import { identifierWords } from "../ir/names.js";
import { INVISIBLE, visible } from "./invisible.js";

/**
 * Helpers for writing Python source safely: schema text becomes an escaped string literal, a docstring with
 * every quote and backslash escaped, or `#` comment lines; identifiers come only from the Python naming pass.
 */

/** Characters the Python tokenizer or `str.splitlines` treats as line boundaries. */
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (character === "\\") return "\\\\";
  if (character === '"') return '\\"';
  if (character === "\n") return "\\n";
  if (character === "\r") return "\\r";
  if (character === "\t") return "\\t";
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code === 0x2028 || code === 0x2029 || INVISIBLE.test(character)) return `\\u${code.toString(16).padStart(4, "0")}`;
  return character;
}

/** A double-quoted Python string literal for any text. */
export function pyString(text: string): string {
  return `"${[...text].map(escapeCharacter).join("")}"`;
}

/** A docstring: real line breaks kept for reading, everything else that could end or bend it escaped. */
export function pyDocstring(text: string, indent: string): string {
  const lines = text
    .trim()
    .split(LINE_BREAKS)
    .map((line) => [...line.trimEnd()].map(escapeCharacter).join(""));
  if (lines.length === 1) return `${indent}"""${lines[0]}"""\n`;
  return `${indent}"""${lines[0]}\n${lines.slice(1).map((line) => (line === "" ? "" : indent + line)).join("\n")}\n${indent}"""\n`;
}

/** `# ` comment lines; every kind of line break starts a new comment line. */
export function pyComment(text: string, indent = ""): string {
  return visible(text).split(LINE_BREAKS).map((line) => `${indent}#${line.trimEnd() === "" ? "" : ` ${line.trimEnd()}`}`).join("\n") + "\n";
}

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type _".split(" "),
);

/** `jobId` -> `job_id`, `HTTPServer` -> `http_server`; undefined when no identifier can be made. */
export function snakeCase(text: string): string | undefined {
  const name = identifierWords(text).join("_").toLowerCase();
  return /^[a-z][a-z0-9_]*$/.test(name) ? name : undefined;
}

const kindRank = (name: string): number => (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name) ? 0 : /^[A-Z]/.test(name) ? 1 : 2);

/**
 * Natural order, as ruff sorts names (the natord crate): runs of digits compare as numbers, so `Level2`
 * comes before `Level10`; everything else by code point.
 */
function naturalCompare(a: string, b: string): number {
  const split = (text: string): string[] => text.match(/\d+|\D+/g) ?? [];
  const [x, y] = [split(a), split(b)];
  for (let index = 0; index < Math.min(x.length, y.length); index++) {
    const [p, q] = [x[index] ?? "", y[index] ?? ""];
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const difference = Number(p) - Number(q);
      if (difference !== 0) return difference;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** The order ruff's isort rule (I001) wants imported names in: CONSTANTS, Classes, functions; case-insensitive, natural. */
export function isortOrder(a: string, b: string): number {
  return kindRank(a) - kindRank(b) || naturalCompare(a.toLowerCase(), b.toLowerCase()) || naturalCompare(a, b);
}

/** The order ruff wants `__all__` in (RUF022): the same groups, each in natural order. */
export function dunderAllOrder(a: string, b: string): number {
  return kindRank(a) - kindRank(b) || naturalCompare(a, b);
}
