import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { createEventHandler, createPublisher, type MessageContext } from "./fixtures/activity/out/ts/dist/esm/kafka.js";
import { startBroker, type Broker } from "./support/kafka-broker.js";
import { waitUntil } from "./support/kafka-events.js";
import { ROOT } from "./support/paths.js";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TOPICS = Object.values(events.TOPICS);

/** One event of each type, from the first valid shared vector of each, with the given job. */
function oneOfEach(jobId: string): events.ContractEvent[] {
  const { vectors } = JSON.parse(readFileSync(path.join(ROOT, "test/fixtures/activity/out/vectors/vectors.json"), "utf8")) as { vectors: { eventType: string; valid: boolean; event: Record<string, unknown> }[] };
  const first = new Map<string, Record<string, unknown>>();
  for (const vector of vectors) if (vector.valid && !first.has(vector.eventType)) first.set(vector.eventType, vector.event);
  return [...first.values()].map((event) => {
    const decoded = events.decodeEvent({ ...event, jobId, eventId: randomUUID() });
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    return decoded.value;
  });
}

/**
 * The Go (franz) and Python (confluent) Kafka helpers on one real broker, and events crossing between the
 * three languages: this file starts the broker and makes the topics, then runs the Go tests (`go test -tags
 * kafka`, test/go/kafka) and the Python ones (test/python/broker_checks.py) against it, each told the jobs the
 * others published.
 */
describe("the Go and Python Kafka helpers on a real broker, and events across languages", () => {
  let broker: Broker | undefined;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let failed = false;
  const consumers: Consumer[] = [];
  const jobs = { typescript: randomUUID(), go: randomUUID(), python: randomUUID() };
  let environment: NodeJS.ProcessEnv;

  beforeAll(async () => {
    broker = await startBroker();
    kafka = new Kafka({ clientId: "event-contracts-languages", brokers: broker.brokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    // Each language's big topic takes 40 MB records, and its dead-letter topic only 100 kB.
    const big = ["go-big", "py-big"].flatMap((topic) => [
      { topic, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "40000000" }] },
      { topic: `${topic}.dlq`, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "100000" }] },
    ]);
    await admin.createTopics({ waitForLeaders: true, topics: [...[...TOPICS, ...TOPICS.map((topic) => `${topic}.dlq`)].map((topic) => ({ topic, numPartitions: 3 })), ...big] });
    producer = kafka.producer();
    await producer.connect();
    environment = {
      ...process.env,
      KAFKA_BROKERS: broker.brokers.join(","),
      KAFKA_GO_BIG_TOPIC: "go-big",
      KAFKA_PY_BIG_TOPIC: "py-big",
      KAFKA_GO_JOB: jobs.go,
      KAFKA_PY_JOB: jobs.python,
      PYTHONDONTWRITEBYTECODE: "1",
    };
  }, 240_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect();
    await producer?.disconnect();
    await admin?.disconnect();
    await broker?.stop(failed);
  }, 60_000);

  function run(command: string, args: readonly string[], cwd: string, extra: NodeJS.ProcessEnv): { status: number | null; output: string } {
    const result = spawnSync(command, args, { cwd, env: { ...environment, ...extra }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  const python = (extra: NodeJS.ProcessEnv, ...args: string[]) => run(path.join(ROOT, ".venv/bin/python"), ["-m", "pytest", "-p", "no:cacheprovider", "test/python/broker_checks.py", ...args], ROOT, extra);

  it("TypeScript and Python publish one event of each type for the other languages", async () => {
    await createPublisher(producer, { source: "typescript-service" }).publish(oneOfEach(jobs.typescript), { traceparent: TRACEPARENT });
    const published = python({}, "-q", "-k", "publishes_for_the_other_languages");
    expect(published.status, published.output).toBe(0);
  }, 120_000);

  it("passes the Go tests: round trip, poison, a dead-letter topic that refuses, retries, and the TypeScript and Python events", () => {
    const vet = run("go", ["vet", "-tags", "kafka", "./kafka/"], path.join(ROOT, "test/go"), {});
    expect(vet.status, vet.output).toBe(0);
    const result = run("go", ["test", "-tags", "kafka", "-count=1", "-v", "./kafka/"], path.join(ROOT, "test/go"), { KAFKA_PEER_JOBS: `${jobs.typescript},${jobs.python}` });
    expect(result.status, result.output).toBe(0);
    // Every test ran and passed: none was skipped or left out.
    expect(result.output.match(/^--- PASS: /gm)).toHaveLength(7);
  }, 600_000);

  it("passes the Python tests: round trip, poison, a dead-letter topic that refuses, retries, and the TypeScript and Go events", () => {
    const result = python({ KAFKA_PEER_JOBS: `${jobs.typescript},${jobs.go}` }, "-v");
    expect(result.status, result.output).toBe(0);
    expect(result.output.match(/ PASSED/g)).toHaveLength(7);
  }, 600_000);

  it("the TypeScript handler consumes the events the Go and Python packages published, typed, with their trace context", async () => {
    const seen: { event: events.ContractEvent; context: MessageContext }[] = [];
    const consumer = kafka.consumer({ groupId: `languages-${randomUUID()}`, maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: TOPICS, fromBeginning: true });
    const add = (event: events.ContractEvent, context: MessageContext): void => {
      if (event.jobId === jobs.go || event.jobId === jobs.python) seen.push({ event, context });
    };
    const handler = createEventHandler({ ACTIVITY_GENERATED: add, IMAGE_JOB_REQUESTED: add, JOB_STATUS_CHANGED: add, TEXT_JOB_REQUESTED: add }, { deadLetterProducer: producer });
    await consumer.run({ eachMessage: handler });
    // Python publishes twice (its own run repeats the publishing test): wait for every type of each job.
    const complete = (): boolean => [jobs.go, jobs.python].every((job) => new Set(seen.filter(({ event }) => event.jobId === job).map(({ event }) => event.eventType)).size === Object.values(events.EVENT_TYPES).length);
    await waitUntil(complete, 60_000);
    await consumer.stop();
    for (const [job, source] of [[jobs.go, "go-service"], [jobs.python, "python-service"]] as const) {
      const mine = seen.filter(({ event }) => event.jobId === job);
      expect(new Set(mine.map(({ event }) => event.eventType))).toEqual(new Set(Object.values(events.EVENT_TYPES)));
      for (const { event, context } of mine) {
        expect(events.validateEvent(event).ok).toBe(true);
        expect(context.traceparent).toBe(TRACEPARENT);
        expect(context.headers["ce_source"]).toBe(source);
        expect(context.key).toBe(job);
      }
    }
  }, 120_000);
});
