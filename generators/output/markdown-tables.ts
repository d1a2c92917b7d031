import { displayWidth } from "../code/width.js";

const DELIMITER_CELL = /^:?-+:?$/;

/**
 * Lays out every table of a Markdown text as prettier does: each column as wide as its widest cell (at least
 * three), cells padded with spaces, the delimiter row made of dashes; widths are counted as prettier counts
 * them. Generated cell text never holds a raw pipe (it is written `&#124;`), so every pipe is a boundary.
 * Code blocks must not be passed in: only the text around them.
 */
export function alignTables(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let index = 0; index < lines.length; ) {
    const delimiter = lines[index + 1];
    if (!isRow(lines[index]) || delimiter === undefined || !isDelimiterRow(delimiter)) {
      out.push(lines[index] ?? "");
      index++;
      continue;
    }
    let end = index + 2;
    while (isRow(lines[end])) end++;
    out.push(...alignTable(lines.slice(index, end)));
    index = end;
  }
  return out.join("\n");
}

function isRow(line: string | undefined): line is string {
  return line !== undefined && line.startsWith("|") && line.trimEnd().endsWith("|");
}

function isDelimiterRow(line: string): boolean {
  return isRow(line) && cellsOf(line).every((cell) => DELIMITER_CELL.test(cell));
}

function cellsOf(row: string): string[] {
  return row.trim().slice(1, -1).split("|").map((cell) => cell.trim());
}

function alignTable(rows: readonly string[]): string[] {
  const table = rows.map(cellsOf);
  const header = table[0] ?? [];
  const body = table.slice(2);
  const widths = header.map((_, column) => Math.max(3, ...[header, ...body].map((row) => displayWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]): string => `| ${widths.map((width, column) => pad(cells[column] ?? "", width)).join(" | ")} |`;
  return [line(header), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...body.map(line)];
}

function pad(text: string, width: number): string {
  return text + " ".repeat(width - displayWidth(text));
}
