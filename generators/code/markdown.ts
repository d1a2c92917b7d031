/**
 * Builders for Markdown text taken from schemas and config (descriptions, names, values). Whatever the text,
 * it stays on one line and in its table cell, means nothing to Markdown or HTML, and is already in the form
 * prettier would give it.
 */

/**
 * Markdown text: characters with meaning in Markdown or HTML are backslash-escaped; runs of spaces and tabs
 * are one space, as prettier writes them, with none at either end.
 * A pipe is written as an entity: table rows are split at pipes before backslashes are read, so a pipe after
 * an escaped backslash (`\\|`) would end the cell.
 */
export function markdownText(text: string): string {
  return escaped(collapseSpaces(oneLine(text)));
}

/**
 * Prose that may hold inline code, as schema authors write descriptions (`Number of words in \`content\``):
 * each span between a pair of backticks on one line is a code span (markdownCode), the rest Markdown text,
 * so that the catalog shows the code as code, never as escaped backticks. An unpaired backtick is text.
 */
export function markdownProse(text: string): string {
  return collapseSpaces(oneLine(text))
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? markdownCode(part.slice(1, -1)) : escaped(part)))
    .join("");
}

function escaped(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!~&]/g, (character) => `\\${character}`).replace(/\|/g, "&#124;");
}

/**
 * An inline code span that holds any text: the fence is the shortest run of backticks the text does not hold,
 * as prettier chooses it. Text with a pipe is an HTML `<code>` element instead: in a table cell a code span
 * cannot hold a backslash before a pipe (`\|` is the cell's escape, `\\|` ends the cell). Markdown is read
 * inside the element, so the characters that could start Markdown or HTML there (emphasis, code, escapes,
 * links, strikethrough, tags, entities) are entities, and runs of spaces are one space, as Markdown shows them.
 */
export function markdownCode(text: string): string {
  const flat = oneLine(text);
  if (flat.includes("|")) {
    const entities = collapseSpaces(flat).replace(/[&<>"|*_`\\[~]/g, (character) => `&#${character.charCodeAt(0)};`);
    return `<code>${entities}</code>`;
  }
  const runs = new Set((flat.match(/`+/g) ?? []).map((run) => run.length));
  let length = 1;
  while (runs.has(length)) length++;
  const fence = "`".repeat(length);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Line breaks of every kind become spaces, and NUL is U+FFFD, as CommonMark reads it. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\0/g, "\uFFFD");
}

function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/g, " ").trim();
}
