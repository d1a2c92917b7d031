import { transformSync } from "esbuild";
import { createRequire } from "node:module";
import type typescriptModule from "typescript";
import { canonicalJson } from "../../code/json.js";
import type { GeneratedFile } from "../target.js";

// Required rather than imported: importing CommonJS from ESM makes Node.js scan all of typescript.js for its
// export names (cjs-module-lexer), which costs more than loading it.
const typescript = createRequire(import.meta.url)("typescript") as typeof typescriptModule;

const COMMON_OPTIONS: typescriptModule.CompilerOptions = {
  target: typescript.ScriptTarget.ES2022,
  strict: true,
  isolatedModules: true,
  isolatedDeclarations: true,
  declaration: true,
  removeComments: false,
  newLine: typescript.NewLineKind.LineFeed,
};

/**
 * Compiles the package's TypeScript sources to ESM and CommonJS JavaScript with declarations, file by file:
 * esbuild strips the types (fast, and its printer is deterministic, so the JavaScript needs no further
 * formatting), and TypeScript's transpileDeclaration writes the .d.ts (no program, no type check). The sources
 * are written to satisfy `isolatedDeclarations`, which is what makes per-file declarations possible; the
 * golden tests type-check them with tsc under the strictest settings. dist/ is compiler output as the
 * compilers write it (esbuild's JavaScript, TypeScript's declarations); only src/ is formatted.
 */
export function compileTypeScript(files: readonly GeneratedFile[]): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  for (const file of files) {
    if (!file.path.startsWith("src/") || !file.path.endsWith(".ts")) continue;
    const base = file.path.slice("src/".length, -".ts".length);
    const declaration = typescript.transpileDeclaration(file.content, {
      fileName: file.path,
      compilerOptions: COMMON_OPTIONS,
      reportDiagnostics: true,
    });
    const problems = declaration.diagnostics ?? [];
    if (problems.length > 0) {
      const text = problems.map((problem) => typescript.flattenDiagnosticMessageText(problem.messageText, "\n")).join("\n");
      throw new Error(`internal error: ${file.path} cannot be declared in isolation:\n${text}`);
    }
    for (const format of ["esm", "cjs"] as const) {
      const javascript = transformSync(file.content, { loader: "ts", format, target: "es2022", sourcefile: file.path, charset: "utf8" });
      out.push({ path: `dist/${format}/${base}.js`, content: javascript.code, formatted: true });
      out.push({ path: `dist/${format}/${base}.d.ts`, content: declaration.outputText, formatted: true });
    }
  }
  // Marks the CommonJS build as such, so Node.js and TypeScript read its .js and .d.ts files as CommonJS.
  out.push({ path: "dist/cjs/package.json", content: canonicalJson({ type: "commonjs" }), formatted: true });
  return out;
}
