/**
 * A TOML basic string ("..."). JSON.stringify is close but not TOML: it leaves U+007F raw, which TOML refuses,
 * and writes a lone surrogate as \udXXX, which TOML has no escape for. Here the quote and the backslash are
 * escaped, every control character is \uXXXX, and a lone surrogate (no character at all) becomes U+FFFD.
 */
export function tomlString(text: string): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += "\uFFFD";
      continue;
    }
    if (character === '"' || character === "\\") out += `\\${character}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += character;
  }
  return `${out}"`;
}
