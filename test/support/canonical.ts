import { readFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { listFiles } from "../../generators/output/tree.js";

/** The options generate promises its output is canonical under (README: "Generated output"). */
const OPTIONS: prettier.Options = { printWidth: 100, endOfLine: "lf" };

const PARSERS: readonly (readonly [RegExp, string])[] = [
  [/\.ts$/, "typescript"],
  [/\.md$/, "markdown"],
  [/\.json$/, "json"],
];

/**
 * The generated files of an output folder that prettier would change, each with the first line that differs.
 * generate writes TypeScript, Markdown and JSON in prettier's canonical form without running prettier;
 * prettier itself is the oracle here. Compiler output (dist/) and the verbatim copies of the user's schemas are
 * not the generator's text and are left out, and so is YAML: prettier re-folds long double-quoted strings and
 * loses escaped line breaks doing so, so the AsyncAPI document keeps the yaml library's form (its readers are
 * tested instead).
 */
export async function nonCanonicalFiles(out: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await listFiles(out)) {
    if (/(^|\/)(dist|schemas)\//.test(file)) continue;
    const parser = PARSERS.find(([suffix]) => suffix.test(file))?.[1];
    if (parser === undefined) continue;
    const text = readFileSync(path.join(out, file), "utf8");
    const formatted = await prettier.format(text, { ...OPTIONS, parser, filepath: file });
    if (formatted !== text) problems.push(`${file}: ${firstDifference(text, formatted)}`);
  }
  return problems;
}

function firstDifference(actual: string, canonical: string): string {
  const lines = actual.split("\n");
  const wanted = canonical.split("\n");
  const index = lines.findIndex((line, at) => line !== wanted[at]);
  const at = index === -1 ? lines.length : index;
  const line = lines[at] ?? "";
  const other = wanted[at] ?? "";
  // Long lines (table rows) are cut to the first difference and some context around it.
  let column = 0;
  while (column < line.length && line[column] === other[column]) column++;
  const start = Math.max(0, column - 40);
  return `line ${at + 1}, column ${column + 1}\n  generated: ${JSON.stringify(line.slice(start, column + 60))}\n  prettier:  ${JSON.stringify(other.slice(start, column + 60))}`;
}
