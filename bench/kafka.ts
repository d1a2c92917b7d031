import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EachBatchPayload, type EachMessagePayload, Kafka, logLevel, type Producer } from "kafkajs";
import * as events from "../test/fixtures/activity/out/ts/dist/esm/index.js";
import { Consumer as PlatformaticConsumer } from "@platformatic/kafka";
import { createBatchHandler, createEventHandler, createPublisher, toRecord } from "../test/fixtures/activity/out/ts/dist/esm/kafka.js";
import { CONSUME_OPTIONS, consume } from "../test/fixtures/activity/out/ts/dist/esm/platformatic.js";
import { type Broker, startBroker } from "../test/support/kafka-broker.js";
import { measure, median } from "./harness.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface KafkaFigures {
  readonly rawMs: number;
  readonly publishMs: number;
  readonly events: number;
  readonly batch: number;
  readonly decodeNs: number;
  readonly parseNs: number;
  readonly consumers: readonly ConsumerFigure[];
}

/** One consumer against its client's raw consume + JSON parse of the same records: medians, first to last record. */
export interface ConsumerFigure {
  readonly name: string;
  /** The lowest acceptable rate, as a fraction of the raw consumer's. */
  readonly target: number;
  readonly rawMs?: number;
  readonly helperMs?: number;
  readonly skipped?: string;
}

/**
 * Publishing through `publish` (validation, record mapping, grouping) against raw kafkajs sends of the same
 * pre-built messages, same batch sizes, on a local broker; then the consumer's decode + dispatch per message
 * against JSON.parse alone.
 */
export async function kafkaFigures(total = 20_000, batch = 100, rounds = 3): Promise<KafkaFigures> {
  const broker = await startBroker();
  const kafka = new Kafka({ clientId: "bench", brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  try {
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: events.TOPICS.TEXT_JOBS, numPartitions: 3 }] });
    await producer.connect();
    const all = Array.from({ length: total }, (_, index) =>
      events.createTextJobRequested({ userId: "bench", payload: { activityType: "quiz", prompt: `Question set ${index}`, language: "en", tags: ["bench"] } }),
    );
    const batches: events.ContractEvent[][] = [];
    for (let start = 0; start < all.length; start += batch) batches.push(all.slice(start, start + batch));
    const prebuilt = batches.map((events) => events.map((event) => toRecord(event, "bench").message));
    const publisher = createPublisher(producer, { source: "bench" });
    const raw: number[] = [];
    const published: number[] = [];
    // Warm-up, then interleaved rounds so that both see the same broker state.
    await producer.send({ topic: events.TOPICS.TEXT_JOBS, messages: prebuilt[0] ?? [] });
    await publisher.publish(batches[0] ?? []);
    for (let round = 0; round < rounds; round++) {
      let start = performance.now();
      for (const messages of prebuilt) await producer.send({ topic: events.TOPICS.TEXT_JOBS, messages });
      raw.push(performance.now() - start);
      start = performance.now();
      for (const group of batches) await publisher.publish(group);
      published.push(performance.now() - start);
    }
    const message = Buffer.from(JSON.stringify(all[0]));
    const handler = createEventHandler({ TEXT_JOB_REQUESTED: () => undefined }, { deadLetterProducer: producer });
    const payload = { topic: events.TOPICS.TEXT_JOBS, partition: 0, message: { key: null, value: message, offset: "0" } };
    const [parse, decode] = await measureAsync([() => JSON.parse(message.toString("utf8")), () => handler(payload)]);
    const consumers = await consumerFigures(kafka, producer, broker, total, rounds);
    return { rawMs: median(raw), publishMs: median(published), events: total, batch, decodeNs: decode ?? 0, parseNs: parse ?? 0, consumers };
  } finally {
    await producer.disconnect();
    await admin.disconnect();
    await broker.stop(false);
  }
}

/** The handler is async but does its work synchronously when no dead letter is sent; measure it as is. */
async function measureAsync(cases: readonly (() => unknown)[]): Promise<number[]> {
  const results = measure(cases.map((run, index) => ({ name: String(index), run })));
  await Promise.resolve();
  return results.map((result) => result.nsPerOp);
}

/**
 * Each language's consumer on the first `count` records of the text-jobs topic, raw and through the package,
 * each run in a consumer group of its own (so both read the same records from the start), interleaved
 * rounds. The figure is the time from the first record to the last: joining the group is left out, as it
 * is the client's and varies by seconds.
 */
async function consumerFigures(kafka: Kafka, producer: Producer, broker: Broker, count: number, rounds: number): Promise<ConsumerFigure[]> {
  // The handler's work beyond the raw consumer's is decoding (validation, typed values) and its context, so
  // each target follows from the decode targets of the bindings: TypeScript's decode costs about what
  // JSON.parse does, Go's Decode at most 1.5x encoding/json into the struct (less than into a map, the raw
  // consumer's parse), Python's decode at most 6x json.loads, in a raw loop where librdkafka's poll costs
  // about as much as json.loads.
  const targets: Record<string, number> = {
    "TypeScript, kafkajs eachMessage": 0.6,
    "TypeScript, kafkajs eachBatch": 0.6,
    "TypeScript, @platformatic/kafka": 0.6,
    "Go, franz-go": 0.8,
    "Python, confluent-kafka": 0.25,
  };
  const runs = new Map<string, { raw: number[]; helper: number[]; skipped?: string }>();
  const record = (name: string, mode: "raw" | "helper", result: number | string): void => {
    const entry = runs.get(name) ?? { raw: [], helper: [] };
    if (typeof result === "string") entry.skipped ??= result;
    else entry[mode].push(result);
    runs.set(name, entry);
  };
  const go = buildGoConsumer();
  const python = path.join(ROOT, ".venv/bin/python");
  try {
    for (let round = 0; round < rounds; round++) {
      for (const mode of ["raw", "helper"] as const) {
        record("TypeScript, kafkajs eachMessage", mode, await kafkajsRun(kafka, producer, count, mode, "message"));
        record("TypeScript, kafkajs eachBatch", mode, await kafkajsRun(kafka, producer, count, mode, "batch"));
        record("TypeScript, @platformatic/kafka", mode, await platformaticRun(broker, producer, count, mode));
        record("Go, franz-go", mode, typeof go === "string" ? go : external(go.binary, ["-brokers", broker.brokers.join(","), "-topic", events.TOPICS.TEXT_JOBS, "-n", String(count), "-mode", mode]));
        const pythonRun = existsSync(python) ? external(python, [path.join(ROOT, "bench/consume_rate.py"), broker.brokers.join(","), events.TOPICS.TEXT_JOBS, String(count), mode]) : "no .venv yet: run `npm test` once to create it";
        record("Python, confluent-kafka", mode, pythonRun);
      }
    }
  } finally {
    if (typeof go !== "string") rmSync(go.directory, { recursive: true, force: true });
  }
  return [...runs].map(([name, entry]) => {
    const target = targets[name] ?? 1;
    return entry.skipped !== undefined ? { name, target, skipped: entry.skipped } : { name, target, rawMs: median(entry.raw), helperMs: median(entry.helper) };
  });
}

async function kafkajsRun(kafka: Kafka, producer: Producer, count: number, mode: "raw" | "helper", shape: "message" | "batch"): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-ts-${shape}-${mode}-${randomUUID()}` });
  const clock = stopwatch(count);
  const { arrived } = clock;
  const parse = (value: Buffer | null): void => {
    JSON.parse(value?.toString("utf8") ?? "null");
    arrived();
  };
  const handlers = { TEXT_JOB_REQUESTED: arrived };
  const rawMessage = async ({ message }: EachMessagePayload): Promise<void> => parse(message.value);
  const rawBatch = async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> => {
    for (const message of batch.messages) {
      parse(message.value);
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  };
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: events.TOPICS.TEXT_JOBS, fromBeginning: true });
    if (shape === "message") await consumer.run({ eachMessage: mode === "raw" ? rawMessage : createEventHandler(handlers, { deadLetterProducer: producer }) });
    else await consumer.run({ eachBatchAutoResolve: false, eachBatch: mode === "raw" ? rawBatch : createBatchHandler(handlers, { deadLetterProducer: producer }) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`kafkajs consumed ${clock.seen()} of ${count} records in 120 s`)), 120_000);
    });
    await Promise.race([clock.done, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return clock.elapsedMs();
}

/**
 * @platformatic/kafka's consumer stream: raw, read with the client's autocommit and JSON.parse; through the
 * package, the platformatic module's consume (which commits what was handled) and the event handler.
 */
async function platformaticRun(broker: Broker, producer: Producer, count: number, mode: "raw" | "helper"): Promise<number> {
  const consumer = new PlatformaticConsumer({ groupId: `bench-platformatic-${mode}-${randomUUID()}`, clientId: "bench", bootstrapBrokers: broker.brokers });
  const clock = stopwatch(count);
  const { arrived } = clock;
  try {
    const stream = await consumer.consume({ topics: [events.TOPICS.TEXT_JOBS], ...CONSUME_OPTIONS, autocommit: mode === "raw" });
    if (mode === "raw") {
      for await (const message of stream) {
        JSON.parse((message.value as Buffer).toString("utf8"));
        arrived();
        if (clock.seen() >= count) break;
      }
    } else {
      const consuming = consume(stream, createEventHandler({ TEXT_JOB_REQUESTED: arrived }, { deadLetterProducer: producer }));
      await Promise.race([clock.done, consuming]);
      await stream.close();
      await consuming;
    }
  } finally {
    await consumer.close(true);
  }
  return clock.elapsedMs();
}

/**
 * Times `count` arrivals from the first to the last: `arrived` is called for each record, `done` resolves at
 * the last.
 */
function stopwatch(count: number): { arrived(): void; seen(): number; elapsedMs(): number; done: Promise<void> } {
  let seen = 0;
  let start = 0;
  let elapsed = 0;
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    arrived() {
      if (seen === 0) start = performance.now();
      if (++seen === count) {
        elapsed = performance.now() - start;
        finish();
      }
    },
    seen: () => seen,
    elapsedMs: () => elapsed,
    done,
  };
}

/** The Go consumer, built once (test/go/cmd/consume-rate), or why it cannot be. */
function buildGoConsumer(): { directory: string; binary: string } | string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "consume-rate-"));
  const binary = path.join(directory, "consume-rate");
  const build = spawnSync("go", ["build", "-o", binary, "./cmd/consume-rate"], { cwd: path.join(ROOT, "test/go"), encoding: "utf8" });
  if (build.status === 0) return { directory, binary };
  rmSync(directory, { recursive: true, force: true });
  return `go build failed: ${build.stderr.trim().split("\n").at(-1) ?? ""}`;
}

/** Runs a consumer program that prints {"ms": …}; its milliseconds, or why it failed. */
function external(command: string, args: readonly string[]): number | string {
  const run = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
  if (run.status !== 0) return `${path.basename(command)} failed: ${(run.stderr || String(run.error)).trim().split("\n").at(-1) ?? ""}`;
  return (JSON.parse(run.stdout) as { ms: number }).ms;
}
