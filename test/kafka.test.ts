import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { Kafka, logLevel, type Admin, type Consumer, type EachMessagePayload, type Producer } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { BatchValidationError, createBatchHandler, createEventHandler, createPublisher, toRecord, type MessageContext } from "./fixtures/activity/out/ts/dist/esm/kafka.js";
import { startBroker, type Broker } from "./support/kafka-broker.js";
import { oneOfEach, waitUntil } from "./support/kafka-events.js";
import { ROOT } from "./support/paths.js";

const TOPICS = Object.values(events.TOPICS);

interface Received {
  readonly raw: EachMessagePayload;
  readonly event?: events.ContractEvent;
  readonly context?: MessageContext;
}

/**
 * The Kafka helpers against a real Apache Kafka broker (KRaft), started for this file on 127.0.0.1 with
 * free ports; its log is kept when a test fails.
 */
describe("the Kafka helpers on a real broker", () => {
  let broker: Broker | undefined;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let failed = false;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    // A cluster id that starts with "-", as one random id in 64 does: the broker must start with it too.
    broker = await startBroker({ clusterId: "-b1Xq7kVbQeWm3cF9dZ2pA" });
    kafka = new Kafka({ clientId: "event-contracts-tests", brokers: broker.brokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [...TOPICS, ...TOPICS.map((topic) => `${topic}.dlq`)].map((topic) => ({ topic, numPartitions: 3 })) });
    producer = kafka.producer();
    await producer.connect();
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

  /** Consumes `topics` from the beginning until `done` says so (or 30 s pass), through the given handler. */
  async function consume(topics: readonly string[], done: (received: readonly Received[]) => boolean, handle?: (payload: EachMessagePayload, received: Received[]) => Promise<void>): Promise<Received[]> {
    const received: Received[] = [];
    const consumer = kafka.consumer({ groupId: `tests-${randomUUID()}`, maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async (payload) => {
        if (handle === undefined) received.push({ raw: payload });
        else await handle(payload, received);
      },
    });
    await waitUntil(() => done(received), 30_000);
    await consumer.stop();
    return received;
  }

  /** An eachMessage function made by createEventHandler, recording what it handles. */
  function typedHandler(received: Received[], raw: EachMessagePayload): (payload: EachMessagePayload) => Promise<void> {
    const record = (event: events.ContractEvent, context: MessageContext): void => {
      received.push({ raw, event, context });
    };
    return createEventHandler(
      { TEXT_JOB_REQUESTED: record, IMAGE_JOB_REQUESTED: record, ACTIVITY_GENERATED: record, JOB_STATUS_CHANGED: record },
      { deadLetterProducer: producer, maxValueBytes: 4096 },
    );
  }

  /**
   * The events of a job, each once: delivery is at-least-once (a rebalance on a busy machine can deliver a
   * message again), and consumers drop duplicates by eventId, as these tests do.
   */
  function distinct(received: readonly Received[], jobId: string): Received[] {
    const seen = new Set<string>();
    return received.filter((entry) => {
      if (entry.event?.jobId !== jobId || seen.has(entry.event.eventId)) return false;
      seen.add(entry.event.eventId);
      return true;
    });
  }

  it("round-trips every event type with its topic, key, CloudEvents headers and typed value", async () => {
    const jobId = randomUUID();
    const sent = oneOfEach(jobId);
    await createPublisher(producer, { source: "integration-test" }).publish(sent);
    const received = await consume(TOPICS, (all) => distinct(all, jobId).length >= 4, async (payload, all) => typedHandler(all, payload)(payload));
    const mine = distinct(received, jobId);
    expect(mine.map((entry) => entry.event?.eventType).sort()).toEqual(sent.map((event) => event.eventType).sort());
    for (const entry of mine) {
      const event = entry.event as events.ContractEvent;
      const original = sent.find((candidate) => candidate.eventId === event.eventId);
      expect(event).toEqual(original);
      expect(entry.raw.topic).toBe(events.topicOf(event.eventType));
      expect(entry.raw.message.key?.toString()).toBe(jobId);
      const headers = Object.fromEntries(Object.entries(entry.raw.message.headers ?? {}).map(([name, value]) => [name, String(value)]));
      expect(headers).toMatchObject({ ce_specversion: "1.0", ce_id: event.eventId, ce_type: event.eventType, ce_source: "integration-test", ce_time: event.timestamp, ce_subject: jobId, "content-type": "application/json" });
      expect(entry.context).toMatchObject({ topic: entry.raw.topic, partition: entry.raw.partition, offset: entry.raw.message.offset });
    }
  });

  it("refuses a batch with an invalid event: nothing is sent, the end offsets do not move", async () => {
    const before = await Promise.all(TOPICS.map((topic) => admin.fetchTopicOffsets(topic)));
    const [valid] = oneOfEach(randomUUID());
    const invalid = { ...valid, userId: "" } as events.ContractEvent;
    const publisher = createPublisher(producer, { source: "integration-test" });
    const failure = await publisher.publish([valid as events.ContractEvent, invalid]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BatchValidationError);
    expect(failure).toBeInstanceOf(events.ContractValidationError);
    expect((failure as BatchValidationError).failures).toEqual([expect.objectContaining({ index: 1, eventType: "TEXT_JOB_REQUESTED" })]);
    expect((failure as BatchValidationError).errors[0]?.pointer).toBe("/1/userId");
    const after = await Promise.all(TOPICS.map((topic) => admin.fetchTopicOffsets(topic)));
    expect(after).toEqual(before);
  });

  it("dead-letters garbage, unknown and invalid messages with their reasons, and keeps consuming", async () => {
    const jobId = randomUUID();
    const [textJob, imageJob] = oneOfEach(jobId) as [events.TextJobRequested, events.ImageJobRequested];
    const topic = events.TOPICS.TEXT_JOBS;
    const bad = [
      { value: "not json {", reason: "malformed-json" },
      { value: "", reason: "empty" },
      { value: JSON.stringify({ ...textJob, payload: { ...textJob.payload, prompt: "x".repeat(5000) } }), reason: "too-large" },
      { value: JSON.stringify({ ...textJob, eventType: "TEXT_JOB_EXPLODED" }), reason: "unknown-event-type" },
      { value: JSON.stringify({ ...textJob, payload: { ...textJob.payload, language: "klingon" } }), reason: "invalid" },
      { value: JSON.stringify(imageJob), reason: "wrong-topic" },
    ];
    await producer.send({
      topic,
      messages: [
        ...bad.map((entry) => ({ key: jobId, value: entry.value, headers: { odd: ["a", "b"], ce_type: Buffer.from([0xff, 0xfe]) } })),
        { key: jobId, value: JSON.stringify(textJob) },
      ],
    });
    const handledEvents = await consume([topic], (all) => all.some((entry) => entry.event?.eventId === textJob.eventId), async (payload, all) => typedHandler(all, payload)(payload));
    expect(distinct(handledEvents, jobId).map((entry) => entry.event?.eventId)).toEqual([textJob.eventId]);
    // Dead letters of this job, each once (a redelivered bad message is dead-lettered again).
    const deadOnce = (all: readonly Received[]): Received[] => [...new Map(all.filter((entry) => entry.raw.message.key?.toString() === jobId).map((entry) => [`${String(entry.raw.message.headers?.["dlq-partition"])}/${String(entry.raw.message.headers?.["dlq-offset"])}`, entry])).values()];
    const dead = await consume([`${topic}.dlq`], (all) => deadOnce(all).length >= bad.length);
    const mine = deadOnce(dead);
    expect(mine.map((entry) => String(entry.raw.message.headers?.["dlq-reason"])).sort()).toEqual(bad.map((entry) => entry.reason).sort());
    for (const entry of mine) {
      const headers = entry.raw.message.headers ?? {};
      expect(String(headers["dlq-topic"])).toBe(topic);
      expect(Number(String(headers["dlq-partition"]))).toBeGreaterThanOrEqual(0);
      expect(String(headers["dlq-offset"])).toMatch(/^\d+$/);
      expect(Array.isArray(JSON.parse(String(headers["dlq-errors"])))).toBe(true);
    }
    const invalid = mine.find((entry) => String(entry.raw.message.headers?.["dlq-reason"]) === "invalid");
    expect(JSON.parse(String(invalid?.raw.message.headers?.["dlq-errors"]))).toEqual([expect.objectContaining({ pointer: "/payload/language" })]);
  });

  it("dead-letters a message too large for its dead-letter topic cut, and keeps consuming the partition", async () => {
    const topic = `big-${randomUUID()}`;
    const deadLetters = `${topic}.dlq`;
    // The topic takes 3 MB messages; its dead-letter topic 100 kB (the broker default is 1 MB).
    await admin.createTopics({ waitForLeaders: true, topics: [
      { topic, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "3000000" }] },
      { topic: deadLetters, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "100000" }] },
    ] });
    const big = "x".repeat(1_500_000);
    // Topics just made may not be served yet by their new leader: wait until the broker describes both.
    for (let attempt = 1; ; attempt++) {
      const served = await admin.fetchTopicMetadata({ topics: [topic, deadLetters] }).then(
        ({ topics }) => topics.every((entry) => entry.partitions.every((partition) => partition.leader >= 0)),
        () => false,
      );
      if (served) break;
      if (attempt >= 40) throw new Error(`${topic} is not served 10 s after it was made`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await producer.send({ topic, messages: [{ key: "big", value: big, headers: { "x-rep": ["1", "2"] } }, { key: "after", value: "not json {" }] });
    const handler = createEventHandler({}, { deadLetterProducer: producer });
    const handled = await consume([topic], (all) => all.length >= 2, async (payload, all) => {
      await handler(payload);
      all.push({ raw: payload });
    });
    expect(handled.map((entry) => entry.raw.message.key?.toString())).toEqual(["big", "after"]);
    const letters = await consume([deadLetters], (all) => new Set(all.map((entry) => entry.raw.message.key?.toString())).size >= 2);
    const byKey = new Map(letters.map((entry) => [entry.raw.message.key?.toString(), entry.raw.message]));
    const cut = byKey.get("big");
    expect(String(cut?.headers?.["dlq-reason"])).toBe("too-large");
    expect(String(cut?.headers?.["dlq-value-truncated"])).toBe("true");
    expect(String(cut?.headers?.["dlq-value-size"])).toBe("1500000");
    expect(String(cut?.headers?.["dlq-value-sha256"])).toBe(createHash("sha256").update(big).digest("hex"));
    expect(cut?.value?.byteLength).toBe(1024);
    expect((cut?.headers?.["x-rep"] as Buffer[] | undefined)?.map(String)).toEqual(["1", "2"]);
    // The message after it on the same partition was consumed too: nothing blocked the partition.
    expect(String(byKey.get("after")?.headers?.["dlq-reason"])).toBe("malformed-json");
  }, 120_000);

  it("carries the caller's W3C trace context from the publisher to the handler's context", async () => {
    const jobId = randomUUID();
    const traceparent = `00-${randomUUID().replace(/-/g, "")}-00f067aa0ba902b7-01`;
    const publisher = createPublisher(producer, { source: "integration-test" });
    const [textJob] = oneOfEach(jobId) as [events.TextJobRequested];
    await publisher.publish(textJob, { traceparent, tracestate: "vendor=abc" });
    const received = await consume([events.TOPICS.TEXT_JOBS], (all) => distinct(all, jobId).length >= 1, async (payload, all) => typedHandler(all, payload)(payload));
    const [mine] = distinct(received, jobId);
    expect([mine?.context?.traceparent, mine?.context?.tracestate, mine?.context?.key]).toEqual([traceparent, "vendor=abc", jobId]);
    expect(() => toRecord(textJob, "x", { traceparent: "not-a-traceparent" })).toThrow(TypeError);
  });

  it("handles batches in partition order with createBatchHandler, committing as it goes", async () => {
    const jobId = randomUUID();
    const progress = Array.from({ length: 30 }, (_, index) => index);
    await createPublisher(producer, { source: "integration-test" }).publish(progress.map((percent) => events.createJobStatusChanged({ userId: "u1", jobId, payload: { status: "processing", jobKind: "image", attempt: 1, progress: percent } })));
    const groupId = `tests-batch-${randomUUID()}`;
    const seen: number[] = [];
    const record = (event: events.JobStatusChanged): void => {
      if (event.jobId === jobId && event.payload.status === "processing") seen.push(event.payload.progress ?? -1);
    };
    const run = async (until: () => boolean, meanwhile?: () => Promise<void>): Promise<void> => {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: [events.TOPICS.JOB_STATUS], fromBeginning: true });
      await consumer.run({ eachBatchAutoResolve: false, eachBatch: createBatchHandler({ JOB_STATUS_CHANGED: record }, { deadLetterProducer: producer }) });
      await meanwhile?.();
      await waitUntil(until, 30_000);
      await consumer.disconnect();
    };
    await run(() => seen.length >= progress.length);
    expect([...new Set(seen)]).toEqual(progress);
    // Committed as it went: the same group, started again, gets only what was published since.
    const before = seen.length;
    await run(
      () => seen.includes(100),
      () => createPublisher(producer, { source: "integration-test" }).publish(events.createJobStatusChanged({ userId: "u1", jobId, payload: { status: "processing", jobKind: "image", attempt: 1, progress: 100 } })),
    );
    expect(seen.slice(before)).toEqual([100]);
  }, 90_000);

  it("retries failing handlers itself: 2,000 events with 1% failing once are all handled, with no consumer crash or restart", async () => {
    const jobId = randomUUID();
    const count = 2000;
    const publisher = createPublisher(producer, { source: "integration-test" });
    const all = Array.from({ length: count }, (_, index) => events.createJobStatusChanged({ userId: "u1", jobId, payload: { status: "processing", jobKind: "text", attempt: 1, progress: index % 101 } }));
    for (let index = 0; index < count; index += 500) await publisher.publish(all.slice(index, index + 500));
    const failOnce = new Set(all.filter((_, index) => index % 100 === 7).map((event) => event.eventId));
    const handled = new Set<string>();
    let crashes = 0;
    let failures = 0;
    const consumer = kafka.consumer({ groupId: `tests-retry-${randomUUID()}`, maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    consumer.on(consumer.events.CRASH, () => void crashes++);
    await consumer.connect();
    await consumer.subscribe({ topics: [events.TOPICS.JOB_STATUS], fromBeginning: true });
    await consumer.run({
      eachMessage: createEventHandler(
        {
          JOB_STATUS_CHANGED: (event, context) => {
            if (event.jobId !== jobId) return;
            if (failOnce.has(event.eventId) && context.attempt === 1) {
              failures++;
              throw new Error("a passing failure");
            }
            handled.add(event.eventId);
          },
        },
        { deadLetterProducer: producer, retry: { attempts: 3, backoffMs: 10 } },
      ),
    });
    await waitUntil(() => handled.size >= count, 60_000);
    await consumer.disconnect();
    expect(handled.size).toBe(count);
    expect(failures).toBeGreaterThanOrEqual(failOnce.size);
    expect(crashes).toBe(0);
  }, 120_000);

  it("delivers the events of one job in order", async () => {
    const jobId = randomUUID();
    const publisher = createPublisher(producer, { source: "integration-test" });
    const progress = Array.from({ length: 20 }, (_, index) => index * 5);
    for (const percent of progress) {
      await publisher.publish(events.createJobStatusChanged({ userId: "u1", jobId, payload: { status: "processing", jobKind: "image", attempt: 1, progress: percent } }));
    }
    const received = await consume([events.TOPICS.JOB_STATUS], (all) => distinct(all, jobId).length >= progress.length, async (payload, all) => typedHandler(all, payload)(payload));
    const order = distinct(received, jobId).map((entry) => (entry.event as events.JobStatusChanged).payload);
    expect(order.map((payload) => (payload.status === "processing" ? payload.progress : -1))).toEqual(progress);
    expect(new Set(received.filter((entry) => entry.event?.jobId === jobId).map((entry) => entry.raw.partition)).size).toBe(1);
  });

  it("decodes records made by the Go and Python bindings", async () => {
    const jobId = randomUUID();
    const go = spawnSync("go", ["run", "./cmd/record", jobId], { cwd: path.join(ROOT, "test/go"), encoding: "utf8" });
    expect(go.status, go.stderr).toBe(0);
    const python = spawnSync(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "test/python/print_record.py"), jobId], { encoding: "utf8" });
    expect(python.status, python.stderr).toBe(0);
    const records = [go.stdout, python.stdout].map((text) => JSON.parse(text) as { topic: string; key: string; value: string; headers: Record<string, string> });
    // The same mapping in every language: the record TypeScript would make for the same event.
    for (const record of records) {
      const event = JSON.parse(record.value) as events.ContractEvent;
      const expected = toRecord(event, record.headers["ce_source"] ?? "");
      expect({ topic: record.topic, key: record.key, headers: record.headers }).toEqual({ topic: expected.topic, key: expected.message.key, headers: expected.message.headers });
    }
    for (const record of records) await producer.send({ topic: record.topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    const received = await consume(TOPICS, (all) => distinct(all, jobId).length >= 2, async (payload, all) => typedHandler(all, payload)(payload));
    const mine = distinct(received, jobId);
    expect(mine.map((entry) => [entry.event?.eventType, entry.raw.message.headers?.["ce_source"]?.toString()]).sort()).toEqual([
      ["JOB_STATUS_CHANGED", "python-service"],
      ["TEXT_JOB_REQUESTED", "go-service"],
    ]);
    expect(mine.every((entry) => entry.raw.message.key?.toString() === jobId)).toBe(true);
  });
});

describe("the event handler without a broker", () => {
  const sent: unknown[] = [];
  const fakeProducer = {
    send: async (record: unknown) => {
      sent.push(record);
    },
    sendBatch: async () => undefined,
  };
  const event = events.createTextJobRequested({ userId: "u", payload: { activityType: "quiz", prompt: "p", language: "en" } });
  const payload = (value: string | null, headers: Record<string, unknown> = {}) =>
    ({ topic: events.TOPICS.TEXT_JOBS, partition: 0, message: { key: null, value: value === null ? null : Buffer.from(value), headers, offset: "7" } }) as never;

  const lastSent = (): { topic: string; messages: { key: unknown; value: Uint8Array | string | null; headers: Record<string, unknown> }[] } => sent.at(-1) as never;

  it("retries a handler that throws, with backoff, then dead-letters the message as handler-failed and goes on", async () => {
    const attempts: number[] = [];
    const started = Date.now();
    const handler = createEventHandler(
      {
        TEXT_JOB_REQUESTED: (_event, context) => {
          attempts.push(context.attempt);
          return Promise.reject(new Error("database down"));
        },
      },
      { deadLetterProducer: fakeProducer, retry: { attempts: 3, backoffMs: 20 } },
    );
    await handler(payload(JSON.stringify(event)));
    expect(attempts).toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(lastSent().messages[0]?.headers["dlq-reason"]).toBe("handler-failed");
    expect(JSON.parse(String(lastSent().messages[0]?.headers["dlq-errors"]))).toEqual([{ pointer: "", keyword: "handler", message: "failed 3 times, last: database down" }]);
  });

  it("lets an error thrown by a handler propagate with retry: false, so the offset is not committed", async () => {
    const handler = createEventHandler({ TEXT_JOB_REQUESTED: () => Promise.reject(new Error("database down")) }, { deadLetterProducer: fakeProducer, retry: false });
    await expect(handler(payload(JSON.stringify(event)))).rejects.toThrow("database down");
  });

  it("dead-letters a known event type of an unknown version as unknown-version, keeping every header value and the record's time", async () => {
    const handler = createEventHandler({}, { deadLetterProducer: fakeProducer });
    await handler({ topic: events.TOPICS.TEXT_JOBS, partition: 1, message: { key: "k", value: Buffer.from(JSON.stringify({ ...event, version: 99 })), headers: { "x-rep": ["a", "b", "c"], one: Buffer.from("1") }, offset: "9", timestamp: "1764763200000" } } as never);
    const [letter] = lastSent().messages;
    expect(letter?.headers).toMatchObject({ "dlq-reason": "unknown-version", "x-rep": ["a", "b", "c"], "dlq-timestamp": "1764763200000", "dlq-partition": "1", "dlq-offset": "9" });
    expect(String(letter?.headers["one"])).toBe("1");
  });

  it("gives the handler the record's key, headers, time and trace context, and events without a handler to onUnhandled", async () => {
    const contexts: MessageContext[] = [];
    const unhandled: string[] = [];
    const handler = createEventHandler({ TEXT_JOB_REQUESTED: (_event, context) => void contexts.push(context) }, { deadLetterProducer: fakeProducer, onUnhandled: (other) => void unhandled.push(other.eventType) });
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    await handler({ topic: events.TOPICS.TEXT_JOBS, partition: 2, message: { key: Buffer.from(event.jobId), value: Buffer.from(JSON.stringify(event)), headers: { traceparent: Buffer.from(traceparent), tracestate: "vendor=1", "x-rep": [Buffer.from("a"), "b"] }, offset: "11", timestamp: "1764763200000" } } as never);
    expect(contexts).toEqual([{ topic: events.TOPICS.TEXT_JOBS, partition: 2, offset: "11", key: event.jobId, headers: { traceparent, tracestate: "vendor=1", "x-rep": ["a", "b"] }, timestamp: "1764763200000", traceparent, tracestate: "vendor=1", attempt: 1 }]);
    const status = events.createJobStatusChanged({ userId: "u", payload: { status: "queued", jobKind: "text" } });
    await handler({ topic: events.TOPICS.JOB_STATUS, partition: 0, message: { key: null, value: Buffer.from(JSON.stringify(status)), offset: "1" } } as never);
    expect(unhandled).toEqual(["JOB_STATUS_CHANGED"]);
  });

  it("dead-letters a value too large for the dead-letter topic cut, with its size and SHA-256, and goes on", async () => {
    const refusing = { ...fakeProducer, send: async (record: { messages: { value: Uint8Array | string | null }[] }) => {
      const value = record.messages[0]?.value;
      if (value !== null && value !== undefined && value.length > 2000) throw Object.assign(new Error("The request included a message larger than the max message size the server will accept"), { type: "MESSAGE_TOO_LARGE" });
      sent.push(record);
    } };
    const big = JSON.stringify({ ...event, payload: { ...event.payload, prompt: "x".repeat(5000) } });
    await createEventHandler({}, { deadLetterProducer: refusing }).call(undefined, payload(big));
    const [letter] = lastSent().messages;
    expect(letter?.headers).toMatchObject({ "dlq-reason": "invalid", "dlq-value-truncated": "true", "dlq-value-size": String(Buffer.byteLength(big)), "dlq-value-sha256": createHash("sha256").update(big).digest("hex") });
    expect(Buffer.from(letter?.value as Uint8Array).toString()).toBe(big.slice(0, 1024));
    // Cut before sending, past deadLetterMaxBytes.
    await createEventHandler({}, { deadLetterProducer: fakeProducer, deadLetterMaxBytes: 100 })(payload(big));
    expect((lastSent().messages[0]?.value as Uint8Array).byteLength).toBe(100);
  });

  it("never crashes on odd headers, invalid UTF-8 or a null value", async () => {
    sent.length = 0;
    const handler = createEventHandler({}, { deadLetterProducer: fakeProducer });
    await handler(payload(JSON.stringify(event), { weird: [Buffer.from("x"), "y"], missing: undefined }));
    await handler({ topic: events.TOPICS.TEXT_JOBS, partition: 0, message: { key: null, value: Buffer.from([0xc3, 0x28]), offset: "8" } } as never);
    await handler(payload(null));
    expect(sent.map((record) => (record as { messages: { headers: Record<string, string> }[] }).messages[0]?.headers["dlq-reason"])).toEqual(["malformed-json", "empty"]);
  });
});
