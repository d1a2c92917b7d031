import typescript from "typescript";
import type { GeneratedFile } from "../target.js";

const COMMON_OPTIONS: typescript.CompilerOptions = {
  target: typescript.ScriptTarget.ES2022,
  strict: true,
  isolatedModules: true,
  isolatedDeclarations: true,
  declaration: true,
  removeComments: false,
  newLine: typescript.NewLineKind.LineFeed,
};

/**
 * Compiles the package's TypeScript sources to ESM and CommonJS JavaScript with declarations, file by file
 * (transpileModule and transpileDeclaration: no program, no type check, so it is fast and needs nothing from
 * disk). The sources are written to satisfy `isolatedDeclarations`, which is what makes per-file declarations
 * possible; the golden tests type-check them with tsc under the strictest settings.
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
    for (const [folder, module] of [
      ["esm", typescript.ModuleKind.ESNext],
      ["cjs", typescript.ModuleKind.CommonJS],
    ] as const) {
      const javascript = typescript.transpileModule(file.content, {
        fileName: file.path,
        compilerOptions: { ...COMMON_OPTIONS, module, declaration: false },
      });
      out.push({ path: `dist/${folder}/${base}.js`, content: javascript.outputText });
      out.push({ path: `dist/${folder}/${base}.d.ts`, content: declaration.outputText });
    }
  }
  // Marks the CommonJS build as such, so Node.js and TypeScript read its .js and .d.ts files as CommonJS.
  out.push({ path: "dist/cjs/package.json", content: JSON.stringify({ type: "commonjs" }) });
  return out;
}
