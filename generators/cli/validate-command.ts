import { buildModel } from "../ir/build.js";
import { loadSchemas } from "../schema/load.js";
import { loadValidators } from "../output/load-validators.js";
import { generatedValidators } from "../output/generated-validators.js";
import { readEvents } from "./event-input.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { PLAIN } from "../style.js";
import { resolveSettings, withPathsFromHere, type PathFlags } from "./settings.js";

export interface ValidateFlags extends PathFlags {
  readonly input: string;
}

/**
 * `validate`: checks captured events with exactly the validators the TypeScript package ships: those already
 * generated in the output folder when it was made from these schemas, else built from the schemas now.
 */
export async function runValidate(flags: ValidateFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  const events = await readEvents(flags.input);
  const validateEvent =
    (await generatedValidators(settings.schemasDir, settings.outDir)) ??
    (await withPathsFromHere(settings, async () => loadValidators(buildModel(await loadSchemas(settings.schemasDir), { envelope: settings.config.envelope }))));
  let invalid = 0;
  const refused: Record<string, unknown>[] = [];
  for (const event of events) {
    // Events are counted from 1, as lines are.
    const where = `#${event.index + 1}${event.line === undefined ? "" : ` (line ${event.line})`}`;
    if (!event.ok) {
      invalid++;
      output.err(`${where}: ${event.reason}`);
      refused.push({ number: event.index + 1, ...(event.line === undefined ? {} : { line: event.line }), reason: event.reason });
      continue;
    }
    const result = validateEvent(event.value);
    if (result.ok) continue;
    invalid++;
    const value = event.value as { eventType?: unknown } | null;
    const eventType = typeof value === "object" && value !== null && typeof value.eventType === "string" ? value.eventType : "(no eventType)";
    output.err(`${where} ${eventType}: ${(output.style ?? PLAIN).error(`${result.errors.length} ${result.errors.length === 1 ? "problem" : "problems"}`)}`);
    for (const error of result.errors) output.err(`    ${error.pointer === "" ? "/" : error.pointer}  ${error.message} [${error.keyword}]`);
    refused.push({ number: event.index + 1, ...(event.line === undefined ? {} : { line: event.line }), eventType: typeof value === "object" && value !== null && typeof value.eventType === "string" ? value.eventType : null, errors: result.errors.map(({ pointer, keyword, message }) => ({ pointer, keyword, message })) });
  }
  output.report?.({ events: events.length, valid: events.length - invalid, invalid, invalidEvents: refused });
  const summary = `${events.length} ${events.length === 1 ? "event" : "events"}: ${events.length - invalid} valid, ${invalid} invalid`;
  if (invalid > 0) {
    output.err(summary);
    return EXIT.PROBLEMS;
  }
  output.out(summary);
  return EXIT.OK;
}
