import { createRequire } from "node:module";
import { displayWidth } from "../code/width.js";
import { BatchFormatter, type FormatterTool } from "./batch-formatter.js";

const PRINT_WIDTH = 100;

/**
 * Formats TypeScript into prettier's canonical form (print width 100, prettier's defaults otherwise).
 *
 * Why not prettier itself: on large generated sources it is most of generate's time (47% of a CPU profile at
 * 128 event schemas, 4.6 s for one 1.4 MB validators.ts). Biome's formatter, a port of prettier's algorithm,
 * prints what prettier prints for the code we generate, but for one layout: a union after `=` or `:` that fits
 * on the next line whole, which prettier moves there and Biome breaks into one `| member` per line
 * (`hoistUnions` below). Biome's own native program runs it, once for all the sources of a generation, beside
 * this thread: its WebAssembly build, run here, took 5 s of this thread for 512 event schemas where the native
 * one takes about 2 s of another core, on one thread of its own. Prettier stays the judge: a test runs it over every generated file of the
 * golden trees and the schema sets and expects no change.
 */
export async function formatTypeScript(path: string, source: string): Promise<string> {
  biome ??= new BatchFormatter(BIOME);
  return hoistUnions(await biome.format(path, source));
}

let biome: BatchFormatter | undefined;

const BIOME: FormatterTool = {
  name: "biome",
  suffix: ".ts",
  command: (folder, settings) => ({ file: biomeProgram(), args: ["format", "--write", "--colors=off", `--config-path=${settings}`, folder] }),
  settings: {
    "biome.json": JSON.stringify({
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
    }),
  },
  // One thread: this thread, which has the rest of the generation to do, keeps the other core to itself.
  env: { RAYON_NUM_THREADS: "1" },
  missing: "Biome's program could not be started (run npm ci)",
};

/**
 * The Biome executable of this platform: npm installs the one package of @biomejs/biome's optional
 * dependencies that fits it (the musl build on musl systems). Found directly rather than through Biome's
 * launcher script, which would start one more Node.js process.
 */
function biomeProgram(): string {
  const require = createRequire(import.meta.url);
  const executable = process.platform === "win32" ? "biome.exe" : "biome";
  const build = `@biomejs/cli-${process.platform}-${process.arch}`;
  for (const libc of ["", "-musl"]) {
    try {
      return require.resolve(`${build}${libc}/${executable}`);
    } catch {
      // Not this build; try the next.
    }
  }
  throw new Error(`Biome's program for this platform (${build}) is not installed: run npm ci`);
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
