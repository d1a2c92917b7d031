import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEventHandler, type HeaderValue, type ProducerLike, type ReceivedMessage } from "./fixtures/activity/out/ts/dist/esm/kafka.js";
import { buildModel } from "../generators/ir/build.js";
import { loadSchemas } from "../generators/schema/load.js";
import { buildCorpus } from "./support/corpus.js";
import { seededRandom } from "./support/event-generator.js";
import { ROOT } from "./support/paths.js";

const FIXTURE = path.join(ROOT, "test/fixtures/activity");
const TOPICS = ["text-jobs", "image-jobs", "activity-results", "job-status"];

/** A received record as the three harnesses read it: key, value and header values in base64. */
interface WireRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: [string, string][];
  timestamp: number | null;
}

interface Outcome {
  offset: number;
  outcome: string;
  eventType?: string;
  attempt?: number;
  key?: string | null;
  traceparent?: string;
  tracestate?: string;
  timestamp?: number | null;
  headers?: number;
  deadLetter?: { topic: string; key: string | null; value: string | null; headers: [string, string][] };
}

const b64 = (data: Uint8Array | string): string => Buffer.from(data).toString("base64");

/**
 * The corpus: every shared vector and 1,600 generated and mutated documents on their own topic (one in
 * seven on another), and the poison the issue lists, with keys that make handlers fail, headers sent several
 * times, a replayed dead letter's dlq- headers, trace context, and records with and without a time.
 */
async function corpus(): Promise<WireRecord[]> {
  const model = buildModel(await loadSchemas(path.join(FIXTURE, "schemas")));
  const random = seededRandom(20261203);
  const documents: Uint8Array[] = model.events.flatMap((contract, index) => buildCorpus(model, contract, 400, 4241 * (index + 1)).map((entry) => entry.bytes));
  const topicOf = new Map(model.events.map((event) => [event.eventType, event.kafka.topic]));
  const valid = (eventType: string): Record<string, unknown> => ({
    eventType,
    version: 1,
    eventId: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
    jobId: "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b",
    userId: "user_42",
    timestamp: "2026-11-27T09:30:42.118Z",
    payload: { activityType: "quiz", prompt: "Volcanoes", language: "en" },
  });
  const text = JSON.stringify(valid("TEXT_JOB_REQUESTED"));
  const nested = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const manyKeys = `{${Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(",")}}`;
  const poison: { topic: string; key: string | null; value: Uint8Array | null; headers?: [string, string][] }[] = [
    { topic: "text-jobs", key: "empty", value: new Uint8Array() },
    { topic: "text-jobs", key: null, value: null },
    { topic: "text-jobs", key: "utf8", value: Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { topic: "text-jobs", key: "bom", value: Buffer.from(`\ufeff${text}`) },
    { topic: "text-jobs", key: "deep", value: Buffer.from(nested(100)) },
    { topic: "text-jobs", key: "deep-object", value: Buffer.from(`${'{"a":'.repeat(70)}1${"}".repeat(70)}`) },
    { topic: "text-jobs", key: "many-keys", value: Buffer.from(manyKeys) },
    { topic: "text-jobs", key: "too-large", value: Buffer.from(JSON.stringify({ ...valid("TEXT_JOB_REQUESTED"), pad: "x".repeat(70_000) })) },
    { topic: "text-jobs", key: "cut", value: Buffer.from(JSON.stringify({ ...valid("TEXT_JOB_REQUESTED"), payload: { activityType: "quiz", prompt: "p".repeat(9000), language: "en" } })) },
    { topic: "text-jobs", key: "version", value: Buffer.from(JSON.stringify({ ...valid("TEXT_JOB_REQUESTED"), version: 99 })) },
    { topic: "text-jobs", key: "type", value: Buffer.from(JSON.stringify(valid("TEXT_JOB_CANCELLED"))) },
    { topic: "image-jobs", key: "wrong-topic", value: Buffer.from(text) },
    { topic: "text-jobs", key: "fail", value: Buffer.from(text) },
    { topic: "text-jobs", key: "flaky", value: Buffer.from(text) },
    { topic: "text-jobs", key: "panic", value: Buffer.from(text) },
    { topic: "text-jobs", key: "repeated", value: Buffer.from("nope"), headers: [["x-rep", "1"], ["x-rep", "2"], ["x-rep", "3"]] },
    { topic: "text-jobs", key: "replayed", value: Buffer.from("nope"), headers: [["dlq-reason", "invalid"], ["dlq-offset", "7"], ["x-a", "a"]] },
    { topic: "text-jobs", key: "traced", value: Buffer.from(text), headers: [["traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"], ["tracestate", "congo=t61rcWkgMzE"]] },
    { topic: "text-jobs", key: "odd-headers", value: Buffer.from("{}"), headers: [["é\u2028<&>", "\u0000\u001f\"\\"]] },
  ];
  const records: WireRecord[] = [];
  const push = (topic: string, key: string | null, value: Uint8Array | null, headers: [string, string][] = []): void => {
    const offset = records.length;
    records.push({
      topic,
      partition: offset % 3,
      offset,
      key: key === null ? null : b64(key),
      value: value === null ? null : b64(value),
      headers: headers.map(([name, header]) => [name, b64(header)]),
      timestamp: offset % 5 === 0 ? null : 1_764_000_000_000 + offset,
    });
  };
  for (const entry of poison) push(entry.topic, entry.key, entry.value, entry.headers);
  const vectors = (await import(path.join(FIXTURE, "out/vectors/vectors.json"), { with: { type: "json" } })) as { default: { vectors: { eventType: string; event: unknown }[] } };
  for (const vector of vectors.default.vectors) push(topicOf.get(vector.eventType) ?? "text-jobs", `vector-${records.length}`, Buffer.from(JSON.stringify(vector.event)));
  for (const bytes of documents) {
    const decoded = (() => {
      try {
        return JSON.parse(Buffer.from(bytes).toString()) as { eventType?: unknown };
      } catch {
        return undefined;
      }
    })();
    const own = typeof decoded?.eventType === "string" ? topicOf.get(decoded.eventType) : undefined;
    const topic = own === undefined || random() < 1 / 7 ? TOPICS[Math.floor(random() * TOPICS.length)] ?? "text-jobs" : own;
    push(topic, random() < 0.02 ? "fail" : `doc-${records.length}`, bytes, random() < 0.1 ? [["x-rep", "1"], ["x-other", "o"], ["x-rep", "2"]] : []);
  }
  return records;
}

/** The TypeScript handler on the same records, with the harnesses' handlers and options. */
async function typescriptOutcomes(records: readonly WireRecord[]): Promise<Outcome[]> {
  let current: Outcome = { offset: 0, outcome: "none" };
  const text = (value: unknown): string => b64(typeof value === "string" ? value : (value as Uint8Array));
  const producer: ProducerLike = {
    async send({ topic, messages }) {
      const [message] = messages;
      if (message === undefined) throw new Error("no message");
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(message.headers ?? {})) {
        for (const one of Array.isArray(value) ? value : [value]) headers.push([name, text(one)]);
      }
      current = { ...current, outcome: "dead-letter", deadLetter: { topic, key: message.key === null || message.key === undefined ? null : text(message.key), value: message.value === null ? null : text(message.value), headers } };
    },
    async sendBatch() {
      throw new Error("not used");
    },
  };
  const handled = (eventType: string, context: Parameters<NonNullable<Parameters<typeof createEventHandler>[0]["TEXT_JOB_REQUESTED"]>>[1]): void => {
    if (context.key === "fail") throw new Error('boom <&> \u2028 "quoted"');
    if (context.key === "flaky" && context.attempt === 1) throw new Error("flaky");
    if (context.key === "panic") throw new Error("panic: handler panicked");
    const count = Object.values(context.headers).reduce((sum, value) => sum + (typeof value === "string" ? 1 : value.length), 0);
    current = { ...current, outcome: "handled", eventType, attempt: context.attempt, key: context.key === undefined ? null : b64(context.key), traceparent: context.traceparent ?? "", tracestate: context.tracestate ?? "", headers: count, timestamp: context.timestamp === undefined ? null : Number(context.timestamp) };
  };
  const handle = createEventHandler(
    {
      ACTIVITY_GENERATED: (event, context) => handled(event.eventType, context),
      IMAGE_JOB_REQUESTED: (event, context) => handled(event.eventType, context),
      TEXT_JOB_REQUESTED: (event, context) => handled(event.eventType, context),
    },
    {
      deadLetterProducer: producer,
      retry: { attempts: 3, backoffMs: 1 },
      deadLetterMaxBytes: 4096,
      maxValueBytes: 64 * 1024,
      onUnhandled: (_event, context) => {
        current = { ...current, outcome: "unhandled", attempt: context.attempt };
      },
    },
  );
  const outcomes: Outcome[] = [];
  for (const record of records) {
    current = { offset: record.offset, outcome: "none" };
    // kafkajs's header model: one entry per name, a list when the name came several times.
    const headers: Record<string, HeaderValue> = {};
    for (const [name, value] of record.headers) {
      const bytes = Buffer.from(value, "base64");
      const previous = headers[name];
      headers[name] = previous === undefined ? bytes : [...(Array.isArray(previous) ? previous : [previous as Uint8Array]), bytes];
    }
    const payload: ReceivedMessage = {
      topic: record.topic,
      partition: record.partition,
      message: {
        key: record.key === null ? null : Buffer.from(record.key, "base64"),
        value: record.value === null ? null : Buffer.from(record.value, "base64"),
        headers,
        offset: String(record.offset),
        ...(record.timestamp === null ? {} : { timestamp: String(record.timestamp) }),
      },
    };
    await handle(payload);
    outcomes.push(current);
  }
  return outcomes;
}

function lines(command: string, args: readonly string[], cwd: string): Outcome[] {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Outcome);
}

/** An outcome without its empty fields (each harness leaves out or writes empty what did not happen), keys sorted. */
function normal(outcome: Outcome): string {
  return JSON.stringify(Object.fromEntries(Object.entries(outcome).filter(([, value]) => value !== null && value !== undefined && value !== "" && value !== 0).sort(([a], [b]) => a.localeCompare(b))));
}

/** Headers compared as kafkajs can carry them: grouped by name, each name's values in order. */
function grouped(outcome: Outcome): Outcome {
  if (outcome.deadLetter === undefined) return outcome;
  const names: string[] = [];
  const byName = new Map<string, string[]>();
  for (const [name, value] of outcome.deadLetter.headers) {
    if (!byName.has(name)) names.push(name);
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  const headers = [...names].sort().flatMap((name) => (byName.get(name) ?? []).map((value): [string, string] => [name, value]));
  return { ...outcome, deadLetter: { ...outcome.deadLetter, headers } };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-kafka-parity-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the event handlers of the three packages", () => {
  it("handle and dead-letter the same records alike: same outcome, reason, errors, headers and bytes", async () => {
    const records = await corpus();
    const file = path.join(scratch, "records.json");
    writeFileSync(file, JSON.stringify({ records }));
    const typescript = await typescriptOutcomes(records);
    const go = lines("go", ["run", "./cmd/dead-letters", file], path.join(ROOT, "test/go"));
    const python = lines(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "test/python/dead_letters.py"), file], ROOT);
    expect(go).toHaveLength(records.length);
    expect(python).toHaveLength(records.length);

    // Go and Python keep headers in the order they came: they must agree exactly.
    const goPython = go.flatMap((outcome, index) => (normal(outcome) === normal(python[index] as Outcome) ? [] : [{ go: outcome, python: python[index] }]));
    expect(goPython.slice(0, 3)).toEqual([]);
    // TypeScript (kafkajs) groups a header's values by name: compare grouped.
    const tsGo = typescript.flatMap((outcome, index) => {
      const [a, b] = [grouped(outcome), grouped(go[index] as Outcome)];
      return normal(a) === normal(b) ? [] : [{ typescript: a, go: b }];
    });
    expect(tsGo.slice(0, 3)).toEqual([]);

    // The corpus exercises every outcome and every reason.
    const reasons = new Map<string, number>();
    for (const outcome of go) {
      const reason = outcome.deadLetter === undefined ? outcome.outcome : Buffer.from(outcome.deadLetter.headers.find(([name]) => name === "dlq-reason")?.[1] ?? "", "base64").toString();
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log(`${records.length} records: ${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(", ")}`);
    for (const reason of ["handled", "unhandled", "empty", "too-large", "malformed-json", "unknown-event-type", "unknown-version", "invalid", "wrong-topic", "handler-failed"]) {
      expect(reasons.get(reason) ?? 0, reason).toBeGreaterThan(0);
    }
  }, 300_000);
});
