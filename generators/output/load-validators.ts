import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ContractsModel } from "../ir/model.js";
import { loadTemplates } from "../pipeline.js";
import { transpile } from "../targets/typescript/compile.js";
import { nameTypeScript } from "../targets/typescript/naming.js";
import { validatorsFile } from "../targets/typescript/validators-file.js";

export interface ValidationErrorLike {
  readonly pointer: string;
  readonly keyword: string;
  readonly message: string;
}

export type ValidateEvent = (value: unknown) => { ok: true } | { ok: false; errors: readonly ValidationErrorLike[] };

/**
 * Builds the TypeScript package's validators for a model in memory and imports them, so that the CLI judges
 * events exactly as services using the package do (even before `generate` has run, or for an old commit).
 */
export async function loadValidators(model: ContractsModel): Promise<ValidateEvent> {
  const templates = await loadTemplates();
  // Only the validators and the runtime they import: types are erased, and nothing else is needed to judge.
  const sources = [
    { path: "src/runtime.ts", content: templates.get("typescript/runtime.ts") ?? "" },
    { path: "src/validators.ts", content: validatorsFile(model, nameTypeScript(model)) },
  ];
  const compiled = await Promise.all(sources.map(async (file) => ({ path: file.path.replace(/^src\/(.*)\.ts$/, "$1.js"), content: (await transpile(file)).esm })));
  const dir = await mkdtemp(path.join(os.tmpdir(), "event-contracts-validators-"));
  try {
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    await Promise.all(compiled.map((file) => writeFile(path.join(dir, file.path), file.content)));
    const module = (await import(pathToFileURL(path.join(dir, "validators.js")).href)) as { validateEvent: ValidateEvent };
    return module.validateEvent;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
