/**
 * Helpers for writing Go source safely: every piece of schema text becomes a quoted literal or a `//` comment
 * line, and identifiers come only from the Go naming pass. gofmt formats the result.
 */
import { identifierWords } from "../ir/names.js";
import { INVISIBLE, visible } from "./invisible.js";

/** A Go interpreted string literal: escapes quotes, backslashes and every non-printable or line-breaking rune. */
export function goString(text: string): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '"') out += '\\"';
    else if (character === "\\") out += "\\\\";
    else if (character === "\n") out += "\\n";
    else if (character === "\r") out += "\\r";
    else if (character === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code === 0x85 || code === 0x2028 || code === 0x2029 || INVISIBLE.test(character)) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += character;
  }
  return `${out}"`;
}

/**
 * `// ` comment lines, wrapped at about 100 columns; any line break in the text (LF, CR, NEL, U+2028, U+2029)
 * starts a new comment line, so nothing in the text can reach a line of code; invisible and bidirectional
 * characters are written out as `\u{XXXX}`.
 */
export function goComment(text: string | undefined, indent = ""): string {
  if (text === undefined || text.trim() === "") return "";
  const lines = visible(text).split(/\r\n|[\r\n\u0085\u2028\u2029]/).flatMap((line) => wrap(line.trimEnd(), 96 - indent.length));
  return lines.map((line) => `${indent}//${line === "" ? "" : ` ${line}`}`).join("\n") + "\n";
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

/** Whether encoding/json accepts the text as the name in a struct tag (its isValidTag rule). */
export function isTaggable(name: string): boolean {
  if (name === "") return false;
  for (const character of name) {
    if ("!#$%&()*+-./:;<=>?@[]^_{|}~ ".includes(character)) continue;
    if (/\p{L}|\p{N}/u.test(character)) continue;
    return false;
  }
  return true;
}

const INITIALISMS: ReadonlySet<string> = new Set(
  "ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS".split(" "),
);

/** An exported Go identifier, with Go's initialisms: `jobId` -> `JobID`, `imageUrl` -> `ImageURL`. */
export function goExported(text: string): string | undefined {
  const name = identifierWords(text)
    .map((word) => (INITIALISMS.has(word.toUpperCase()) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join("");
  return /^[A-Z][A-Za-z0-9]*$/.test(name) ? name : undefined;
}
