import { transform } from "esbuild";
import { isolatedDeclarationSync } from "oxc-transform";
import { canonicalJson } from "../../code/json.js";
import type { GeneratedFile } from "../target.js";

/**
 * Compiles the package's TypeScript sources to ESM and CommonJS JavaScript with declarations, file by file.
 * esbuild strips the types in its own process, on another core (its printer is deterministic, so the
 * JavaScript needs no further formatting). Oxc writes each .d.ts from its source alone, as TypeScript's
 * `isolatedDeclarations` defines it: natively, in about a hundredth of the time TypeScript's own
 * transpileDeclaration took (2.4 s of 512 event schemas), and without loading the TypeScript compiler at all
 * (0.36 s of every run). The sources are written to satisfy `isolatedDeclarations`, which is what makes
 * per-file declarations possible; the golden tests type-check sources and declarations with tsc under the
 * strictest settings. The declarations come back unformatted (tabs, comments as written) and are formatted as
 * the sources are; the JavaScript is esbuild's.
 */
export async function compileTypeScript(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const sources = files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts"));
  const compiled = await Promise.all(
    sources.map(async (file) => {
      const base = file.path.slice("src/".length, -".ts".length);
      const declaration = declare(file);
      const javascript = await transpile(file);
      return (["esm", "cjs"] as const).flatMap((format) => [
        { path: `dist/${format}/${base}.js`, content: javascript[format], formatted: true },
        { path: `dist/${format}/${base}.d.ts`, content: declaration },
      ]);
    }),
  );
  // Marks the CommonJS build as such, so Node.js and TypeScript read its .js and .d.ts files as CommonJS.
  return [...compiled.flat(), { path: "dist/cjs/package.json", content: canonicalJson({ type: "commonjs" }), formatted: true }];
}

/** A source's JavaScript as ES module and as CommonJS. */
export async function transpile(file: GeneratedFile): Promise<{ readonly esm: string; readonly cjs: string }> {
  const [esm, cjs] = await Promise.all(
    (["esm", "cjs"] as const).map(async (format) => (await transform(file.content, { loader: "ts", format, target: "es2022", sourcefile: file.path, charset: "utf8" })).code),
  );
  return { esm: esm ?? "", cjs: cjs ?? "" };
}

function declare(file: GeneratedFile): string {
  const declaration = isolatedDeclarationSync(file.path, file.content, { sourcemap: false });
  if (declaration.errors.length > 0) {
    const text = declaration.errors.map((error) => error.message).join("\n");
    throw new Error(`internal error: ${file.path} cannot be declared in isolation:\n${text}`);
  }
  return declaration.code;
}
