import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Config } from "../config.js";
import { buildModel } from "../ir/build.js";
import { loadTemplates } from "../pipeline.js";
import { loadSchemas } from "../schema/load.js";
import { compileTypeScript } from "../targets/typescript/compile.js";
import { typescriptTarget } from "../targets/typescript/index.js";
import { readEvents } from "./event-input.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { resolveSettings, type PathFlags } from "./settings.js";

interface ValidationErrorLike {
  readonly pointer: string;
  readonly keyword: string;
  readonly message: string;
}
type ValidateEvent = (value: unknown) => { ok: true } | { ok: false; errors: readonly ValidationErrorLike[] };

export interface ValidateFlags extends PathFlags {
  readonly input: string;
}

/** `validate`: checks captured events with exactly the validators the TypeScript package ships. */
export async function runValidate(flags: ValidateFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  const events = await readEvents(flags.input);
  const validateEvent = await loadValidators(settings.schemasDir, settings.config);
  let invalid = 0;
  for (const event of events) {
    const where = `#${event.index}${event.line === undefined ? "" : ` (line ${event.line})`}`;
    if (!event.ok) {
      invalid++;
      output.err(`${where}: ${event.reason}`);
      continue;
    }
    const result = validateEvent(event.value);
    if (result.ok) continue;
    invalid++;
    const value = event.value as { eventType?: unknown } | null;
    const eventType = typeof value === "object" && value !== null && typeof value.eventType === "string" ? value.eventType : "(no eventType)";
    output.err(`${where} ${eventType}: ${result.errors.length} ${result.errors.length === 1 ? "problem" : "problems"}`);
    for (const error of result.errors) output.err(`    ${error.pointer === "" ? "/" : error.pointer}  ${error.message} [${error.keyword}]`);
  }
  const summary = `${events.length} ${events.length === 1 ? "event" : "events"}: ${events.length - invalid} valid, ${invalid} invalid`;
  if (invalid > 0) {
    output.err(summary);
    return EXIT.PROBLEMS;
  }
  output.out(summary);
  return EXIT.OK;
}

/**
 * Builds the package's validators from the schemas in memory and imports them, so `validate` judges events
 * exactly as services using the package do, even before `generate` has been run.
 */
async function loadValidators(schemasDir: string, config: Config): Promise<ValidateEvent> {
  const model = buildModel(await loadSchemas(schemasDir));
  const templates = await loadTemplates();
  const sources = typescriptTarget.generate({ model, config, templates });
  const compiled = compileTypeScript(sources).filter((file) => file.path.startsWith("dist/esm/") && file.path.endsWith(".js"));
  const dir = await mkdtemp(path.join(os.tmpdir(), "event-contracts-validate-"));
  try {
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    for (const file of compiled) {
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const module = (await import(pathToFileURL(path.join(dir, "dist/esm/validators.js")).href)) as { validateEvent: ValidateEvent };
    return module.validateEvent;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
