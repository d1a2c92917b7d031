import { createRequire } from "node:module";
import type { Biome as BiomeInstance } from "@biomejs/js-api/nodejs";
import { displayWidth } from "../code/width.js";

const PRINT_WIDTH = 100;

interface Formatter {
  readonly biome: BiomeInstance;
  readonly projectKey: number;
}

let formatter: Formatter | undefined;

/**
 * Formats TypeScript into prettier's canonical form (print width 100, prettier's defaults otherwise).
 *
 * Why not prettier itself: on large generated sources it is most of generate's time (47% of a CPU profile at
 * 128 event schemas, 4.6 s for one 1.4 MB validators.ts). Biome's formatter, a port of prettier's algorithm
 * compiled to WebAssembly, formats the same file in about 0.25 s and prints what prettier prints for the code
 * we generate, but for one layout: a union after `=` or `:` that fits on the next line whole, which prettier
 * moves there and Biome breaks into one `| member` per line (`hoistUnions` below). Prettier stays the judge: a
 * test runs it over every generated file of the golden trees and the schema sets and expects no change.
 */
export function formatTypeScript(path: string, source: string): string {
  formatter ??= createFormatter();
  const { biome, projectKey } = formatter;
  // The virtual file name only selects Biome's TypeScript parser; `path` (a .ts file or a README holding a
  // code block) names the source in errors.
  const result = wasmCall(path, () => biome.formatContent(projectKey, source, { filePath: "generated.ts" }));
  if (result.diagnostics.length > 0) {
    const messages = result.diagnostics.map((diagnostic) => diagnostic.description).join("\n");
    throw new Error(`internal error: generated ${path} does not parse: ${messages}`);
  }
  return hoistUnions(result.content);
}

/** Biome's errors carry their message in `stackTrace` (a WebAssembly error), not in `message`. */
function wasmCall<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    const detail = String((error as { stackTrace?: unknown }).stackTrace ?? error).split("\n")[0];
    throw new Error(`internal error: Biome could not format generated ${path}: ${detail}`);
  }
}

function createFormatter(): Formatter {
  // Required, not imported: the package is CommonJS, and Biome compiles its WebAssembly only when first used.
  const { Biome } = createRequire(import.meta.url)("@biomejs/js-api/nodejs") as typeof import("@biomejs/js-api/nodejs");
  const biome = new Biome();
  const { projectKey } = biome.openProject();
  biome.applyConfiguration(projectKey, {
    // Biome skips files over 1 MiB by default; a validators.ts for a few hundred events is larger.
    files: { maxSize: 2 ** 30 },
    formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: PRINT_WIDTH, lineEnding: "lf" },
    javascript: {
      formatter: {
        quoteStyle: "double",
        jsxQuoteStyle: "double",
        quoteProperties: "asNeeded",
        trailingCommas: "all",
        semicolons: "always",
        arrowParentheses: "always",
        bracketSpacing: true,
        bracketSameLine: false,
      },
    },
  });
  return { biome, projectKey };
}

/** A union broken one member per line after `=` or `:`, ending with `;`: `indent`, the head line, the members. */
const BROKEN_UNION = /^( *)([^\n]*[=:])\n((?:\1 {2}\| [^\n]*\n)*\1 {2}\| [^\n]*;)$/gm;

/**
 * prettier's layout of a union that does not fit after `=` or `:`: on the next line, indented, when it fits
 * there whole; one member per line otherwise.
 */
function hoistUnions(source: string): string {
  return source.replace(BROKEN_UNION, (block, indent: string, head: string, members: string) => {
    const joined = `${indent}  ${members.split("\n").map((line) => line.slice(indent.length + 4)).join(" | ")}`;
    return displayWidth(joined) <= PRINT_WIDTH ? `${indent}${head}\n${joined}` : block;
  });
}
