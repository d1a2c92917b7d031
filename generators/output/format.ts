import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Workspace } from "@astral-sh/ruff-wasm-nodejs";
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
  if (file.path.endsWith(".py")) return { path: file.path, content: await ruffFormat(file.path, file.content) };
  const parser = PARSERS.find(([suffix]) => file.path.endsWith(suffix))?.[1];
  if (parser === undefined) return file;
  try {
    // The file path tells prettier's TypeScript parser that the source is not JSX; without it, it guesses with
    // a regular expression over the whole text, which took a second on a large validators.ts.
    const content = await prettier.format(file.content, { ...OPTIONS, parser, filepath: file.path });
    return { path: file.path, content: parser === "markdown" ? await formatPythonBlocks(file.path, content) : content };
  } catch (error) {
    // Generated code that does not parse is a generator bug, never the user's fault: say so plainly.
    throw new Error(`internal error: generated ${file.path} does not parse: ${(error as Error).message}`);
  }
}

/**
 * Formats the Python code blocks of a Markdown file with ruff, which formats them too (`ruff format` on a
 * package folder includes its README): prettier leaves code blocks as they are.
 */
async function formatPythonBlocks(path: string, markdown: string): Promise<string> {
  // Split at the blocks: odd entries are the code of each block, even ones the Markdown around them.
  const parts = markdown.split(/(?<=^```python\n)([\s\S]*?)(?=^```$)/m);
  if (parts.length === 1) return markdown;
  const formatted = await Promise.all(parts.map((part, index) => (index % 2 === 1 ? ruffFormat(path, part) : part)));
  return formatted.join("");
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
