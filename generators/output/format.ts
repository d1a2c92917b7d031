import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { canonicalJson } from "../code/json.js";
import type { GeneratedFile } from "../targets/target.js";
import { formatTypeScript } from "./format-typescript.js";
import { alignTables } from "./markdown-tables.js";

/**
 * Formats every file in memory, before anything is written or compared, so that `generate` and
 * `generate --check` always agree (graphql-code-generator's --check compared unformatted output).
 *
 * Each language's formatter, or its canonical form: gofmt for Go, ruff for Python, and prettier's form for
 * TypeScript (written by Biome), JSON (printed by `canonicalJson`) and Markdown (tables aligned here, code
 * blocks formatted). Prettier itself is not run, for speed; a test checks that it would change nothing. YAML
 * is written in its final form by the yaml library (see the docs target).
 */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  // Go files are formatted together, by one gofmt process rather than one each.
  const goFiles = files.filter((file) => file.formatted !== true && file.path.endsWith(".go"));
  const goFormatted = goFiles.length === 0 ? new Map<string, string>() : await gofmtAll(goFiles);
  // Identical inputs (the ESM and CommonJS declarations, say) are formatted once.
  const formatted = new Map<string, Promise<string>>();
  return Promise.all(
    files.map(async (file) => {
      const go = goFormatted.get(file.path);
      if (go !== undefined) return { path: file.path, content: go };
      const key = `${file.path.slice(file.path.lastIndexOf("."))}\u0000${file.content}`;
      let content = formatted.get(key);
      if (content === undefined) {
        content = formatOne(file).then((result) => result.content);
        formatted.set(key, content);
      }
      return { path: file.path, content: await content };
    }),
  );
}

/** Formats Go sources with one gofmt run over a scratch folder holding them all; by path. */
async function gofmtAll(files: readonly GeneratedFile[]): Promise<Map<string, string>> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "event-contracts-gofmt-"));
  try {
    const names = files.map((_, index) => path.join(scratch, `${index}.go`));
    await Promise.all(files.map((file, index) => writeFile(names[index] ?? "", file.content)));
    await new Promise<void>((resolve, reject) => {
      const child = spawn("gofmt", ["-w", ...names], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
      child.on("error", (error) => reject(new Error(`gofmt is needed to format Go output (install Go): ${error.message}`)));
      child.on("close", (code) => {
        if (code === 0) resolve();
        else reject(new Error(`internal error: generated Go does not parse:\n${files.reduce((text, file, index) => text.replaceAll(names[index] ?? "", file.path), err)}`));
      });
    });
    const texts = await Promise.all(names.map((name) => readFile(name, "utf8")));
    return new Map(files.map((file, index) => [file.path, texts[index] ?? ""]));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function formatOne(file: GeneratedFile): Promise<GeneratedFile> {
  if (file.formatted === true) return file;
  const format = FORMATTERS.find(([suffix]) => file.path.endsWith(suffix))?.[1];
  return format === undefined ? file : { path: file.path, content: await format(file.path, file.content) };
}

const FORMATTERS: readonly (readonly [string, (path: string, source: string) => string | Promise<string>])[] = [
  [".py", (path, source) => ruffFormat(path, source)],
  [".ts", formatTypeScript],
  [".json", formatJson],
  [".md", formatMarkdown],
];

/** The languages of Markdown code blocks that are formatted, by the fence's info string. */
const BLOCK_FORMATTERS: Readonly<Record<string, (path: string, source: string) => string | Promise<string>>> = {
  ts: formatTypeScript,
  json: formatJson,
  python: (path, source) => ruffFormat(path, source),
};

function formatJson(_path: string, source: string): string {
  return canonicalJson(JSON.parse(source));
}

/**
 * Markdown in prettier's form: its tables aligned (`alignTables`), its TypeScript and JSON code blocks formatted
 * as prettier formats them, and its Python blocks by ruff (`ruff format` on a package folder includes its
 * README). Fences are those generate writes: three or more backticks at the start of a line, closed by the same
 * run.
 */
async function formatMarkdown(path: string, markdown: string): Promise<string> {
  const parts = markdown.split(/^(`{3,})([a-z]+)\n([\s\S]*?)^\1$/m);
  let result = "";
  for (let index = 0; index < parts.length; index += 4) {
    result += alignTables(parts[index] ?? "");
    if (index + 3 >= parts.length) break;
    const fence = parts[index + 1] ?? "";
    const language = parts[index + 2] ?? "";
    const code = parts[index + 3] ?? "";
    const format = BLOCK_FORMATTERS[language];
    result += `${fence}${language}\n${format === undefined ? code : await format(path, code)}${fence}`;
  }
  return result;
}

let ruff: Promise<Workspace> | undefined;

/**
 * Formats Python with ruff's own formatter, compiled to WebAssembly (an npm package), so generating needs no
 * Python tools; the tests run the same ruff version from PyPI with `ruff format --check`.
 */
async function ruffFormat(path: string, source: string): Promise<string> {
  // Loaded on first use: compiling the WebAssembly costs start-up time that commands without Python output skip.
  ruff ??= import("@astral-sh/ruff-wasm-nodejs").then(({ PositionEncoding, Workspace }) => new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16));
  const workspace = await ruff;
  try {
    return workspace.format(source);
  } catch (error) {
    throw new Error(`internal error: generated ${path} does not parse as Python: ${String(error)}`);
  }
}
