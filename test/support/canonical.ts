import { readFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describeDrift, findDrift } from "../../generators/output/check.js";
import { listFiles } from "../../generators/output/tree.js";

/** The options generate promises its output is canonical under (README: "How it works"). */
const OPTIONS: prettier.Options = { printWidth: 100, endOfLine: "lf" };

const PARSERS: readonly (readonly [RegExp, string])[] = [
  [/\.ts$/, "typescript"],
  [/\.md$/, "markdown"],
  [/\.json$/, "json"],
];

/**
 * The generated files of an output folder that prettier would change, each with its diff as `--check` shows
 * drift (the "generated" side is prettier's). generate writes TypeScript, Markdown and JSON in prettier's canonical form without running prettier;
 * prettier itself is the oracle here. The declarations in dist/ are formatted as the sources are and judged too;
 * the JavaScript there is esbuild's and the schemas/ folders are verbatim copies of the user's schemas, so both
 * are left out, and so is YAML: prettier re-folds long double-quoted strings and
 * loses escaped line breaks doing so, so the AsyncAPI document keeps the yaml library's form (its readers are
 * tested instead).
 */
export async function nonCanonicalFiles(out: string): Promise<string[]> {
  const judged: { path: string; content: string }[] = [];
  for (const file of await listFiles(out)) {
    if (/(^|\/)schemas\//.test(file) || /(^|\/)dist\/.*\.js$/.test(file)) continue;
    const parser = PARSERS.find(([suffix]) => suffix.test(file))?.[1];
    if (parser === undefined) continue;
    const text = readFileSync(path.join(out, file), "utf8");
    judged.push({ path: file, content: await prettier.format(text, { ...OPTIONS, parser, filepath: file }) });
  }
  const paths = new Set(judged.map((file) => file.path));
  return (await findDrift(out, judged, (file) => paths.has(file))).map(describeDrift);
}
