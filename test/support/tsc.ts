import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run, type RunResult } from "./run.js";
import { TSC } from "./paths.js";

/** The strictest settings we hold generated TypeScript to. */
export const STRICTEST = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedDeclarations: true,
  declaration: true,
  verbatimModuleSyntax: true,
  noEmit: true,
} as const;

/** Type-checks files with the real tsc under the given options. */
export function typeCheck(files: readonly string[], options: Record<string, unknown> = STRICTEST): RunResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-tsc-"));
  const config = path.join(dir, "tsconfig.json");
  writeFileSync(config, JSON.stringify({ compilerOptions: options, files }));
  return run(process.execPath, [TSC, "-p", config, "--pretty", "false"]);
}
