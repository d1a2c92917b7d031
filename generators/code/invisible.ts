/**
 * Characters a reader of generated code cannot see, or that reorder the text around them: C0 and C1 controls
 * (other than tab and line breaks, which each writer handles), the byte order mark, zero-width characters,
 * and the bidirectional controls of "Trojan Source" (CVE-2021-42574). Tools refuse some of them outright
 * (gofmt refuses NUL and U+FEFF, ruff's PLE2502 the bidi controls), and all of them could make code read
 * differently from what it does, so schema text never carries them raw into a generated file.
 */
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/u;

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

/** The code point as four or more upper-case hex digits. */
export function hex(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
}

/** Text for a comment or a document: each invisible character written as `\u{XXXX}`, visibly. */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (character) => `\\u{${hex(character)}}`);
}

/** Replaces each invisible character with what `escape` makes of it (an escape sequence of a string literal). */
export function escapeInvisible(text: string, escape: (character: string) => string): string {
  return text.replace(INVISIBLE_ALL, escape);
}
