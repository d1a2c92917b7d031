import { Kafka, logLevel } from "kafkajs";
import * as events from "../test/fixtures/activity/out/ts/dist/esm/index.js";
import { createEventHandler, createPublisher, toRecord } from "../test/fixtures/activity/out/ts/dist/esm/kafka.js";
import { startBroker } from "../test/support/kafka-broker.js";
import { measure, median } from "./harness.js";

export interface KafkaFigures {
  readonly rawMs: number;
  readonly publishMs: number;
  readonly events: number;
  readonly batch: number;
  readonly decodeNs: number;
  readonly parseNs: number;
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
    return { rawMs: median(raw), publishMs: median(published), events: total, batch, decodeNs: decode ?? 0, parseNs: parse ?? 0 };
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
