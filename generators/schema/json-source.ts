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
  const problems: Problem[] = errors.map((error) => ({
    code: "MALFORMED_JSON",
    file,
    position: position(error.offset),
    message: `malformed JSON: ${describeParseError(printParseErrorCode(error.error))}; fix the syntax at this position`,
  }));
  if (root === undefined && problems.length === 0) {
    problems.push({ code: "MALFORMED_JSON", file, position: position(0), message: "malformed JSON: the file is empty" });
  }
  if (problems.length > 0 || root === undefined) return { ok: false, problems };

  const offsets = new Map<string, number>();
  const value = toValue(root, "", offsets, (pointer, node) =>
    problems.push({
      code: "DUPLICATE_KEY",
      file,
      position: position(node.offset),
      pointer,
      message: "duplicate key: JSON parsers keep only one of them; remove the repeated key",
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
  onDuplicate: (pointer: string, node: Node) => void,
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
        if (Object.hasOwn(result, key)) onDuplicate(childAt, keyNode);
        result[key] = toValue(valueNode, childAt, offsets, onDuplicate);
        // Point at the key rather than the value: that is where a reader looks for a property.
        offsets.set(childAt, keyNode.offset);
      }
      return Object.setPrototypeOf(result, Object.prototype) as unknown;
    }
    case "array":
      return (node.children ?? []).map((child, index) =>
        toValue(child, childPointer(pointer, index), offsets, onDuplicate),
      );
    default:
      return node.value as unknown;
  }
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
