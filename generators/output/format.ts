import { canonicalJson } from "../code/json.js";
import { textOf, type GeneratedFile } from "../targets/target.js";
import { BatchFormatter } from "./batch-formatter.js";
import { formatPython } from "./format-python.js";
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
  // Identical inputs (the ESM and CommonJS declarations, say) are formatted once.
  const formatted = new Map<string, Promise<string | Uint8Array>>();
  return Promise.all(
    files.map(async (file) => {
      // Files in their final form (70 MB of vectors, say) are passed on as they are, without a key.
      if (file.formatted === true) return { path: file.path, content: file.content };
      const key = `${file.path.slice(file.path.lastIndexOf("."))}\u0000${textOf(file)}`;
      let content = formatted.get(key);
      if (content === undefined) {
        content = formatOne(file).then((result) => result.content);
        formatted.set(key, content);
      }
      return { path: file.path, content: await content };
    }),
  );
}

let gofmt: BatchFormatter | undefined;

/** Go sources are formatted by gofmt, one run for all those of a generation (unless `alone`). */
export function formatGo(path: string, source: string, options: { readonly alone?: boolean } = {}): Promise<string> {
  gofmt ??= new BatchFormatter({
    name: "gofmt",
    suffix: ".go",
    command: (folder) => ({ file: "gofmt", args: ["-w", folder] }),
    missing: "gofmt is not on the PATH, and it formats the Go package: install Go (https://go.dev/dl/, it ships gofmt), or leave the Go package out with --target ts --target python --target docs --target vectors",
  });
  return gofmt.format(path, source, options);
}

async function formatOne(file: GeneratedFile): Promise<GeneratedFile> {
  if (file.formatted === true) return file;
  const format = FORMATTERS.find(([suffix]) => file.path.endsWith(suffix))?.[1];
  return format === undefined ? file : { path: file.path, content: await format(file.path, textOf(file)) };
}

const FORMATTERS: readonly (readonly [string, (path: string, source: string) => string | Promise<string>])[] = [
  [".go", (path, source) => formatGo(path, source)],
  [".py", formatPython],
  [".ts", formatTypeScript],
  [".json", formatJson],
  [".md", formatMarkdown],
];

/** The languages of Markdown code blocks that are formatted, by the fence's info string. */
const BLOCK_FORMATTERS: Readonly<Record<string, (path: string, source: string) => string | Promise<string>>> = {
  ts: formatTypeScript,
  json: formatJson,
  python: formatPython,
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
  // Every block is asked for at once, so that each formatter formats them in one run.
  const pieces: (string | Promise<string>)[] = [];
  for (let index = 0; index < parts.length; index += 4) {
    pieces.push(alignTables(parts[index] ?? ""));
    if (index + 3 >= parts.length) break;
    const fence = parts[index + 1] ?? "";
    const language = parts[index + 2] ?? "";
    const code = parts[index + 3] ?? "";
    const format = BLOCK_FORMATTERS[language];
    pieces.push(`${fence}${language}\n`, format === undefined ? code : format(path, code), fence);
  }
  return (await Promise.all(pieces)).join("");
}
