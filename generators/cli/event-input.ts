import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem, UsageError } from "../problems.js";
import { parseJsonSource } from "../schema/json-source.js";

/** One event read for validation: parsed, or the reason it could not be. */
export type EventInput =
  | { readonly index: number; readonly line?: number; readonly ok: true; readonly value: unknown }
  | { readonly index: number; readonly line?: number; readonly ok: false; readonly reason: string };

/**
 * Reads events from a file or standard input (`-`): one JSON event, a JSON array of events, or NDJSON (one
 * event per line). A line that does not parse becomes an invalid event, not a failure of the whole run.
 */
export async function readEvents(source: string, stdin: () => Promise<string> = readStdin): Promise<EventInput[]> {
  let text: string;
  try {
    text = source === "-" ? await stdin() : await readFile(source, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
  }
  if (text.trim() === "") throw new UsageError(`${source === "-" ? "standard input" : source} holds no events`);
  try {
    const whole: unknown = JSON.parse(text);
    if (Array.isArray(whole)) return whole.map((value, index) => ({ index, ok: true, value }));
    return [{ index: 0, ok: true, value: whole }];
  } catch {
    // A text that opens an array is one JSON document, however it is broken (a trailing comma, say): its
    // mistake is reported where it is, instead of each of its lines being read as an event.
    if (text.trimStart().startsWith("[")) {
      const name = source === "-" ? "standard input" : path.relative(process.cwd(), source) || source;
      const parsed = parseJsonSource(name, text);
      if (!parsed.ok) throw new UsageError(`the events are not JSON:\n${parsed.problems.map(formatProblem).join("\n")}`);
    }
    // Otherwise not one JSON document: read it as NDJSON.
  }
  const events: EventInput[] = [];
  text.split(/\r?\n/).forEach((line, lineIndex) => {
    if (line.trim() === "") return;
    const index = events.length;
    try {
      events.push({ index, line: lineIndex + 1, ok: true, value: JSON.parse(line) as unknown });
    } catch (error) {
      events.push({ index, line: lineIndex + 1, ok: false, reason: `malformed JSON: ${(error as Error).message}` });
    }
  });
  return events;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
