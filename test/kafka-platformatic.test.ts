import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Admin, Consumer, Producer } from "@platformatic/kafka";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { createEventHandler, createPublisher, toRecord, type MessageContext, type ReceivedMessage } from "./fixtures/activity/out/ts/dist/esm/kafka.js";
import { CONSUME_OPTIONS, consume, PRODUCER_OPTIONS, producerOf } from "./fixtures/activity/out/ts/dist/esm/platformatic.js";
import { startBroker, type Broker } from "./support/kafka-broker.js";
import { oneOfEach, waitUntil } from "./support/kafka-events.js";

const TOPICS = Object.values(events.TOPICS);
const TRACE = { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", tracestate: "vendor=1" };

/**
 * The helpers over @platformatic/kafka, a maintained pure-JavaScript client, on a real broker (KRaft) of
 * this file's own: what test/kafka.test.ts checks with kafkajs, with this client's producer and consumer
 * stream through the package's platformatic module, and kafkajs as a second reader of what it wrote.
 */
describe("the Kafka helpers over @platformatic/kafka on a real broker", () => {
  let broker: Broker | undefined;
  let admin: Admin;
  let producer: Producer;
  let failed = false;

  beforeAll(async () => {
    broker = await startBroker();
    admin = new Admin({ clientId: "platformatic-tests", bootstrapBrokers: broker.brokers });
    await admin.createTopics({ topics: [...TOPICS, ...TOPICS.map((topic) => `${topic}.dlq`)], partitions: 3, replicas: 1 });
    producer = new Producer({ clientId: "platformatic-tests", bootstrapBrokers: broker.brokers, ...PRODUCER_OPTIONS });
  }, 240_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    await producer?.close();
    await admin?.close();
    await broker?.stop(failed);
  }, 60_000);

  /**
   * Runs `handle` over `topics` through the module's consume, in a consumer group (a new one unless given),
   * until `done` says so (or 30 s pass); then closes the stream, which ends consume.
   */
  async function consuming(topics: readonly string[], handle: (payload: ReceivedMessage) => Promise<void>, done: () => boolean, groupId = `tests-${randomUUID()}`): Promise<void> {
    const consumer = new Consumer({ groupId, clientId: "platformatic-tests", bootstrapBrokers: (broker as Broker).brokers, maxWaitTime: 100 });
    try {
      const stream = await consumer.consume({ topics: [...topics], ...CONSUME_OPTIONS });
      const running = consume(stream, handle);
      await waitUntil(done, 30_000);
      await stream.close();
      await running;
    } finally {
      await consumer.close(true);
    }
  }

  /** The messages of `topics` with key `key`, read until `done` says so. */
  async function read(topics: readonly string[], key: string, done: (all: readonly ReceivedMessage[]) => boolean): Promise<ReceivedMessage[]> {
    const all: ReceivedMessage[] = [];
    await consuming(topics, async (payload) => {
      if (text(payload.message.key) === key) all.push(payload);
    }, () => done(all));
    return all;
  }

  it("round-trips every event type: published with its trace context, handled typed, and written as kafkajs writes it", async () => {
    const jobId = randomUUID();
    const sent = oneOfEach(jobId);
    await createPublisher(producerOf(producer), { source: "platformatic-test" }).publish(sent, TRACE);
    const seen = new Map<string, { event: events.ContractEvent; context: MessageContext }>();
    const add = (event: events.ContractEvent, context: MessageContext): void => {
      if (event.jobId === jobId) seen.set(event.eventId, { event, context });
    };
    const handler = createEventHandler({ TEXT_JOB_REQUESTED: add, IMAGE_JOB_REQUESTED: add, ACTIVITY_GENERATED: add, JOB_STATUS_CHANGED: add }, { deadLetterProducer: producerOf(producer) });
    await consuming(TOPICS, handler, () => seen.size >= sent.length);
    expect([...seen.values()].map(({ event }) => event).sort(byId)).toEqual([...sent].sort(byId));
    for (const { event, context } of seen.values()) {
      expect(context).toMatchObject({ topic: events.topicOf(event.eventType), key: jobId, ...TRACE, attempt: 1 });
      expect(context.headers).toMatchObject({ ce_source: "platformatic-test", ce_type: event.eventType, ce_id: event.eventId });
      expect(Number(context.timestamp)).toBeGreaterThan(Date.now() - 120_000);
    }
    // kafkajs reads the records this client wrote exactly as toRecord makes them for kafkajs.
    const kafka = new Kafka({ clientId: "platformatic-tests", brokers: (broker as Broker).brokers, logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: `tests-${randomUUID()}`, maxWaitTimeInMs: 100 });
    const records = new Map<string, { topic: string; value: string; headers: Record<string, string> }>();
    await reader.connect();
    try {
      await reader.subscribe({ topics: TOPICS, fromBeginning: true });
      await reader.run({
        eachMessage: async ({ topic, message }) => {
          if (message.key?.toString() !== jobId) return;
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
          records.set(headers["ce_id"] ?? "", { topic, value: String(message.value), headers });
        },
      });
      await waitUntil(() => records.size >= sent.length, 30_000);
    } finally {
      await reader.disconnect();
    }
    for (const event of sent) {
      const expected = toRecord(event, "platformatic-test", TRACE);
      expect(records.get(event.eventId)).toEqual({ topic: expected.topic, value: expected.message.value, headers: expected.message.headers });
    }
  }, 120_000);

  it("dead-letters poison with its reason, every value of a repeated header kept, and consumes on", async () => {
    const jobId = randomUUID();
    const [textJob, imageJob] = oneOfEach(jobId) as [events.TextJobRequested, events.ImageJobRequested];
    const topic = events.TOPICS.TEXT_JOBS;
    const poison: { value: string | Uint8Array | null; reason: string }[] = [
      { value: null, reason: "empty" },
      { value: "", reason: "empty" },
      { value: Uint8Array.from([0xff, 0xfe, 0x7b]), reason: "malformed-json" },
      { value: `${"[".repeat(10_000)}${"]".repeat(10_000)}`, reason: "malformed-json" },
      { value: "not json {", reason: "malformed-json" },
      { value: JSON.stringify({ ...textJob, version: 99 }), reason: "unknown-version" },
      { value: JSON.stringify({ ...textJob, eventType: "TEXT_JOB_EXPLODED" }), reason: "unknown-event-type" },
      { value: JSON.stringify({ ...textJob, payload: { ...textJob.payload, language: "klingon" } }), reason: "invalid" },
      { value: JSON.stringify(imageJob), reason: "wrong-topic" },
    ];
    const headers = { "x-rep": ["1", "2", "3"] };
    await producerOf(producer).send({ topic, messages: [...poison.map(({ value }) => ({ key: jobId, value, headers })), { key: jobId, value: JSON.stringify(textJob) }] });
    const handled: string[] = [];
    const handler = createEventHandler({ TEXT_JOB_REQUESTED: (event) => void handled.push(event.eventId) }, { deadLetterProducer: producerOf(producer) });
    await consuming([topic], handler, () => handled.includes(textJob.eventId));
    expect(handled).toContain(textJob.eventId);
    // Each once: a redelivered poison message is dead-lettered again.
    const once = (all: readonly ReceivedMessage[]): ReceivedMessage[] => [...new Map(all.map((letter) => [`${header(letter, "dlq-partition")}/${header(letter, "dlq-offset")}`, letter])).values()];
    const letters = once(await read([`${topic}.dlq`], jobId, (all) => once(all).length >= poison.length));
    expect(letters.map((letter) => header(letter, "dlq-reason")).sort()).toEqual(poison.map(({ reason }) => reason).sort());
    for (const letter of letters) {
      expect((letter.message.headers?.["x-rep"] as readonly Uint8Array[]).map(text)).toEqual(["1", "2", "3"]);
      expect(header(letter, "dlq-topic")).toBe(topic);
      const original = poison[Number(header(letter, "dlq-offset")) - Math.min(...letters.map((entry) => Number(header(entry, "dlq-offset"))))];
      expect(header(letter, "dlq-reason")).toBe(original?.reason);
      // The value as it came: null stays null, bytes stay the bytes.
      if (original?.value === null) expect(letter.message.value).toBeNull();
      else expect(Buffer.from(letter.message.value ?? "").equals(Buffer.from(original?.value ?? ""))).toBe(true);
    }
  }, 120_000);

  it("dead-letters a message too large for its dead-letter topic cut, and consumes the partition on", async () => {
    const topic = `big-${randomUUID()}`;
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1, configs: [{ name: "max.message.bytes", value: "3000000" }] });
    await admin.createTopics({ topics: [`${topic}.dlq`], partitions: 1, replicas: 1, configs: [{ name: "max.message.bytes", value: "100000" }] });
    // Random text: the letter must be refused for its size whatever a codec would make of it.
    const big = randomBytes(1_125_000).toString("base64");
    await producerOf(producer).send({ topic, messages: [{ key: "big", value: big }, { key: "after", value: "not json {" }] });
    const handler = createEventHandler({}, { deadLetterProducer: producerOf(producer) });
    const keys: string[] = [];
    await consuming([topic], async (payload) => {
      await handler(payload);
      keys.push(text(payload.message.key));
    }, () => keys.length >= 2);
    expect(keys).toEqual(["big", "after"]);
    const [cut] = await read([`${topic}.dlq`], "big", (all) => all.length >= 1);
    expect(cut && { reason: header(cut, "dlq-reason"), truncated: header(cut, "dlq-value-truncated"), size: header(cut, "dlq-value-size"), sha256: header(cut, "dlq-value-sha256"), bytes: (cut.message.value as Uint8Array).byteLength }).toEqual({
      reason: "too-large",
      truncated: "true",
      size: String(big.length),
      sha256: createHash("sha256").update(big).digest("hex"),
      bytes: 1024,
    });
    const [after] = await read([`${topic}.dlq`], "after", (all) => all.length >= 1);
    expect(after && header(after, "dlq-reason")).toBe("malformed-json");
  }, 120_000);

  it("retries a failing handler, then dead-letters its event as handler-failed after the configured attempts", async () => {
    const jobId = randomUUID();
    const flaky = events.createTextJobRequested({ userId: "u1", jobId, payload: { activityType: "quiz", prompt: "flaky", language: "en" } });
    const broken = events.createTextJobRequested({ userId: "u1", jobId, payload: { activityType: "quiz", prompt: "broken", language: "en" } });
    await createPublisher(producerOf(producer), { source: "platformatic-test" }).publish([flaky, broken]);
    const calls = new Map<string, number[]>();
    const handler = createEventHandler(
      {
        TEXT_JOB_REQUESTED: (event, context) => {
          if (event.jobId !== jobId) return;
          calls.set(event.eventId, [...(calls.get(event.eventId) ?? []), context.attempt]);
          if (event.eventId === broken.eventId || context.attempt < 2) throw new Error(`no luck with ${event.payload.prompt}`);
        },
      },
      { deadLetterProducer: producerOf(producer), retry: { attempts: 3, backoffMs: 10 } },
    );
    const [letter] = await (async () => {
      await consuming([events.TOPICS.TEXT_JOBS], handler, () => (calls.get(broken.eventId)?.length ?? 0) >= 3 && (calls.get(flaky.eventId)?.length ?? 0) >= 2);
      return read([`${events.TOPICS.TEXT_JOBS}.dlq`], jobId, (all) => all.length >= 1);
    })();
    expect(calls.get(flaky.eventId)).toEqual([1, 2]);
    expect(calls.get(broken.eventId)).toEqual([1, 2, 3]);
    expect(letter && header(letter, "dlq-reason")).toBe("handler-failed");
    expect(letter && JSON.parse(header(letter, "dlq-errors"))).toEqual([{ pointer: "", keyword: "handler", message: "failed 3 times, last: no luck with broken" }]);
    expect(letter && header(letter, "ce_id")).toBe(broken.eventId);
  }, 120_000);

  it("commits only what was handled, where the client's own autocommit skips what was fetched but not handled", async () => {
    const topic = `commits-${randomUUID()}`;
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });
    /**
     * Handles messages of `topic` in `groupId`; at the `stopAt`th the handler throws, as a service that dies
     * would, so that what was fetched beside it is not handled. Says which values were handled.
     */
    const session = async (groupId: string, stopAt: number, autocommit: boolean): Promise<number[]> => {
      const consumer = new Consumer({ groupId, clientId: "platformatic-tests", bootstrapBrokers: (broker as Broker).brokers, maxWaitTime: 100 });
      const values: number[] = [];
      try {
        const stream = await consumer.consume({ topics: [topic], ...CONSUME_OPTIONS, autocommit });
        const failure = await consume(stream, async (payload) => {
          values.push(Number(text(payload.message.value)));
          if (values.length === stopAt) throw new Error("stop");
        }).catch((error: unknown) => error);
        expect((failure as Error).message).toBe("stop");
      } finally {
        await consumer.close(true);
      }
      return values;
    };
    const send = (from: number) => producerOf(producer).send({ topic, messages: Array.from({ length: 50 }, (_, index) => ({ key: "k", value: String(from + index) })) });
    await send(0);
    const ours = `tests-${randomUUID()}`;
    const theirs = `tests-${randomUUID()}`;
    expect(await session(ours, 10, false)).toEqual([...Array(10).keys()]);
    expect(await session(theirs, 10, true)).toEqual([...Array(10).keys()]);
    await send(50);
    // The 10th threw, so it was not handled: with consume's commits it comes first in the next session.
    expect(await session(ours, 1, false)).toEqual([9]);
    // With the client's autocommit, the 40 fetched with it were committed unhandled: the next session skips them.
    expect(await session(theirs, 1, true)).toEqual([50]);
  }, 120_000);
});

function text(value: Uint8Array | string | null | undefined): string {
  return value === null || value === undefined ? "" : Buffer.from(value).toString("utf8");
}

function header(letter: ReceivedMessage, name: string): string {
  const value = letter.message.headers?.[name];
  return typeof value === "string" || value instanceof Uint8Array ? text(value) : text(value?.[0]);
}

function byId(a: events.ContractEvent, b: events.ContractEvent): number {
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
