import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../generators/code/width.js";

/**
 * The generator aligns Markdown tables and breaks lines itself, so it must count columns exactly as prettier
 * does. Prettier is the oracle: it pads each cell of a table to its column's width, so the spaces it adds after
 * a cell give the width it counted for that cell.
 */
async function prettierWidths(cells: readonly string[]): Promise<number[]> {
  const anchor = "x".repeat(12);
  const table = `| h |\n| --- |\n| ${anchor} |\n${cells.map((cell) => `| ${cell} |`).join("\n")}\n`;
  const rows = (await prettier.format(table, { parser: "markdown" })).split("\n").slice(3, 3 + cells.length);
  return rows.map((row) => {
    const padded = row.slice(2, -2);
    return anchor.length - (padded.length - padded.trimEnd().length);
  });
}

/**
 * Cells around one character, so that nothing is trimmed. Characters with a meaning in a cell are left out, and
 * so is the tab, which prettier turns into a space (generated text has none: `markdownText` does the same).
 */
const cell = (text: string): string => `a${text}b`;

const CODE_POINTS = [
  // Every code point up to the CJK blocks (controls, combining marks, symbols, the first emoji), then a sample.
  ...Array.from({ length: 0x3400 }, (_, index) => index),
  ...Array.from({ length: (0x110000 - 0x3400) / 97 }, (_, index) => 0x3400 + index * 97),
].filter((codePoint) => (codePoint < 0xd800 || codePoint > 0xdfff) && !"|\\`*_[]<>&\n\r\t".includes(String.fromCodePoint(codePoint)));

const SEQUENCES = ["👍🏽", "👨‍👩‍👧", "🇫🇷", "1️⃣", "#️⃣", "❤️", "☺", "✔️", "e\u0301", "漢字", "ｈａｌｆ", "ﾊﾝｶｸ", "\u{1F9D1}\u200D\u{1F4BB}"];

describe("displayWidth", () => {
  it("counts every sampled code point and emoji sequence as prettier does", async () => {
    const texts = [...CODE_POINTS.map((codePoint) => String.fromCodePoint(codePoint)), ...SEQUENCES];
    const mismatches: string[] = [];
    for (let start = 0; start < texts.length; start += 2000) {
      const chunk = texts.slice(start, start + 2000);
      const theirs = await prettierWidths(chunk.map(cell));
      chunk.forEach((text, index) => {
        const mine = displayWidth(cell(text));
        if (mine !== theirs[index]) mismatches.push(`U+${[...text].map((c) => c.codePointAt(0)?.toString(16)).join(" U+")}: ${mine}, prettier ${theirs[index]}`);
      });
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
