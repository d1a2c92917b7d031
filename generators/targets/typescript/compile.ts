import { stop, transform } from "esbuild";
import { isolatedDeclarationSync } from "oxc-transform";
import { canonicalJson } from "../../code/json.js";
import { textOf, type GeneratedFile } from "../target.js";

// The package is compiled file by file, to ESM and CommonJS JavaScript with declarations. The sources are
// written to satisfy `isolatedDeclarations`, which is what makes per-file declarations possible; the golden
// tests type-check sources and declarations with tsc under the strictest settings.

/** The package's TypeScript sources, each with its path below src/ without the extension. */
function sourcesOf(files: readonly GeneratedFile[]): { readonly file: GeneratedFile; readonly base: string }[] {
  return files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => ({ file, base: file.path.slice("src/".length, -".ts".length) }));
}

/**
 * The declarations, written by Oxc from each source alone, as TypeScript's `isolatedDeclarations` defines
 * them: natively, in about a hundredth of the time TypeScript's transpileDeclaration took (2.4 s at 512 event
 * schemas), and without loading the TypeScript compiler (0.36 s of every run). Oxc prints them as it prints
 * (tabs, comments as written) whatever the layout of the source, so they are made from the sources as
 * generated and formatted with them, in the same run of Biome.
 */
export function declarations(files: readonly GeneratedFile[]): GeneratedFile[] {
  return sourcesOf(files).flatMap(({ file, base }) => {
    const declared = isolatedDeclarationSync(file.path, textOf(file), { sourcemap: false });
    if (declared.errors.length > 0) {
      const text = declared.errors.map((error) => error.message).join("\n");
      throw new Error(`internal error: ${file.path} cannot be declared in isolation:\n${text}`);
    }
    return ["esm", "cjs"].map((format) => ({ path: `dist/${format}/${base}.d.ts`, content: declared.code }));
  });
}

/**
 * The JavaScript, by esbuild in its own process, from the formatted sources (esbuild keeps an object literal
 * broken over lines when its source is). Its printer is deterministic, so the JavaScript needs no formatting.
 * With the marker that makes Node.js and TypeScript read the CommonJS build as CommonJS.
 */
export async function javascript(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const compiled = await Promise.all(
    sourcesOf(files).map(async ({ file, base }) => {
      const { esm, cjs } = await transpile(file);
      return [
        { path: `dist/esm/${base}.js`, content: esm, formatted: true },
        { path: `dist/cjs/${base}.js`, content: cjs, formatted: true },
      ];
    }),
  );
  return [...compiled.flat(), { path: "dist/cjs/package.json", content: canonicalJson({ type: "commonjs" }), formatted: true }];
}

/** A source's JavaScript as ES module and as CommonJS. */
export async function transpile(file: GeneratedFile): Promise<{ readonly esm: string; readonly cjs: string }> {
  const [esm, cjs] = await Promise.all([transformed(file, "esm"), transformed(file, "cjs")]);
  return { esm, cjs };
}

let transforming = 0;

/**
 * esbuild's process is stopped when it has no more transforms to do: it keeps what it allocated for the
 * largest source (240 MB for the validators of 512 event schemas) until it stops, and the rest of a generation
 * (writing the tree, at the generator's own peak of memory) does not need it. A later transform starts it again.
 */
async function transformed(file: GeneratedFile, format: "esm" | "cjs"): Promise<string> {
  transforming++;
  try {
    return (await transform(file.content, { loader: "ts", format, target: "es2022", sourcefile: file.path, charset: "utf8" })).code;
  } finally {
    if (--transforming === 0) await stop();
  }
}
