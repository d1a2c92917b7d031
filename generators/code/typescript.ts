import { commentLine } from "./comment-line.js";

/**
 * A small typed builder for TypeScript source, in the spirit of ajv's `_` template: anything interpolated
 * into code is data unless it is already `Code` or a checked `Name`. A schema's text (descriptions, property
 * names, enum values, patterns) can therefore only ever become an escaped literal or comment, never code.
 */
import { escapeInvisible, hex, visible } from "./invisible.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words that cannot be identifiers in strict-mode TypeScript modules (and `arguments`/`eval`, which misbehave). */
const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await async arguments eval " +
    "any boolean number string symbol bigint object never unknown undefined type as of is keyof infer readonly " +
    "declare module namespace abstract satisfies"
  ).split(" "),
);

/** A fragment of trusted TypeScript source. Only the builder functions below create one. */
export class Code {
  private constructor(readonly text: string) {}

  /** @internal Used by the builder functions of this module only. */
  static trusted(text: string): Code {
    return new Code(text);
  }

  toString(): string {
    return this.text;
  }
}

/** An identifier that has been checked: a valid identifier and not a reserved word. */
export class Name {
  private constructor(readonly text: string) {}

  static of(text: string): Name {
    if (!isIdentifier(text)) throw new Error(`internal error: ${JSON.stringify(text)} is not a usable TypeScript identifier`);
    return new Name(text);
  }
}

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED_WORDS.has(text);
}

export type Interpolation = Code | Name | string | number | boolean | null;

/** A `//` comment of one line; characters that would end the line become spaces. */
export function lineComment(text: string): Code {
  return Code.trusted(`// ${commentLine(text)}`);
}

/** The tagged template: `ts\`const x = ${value};\`` with `value` a string gives `const x = "…";`. */
export function ts(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Code {
  let text = strings[0] ?? "";
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? "");
  });
  return Code.trusted(text);
}

function render(value: Interpolation): string {
  if (value instanceof Code || value instanceof Name) return value.text;
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  return String(value);
}

export function join(parts: readonly Code[], separator = "\n"): Code {
  return Code.trusted(parts.map((part) => part.text).join(separator));
}

/**
 * A double-quoted string literal. JSON.stringify escapes quotes, backslashes, control characters and lone
 * surrogates; we also escape U+2028/U+2029 (line terminators in older engines and in tools that split lines)
 * so that no schema text can end a line of generated code.
 */
export function stringLiteral(text: string): string {
  const escaped = JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return escapeInvisible(escaped, (character) => `\\u${hex(character)}`);
}

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal error: cannot write ${value} as a literal`);
  if (Object.is(value, -0)) return "0";
  return value < 0 ? `-${String(-value)}` : String(value);
}

/** A literal for JSON-like data (constants such as metadata tables): strings, numbers, arrays, plain objects. */
export function literal(value: unknown): Code {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return Code.trusted(render(value));
  }
  if (Array.isArray(value)) return Code.trusted(`[${value.map((entry) => literal(entry).text).join(", ")}]`);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, entry]) => `${objectKey(key).text}: ${literal(entry).text}`);
    return Code.trusted(`{ ${entries.join(", ")} }`);
  }
  throw new Error(`internal error: cannot write ${typeof value} as a literal`);
}

/** A property name in an interface or type literal: bare when it is an identifier name, quoted otherwise. */
export function propertyName(name: string): Code {
  return Code.trusted(IDENTIFIER.test(name) ? name : stringLiteral(name));
}

/**
 * A key in an object literal. `__proto__` is special there, quoted or not (it sets the prototype), so it is
 * written as a computed key, which creates an ordinary own property.
 */
export function objectKey(name: string): Code {
  if (name === "__proto__") return Code.trusted(`[${stringLiteral(name)}]`);
  return propertyName(name);
}

/**
 * A JSDoc comment. The text can hold anything: `*\/` is broken up so it cannot close the comment, every kind
 * of line break (CR, LF, U+2028, U+2029, NEL) starts a new ` * ` line so nothing escapes onto a code line, and
 * invisible and bidirectional characters are written out as `\u{XXXX}`.
 */
export function docComment(paragraphs: readonly (string | undefined)[], tags: readonly string[] = []): Code {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined || paragraph.trim() === "") continue;
    if (lines.length > 0) lines.push("");
    lines.push(...commentLines(paragraph));
  }
  for (const tag of tags) lines.push(...commentLines(tag));
  if (lines.length === 0) return Code.trusted("");
  return Code.trusted(["/**", ...lines.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"].join("\n"));
}

function commentLines(text: string): string[] {
  return visible(text)
    .replace(/\*\//g, "*\\/")
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .map((line) => line.trimEnd());
}

/** A regular expression built at module load from an escaped string: pattern text never becomes code. */
export function regExp(pattern: string): Code {
  return Code.trusted(`new RegExp(${stringLiteral(pattern)}, "u")`);
}
