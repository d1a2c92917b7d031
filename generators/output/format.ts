import { spawn } from "node:child_process";
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
  // Identical inputs (the ESM and CommonJS declarations, say) are formatted once.
  const formatted = new Map<string, Promise<string>>();
  return Promise.all(
    files.map(async (file) => {
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

async function formatOne(file: GeneratedFile): Promise<GeneratedFile> {
  if (file.formatted === true) return file;
  if (file.path.endsWith(".go")) return { path: file.path, content: await gofmt(file.path, file.content) };
  if (file.path.endsWith(".py")) return { path: file.path, content: await ruffFormat(file.path, file.content) };
  const parser = PARSERS.find(([suffix]) => file.path.endsWith(suffix))?.[1];
  if (parser === undefined) return file;
  try {
    const content = await prettier.format(file.content, { ...OPTIONS, parser });
    return { path: file.path, content: parser === "markdown" ? await formatPythonBlocks(file.path, content) : content };
  } catch (error) {
    // Generated code that does not parse is a generator bug, never the user's fault: say so plainly.
    throw new Error(`internal error: generated ${file.path} does not parse: ${(error as Error).message}`);
  }
}

/** Formats Go source with the toolchain's own gofmt, fed on standard input. */
function gofmt(path: string, source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("gofmt", [], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", (error) => reject(new Error(`gofmt is needed to format Go output (install Go): ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`internal error: generated ${path} does not parse as Go:\n${err}`));
    });
    child.stdin.end(source);
  });
}

/**
 * Formats the Python code blocks of a Markdown file with ruff, which formats them too (`ruff format` on a
 * package folder includes its README): prettier leaves code blocks as they are.
 */
async function formatPythonBlocks(path: string, markdown: string): Promise<string> {
  const blocks = [...markdown.matchAll(/^```python\n([\s\S]*?)^```$/gm)];
  if (blocks.length === 0) return markdown;
  const formatted = await Promise.all(blocks.map((block) => ruffFormat(path, block[1] ?? "")));
  let index = 0;
  return markdown.replace(/^```python\n([\s\S]*?)^```$/gm, () => `\`\`\`python\n${formatted[index++] ?? ""}\`\`\``);
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
