import emojiRegex from "emoji-regex";
import { eastAsianWidth } from "get-east-asian-width";
import { isNarrowEmojiCharacter } from "narrow-emojis";

const NOT_ASCII = /[^\x20-\x7F]/;
const ZERO_WIDTH_MARK = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
// Made once: the pattern is large. `replace` starts a global pattern from the beginning on every call.
const EMOJI = emojiRegex();

/**
 * The width of text in columns, exactly as prettier 3 counts it (its `getStringWidth`, built on the same three
 * packages at the versions it bundles): emoji are 2 columns (1 for the few narrow ones), East Asian wide and
 * full-width characters 2, controls and combining marks 0, everything else 1. The generator lays out lines and
 * Markdown tables itself, without running prettier, so it must measure text as prettier does; a test compares
 * the two on every code point.
 */
export function displayWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  const rest = text.replace(EMOJI, (emoji) => {
    width += isNarrowEmojiCharacter(emoji) ? 1 : 2;
    return "";
  });
  for (const character of rest) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) continue;
    if (ZERO_WIDTH_MARK.test(character)) continue;
    width += eastAsianWidth(codePoint);
  }
  return width;
}
