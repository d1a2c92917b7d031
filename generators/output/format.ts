import * as prettier from "prettier";
import type { GeneratedFile } from "../targets/target.js";

/** Formatting options for generated files; fixed here so output never depends on a user's prettier config. */
const OPTIONS: prettier.Options = { printWidth: 100, endOfLine: "lf" };

const PARSERS: readonly (readonly [string, string])[] = [
  [".d.ts", "typescript"],
  [".ts", "typescript"],
  [".js", "babel"],
  [".json", "json"],
  [".md", "markdown"],
  [".yaml", "yaml"],
];

/**
 * Formats every file in memory, before anything is written or compared, so that `generate` and
 * `generate --check` always agree (graphql-code-generator's --check compared unformatted output).
 */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS.find(([suffix]) => file.path.endsWith(suffix))?.[1];
      if (parser === undefined || file.formatted === true) return { path: file.path, content: file.content };
      try {
        return { path: file.path, content: await prettier.format(file.content, { ...OPTIONS, parser }) };
      } catch (error) {
        // Generated code that does not parse is a generator bug, never the user's fault: say so plainly.
        throw new Error(`internal error: generated ${file.path} does not parse: ${(error as Error).message}`);
      }
    }),
  );
}
