import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Problem, SourcePosition } from "../problems.js";
import { childPointer } from "./json-pointer.js";

/**
 * A JSON document with the source position of every value, so that any later pass can point at the line and
 * column of the JSON pointer it complains about. jsonc-parser gives the syntax tree with offsets; we add
 * strict JSON (no comments, no trailing commas) and duplicate-key detection, which JSON.parse silently hides.
 */
export interface JsonSource {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  positionOf(pointer: string): SourcePosition | undefined;
}

export type ParseOutcome =
  | { readonly ok: true; readonly source: JsonSource }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function parseJsonSource(file: string, text: string): ParseOutcome {
  const lineStarts = computeLineStarts(text);
  const position = (offset: number): SourcePosition => offsetToPosition(lineStarts, offset);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: Problem[] = errors.length === 0 ? [] : syntaxProblems(text, position).map((found) => ({ code: "MALFORMED_JSON", file, position: position(found.offset), message: `malformed JSON: ${found.message}` }));
  if (root === undefined && problems.length === 0) {
    problems.push({ code: "MALFORMED_JSON", file, position: position(0), message: "malformed JSON: the file is empty" });
  }
  if (problems.length > 0 || root === undefined) return { ok: false, problems };

  const offsets = new Map<string, number>();
  const value = toValue(root, "", offsets, (pointer, node, code, message) =>
    problems.push({
      code,
      file,
      position: position(node.offset),
      pointer,
      message,
    }),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    source: {
      file,
      text,
      value,
      positionOf(pointer) {
        const offset = offsets.get(pointer);
        return offset === undefined ? undefined : position(offset);
      },
    },
  };
}

function toValue(
  node: Node,
  pointer: string,
  offsets: Map<string, number>,
  onProblem: (pointer: string, node: Node, code: string, message: string) => void,
): unknown {
  offsets.set(pointer, node.offset);
  switch (node.type) {
    case "object": {
      // A null-prototype object, so that keys such as `__proto__` stay ordinary data.
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined || valueNode === undefined) continue;
        const key = String(keyNode.value);
        const childAt = childPointer(pointer, key);
        if (Object.hasOwn(result, key)) onProblem(childAt, keyNode, "DUPLICATE_KEY", "duplicate key: JSON parsers keep only one of them; remove the repeated key");
        if (LONE_SURROGATE.test(key)) onProblem(childAt, keyNode, "INVALID_UNICODE", INVALID_UNICODE);
        result[key] = toValue(valueNode, childAt, offsets, onProblem);
        // Point at the key rather than the value: that is where a reader looks for a property.
        offsets.set(childAt, keyNode.offset);
      }
      return Object.setPrototypeOf(result, Object.prototype) as unknown;
    }
    case "array":
      return (node.children ?? []).map((child, index) =>
        toValue(child, childPointer(pointer, index), offsets, onProblem),
      );
    default:
      if (typeof node.value === "string" && LONE_SURROGATE.test(node.value)) onProblem(pointer, node, "INVALID_UNICODE", INVALID_UNICODE);
      return node.value as unknown;
  }
}

/**
 * What is wrong with a text that is not JSON, as a person would say it. jsonc-parser recovers and reports
 * every token after the first mistake (a trailing comma gives two errors at the next token, an unclosed
 * bracket four), so: a text that parses once trailing commas are allowed has only those, each located at
 * its comma; otherwise only the first mistake is reported, and an unbalanced bracket is named as such, with
 * where it was opened.
 */
function syntaxProblems(text: string, position: (offset: number) => SourcePosition): { readonly offset: number; readonly message: string }[] {
  const tolerant: ParseError[] = [];
  parseTree(text, tolerant, { disallowComments: true, allowTrailingComma: true });
  if (tolerant.length === 0) {
    return trailingCommas(text).map(({ offset, closer }) => ({ offset, message: `a trailing comma: JSON allows no ',' before '${closer}'; remove it` }));
  }
  const first = tolerant[0] as ParseError;
  const code = printParseErrorCode(first.error);
  if (code === "CommaExpected" || code === "CloseBracketExpected" || code === "CloseBraceExpected" || code === "EndOfFileExpected" || code === "ValueExpected") {
    const unbalanced = unbalancedBracket(text, position);
    if (unbalanced !== undefined) return [unbalanced];
  }
  return [{ offset: first.offset, message: `${describeParseError(code)}; fix the syntax at this position` }];
}

/** Skips a JSON string starting at `start` (its opening quote); the offset after its closing quote. */
function afterString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
  return index + 1;
}

function trailingCommas(text: string): { readonly offset: number; readonly closer: string }[] {
  const found: { offset: number; closer: string }[] = [];
  let comma: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? "";
    if (character === '"') {
      index = afterString(text, index) - 1;
      comma = undefined;
    } else if (character === ",") comma = index;
    else if ((character === "}" || character === "]") && comma !== undefined) {
      found.push({ offset: comma, closer: character });
      comma = undefined;
    } else if (!/\s/.test(character)) comma = undefined;
  }
  return found;
}

const CLOSERS: Readonly<Record<string, string>> = { "{": "}", "[": "]" };

/** The first bracket that is closed by the wrong one, never closed, or closes nothing; outside strings. */
function unbalancedBracket(text: string, position: (offset: number) => SourcePosition): { readonly offset: number; readonly message: string } | undefined {
  const open: { character: string; offset: number }[] = [];
  const where = (offset: number): string => {
    const { line, column } = position(offset);
    return `line ${line}, column ${column}`;
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? "";
    if (character === '"') index = afterString(text, index) - 1;
    else if (character === "{" || character === "[") open.push({ character, offset: index });
    else if (character === "}" || character === "]") {
      const top = open.pop();
      if (top === undefined) return { offset: index, message: `this '${character}' closes nothing; remove it` };
      const expected = CLOSERS[top.character] ?? "";
      if (expected !== character) return { offset: index, message: `the '${top.character}' at ${where(top.offset)} is not closed: a '${expected}' is missing before this '${character}'` };
    }
  }
  const unclosed = open.at(-1);
  return unclosed === undefined ? undefined : { offset: text.length, message: `the '${unclosed.character}' at ${where(unclosed.offset)} is never closed: add a '${CLOSERS[unclosed.character] ?? ""}'` };
}

/** A UTF-16 surrogate without its partner: valid as a JSON escape, but not text any language can hold. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVALID_UNICODE = "invalid Unicode: a lone surrogate escape (\\uD800-\\uDFFF) has no UTF-8 form; use a complete character";

/** Line and column (from 1, in UTF-16 units) of an offset into a text: where any of its tools points. */
export function textPosition(text: string, offset: number): SourcePosition {
  return offsetToPosition(computeLineStarts(text), offset);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function offsetToPosition(lineStarts: readonly number[], offset: number): SourcePosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

const PARSE_ERROR_TEXT: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

function describeParseError(code: string): string {
  return PARSE_ERROR_TEXT[code] ?? code;
}
