import { randomUUID } from "node:crypto";
import { Producer as PlatformaticProducer } from "@platformatic/kafka";
import { Kafka, logLevel, type Producer } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { createPublisher, type Publisher } from "./fixtures/activity/out/ts/dist/esm/kafka.js";
import { PRODUCER_OPTIONS, producerOf } from "./fixtures/activity/out/ts/dist/esm/platformatic.js";
import { startBroker, type Broker } from "./support/kafka-broker.js";
import { waitUntil } from "./support/kafka-events.js";

const BATCHES_PER_PHASE = 20;

/**
 * What the README's table of producer settings rests on: with each TypeScript client's recommended settings,
 * no event its producer acknowledged is lost when the broker stops in the middle of publishing, cleanly
 * (SIGTERM) or as a crash (SIGKILL), and comes back on the same data. Sends that fail while it is down are
 * not acknowledged, and a service would send those events again; only the acknowledged ones are counted.
 */
describe("acknowledged events across broker restarts", () => {
  let broker: Broker | undefined;
  let kafka: Kafka;
  let failed = false;

  beforeAll(async () => {
    broker = await startBroker();
    kafka = new Kafka({ clientId: "restart-tests", brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: events.TOPICS.TEXT_JOBS, numPartitions: 3 }] });
    await admin.disconnect();
  }, 240_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    await broker?.stop(failed);
  }, 60_000);

  /**
   * Publishes batches of 10 events of user `run` without pause, restarting the broker with SIGTERM after
   * BATCHES_PER_PHASE acknowledged batches, then with SIGKILL after as many more, and stopping after as many
   * again; says which events were acknowledged in each phase and how many sends failed.
   */
  async function publishThroughRestarts(publisher: Publisher, run: string): Promise<{ phases: string[][]; failures: number }> {
    const phases: string[][] = [[], [], []];
    let phase = 0;
    let failures = 0;
    let stopped = false;
    let index = 0;
    const publishing = (async () => {
      while (!stopped) {
        const batch = Array.from({ length: 10 }, () => events.createTextJobRequested({ userId: run, payload: { activityType: "quiz", prompt: `event ${index++}`, language: "en" } }));
        try {
          await publisher.publish(batch);
          phases[phase]?.push(...batch.map((event) => event.eventId));
        } catch {
          failures++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    })();
    const acknowledgedBatches = async (count: number): Promise<void> => {
      const deadline = Date.now() + 90_000;
      while ((phases[phase]?.length ?? 0) < count * 10) {
        if (Date.now() > deadline) throw new Error(`phase ${phase}: ${phases[phase]?.length} events acknowledged in 90 s, ${failures} sends failed`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      await acknowledgedBatches(BATCHES_PER_PHASE);
      phase = 1;
      await (broker as Broker).restart("SIGTERM");
      await acknowledgedBatches(BATCHES_PER_PHASE);
      phase = 2;
      await (broker as Broker).restart("SIGKILL");
      await acknowledgedBatches(BATCHES_PER_PHASE);
    } finally {
      stopped = true;
      await publishing;
    }
    return { phases, failures };
  }

  /** The eventIds of user `run` in the topic, read from the start until `expected` are all there (or 60 s pass). */
  async function eventIdsOf(run: string, expected: ReadonlySet<string>): Promise<Set<string>> {
    const found = new Set<string>();
    const consumer = kafka.consumer({ groupId: `restart-tests-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: events.TOPICS.TEXT_JOBS, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(String(message.value)) as { userId?: string; eventId?: string };
          if (event.userId === run && event.eventId !== undefined) found.add(event.eventId);
        },
      });
      await waitUntil(() => [...expected].every((id) => found.has(id)), 60_000, 200);
    } finally {
      await consumer.disconnect();
    }
    return found;
  }

  const clients: { name: string; open(brokers: string[]): Promise<{ publisher: Publisher; close(): Promise<void> }> }[] = [
    {
      name: "kafkajs with its defaults (acks -1, not idempotent)",
      async open(brokers) {
        const producer: Producer = new Kafka({ clientId: "restart-tests", brokers, logLevel: logLevel.NOTHING }).producer();
        await producer.connect();
        return { publisher: createPublisher(producer, { source: "restart-tests" }), close: () => producer.disconnect() };
      },
    },
    {
      name: "@platformatic/kafka with PRODUCER_OPTIONS (acks -1)",
      async open(brokers) {
        const producer = new PlatformaticProducer({ clientId: "restart-tests", bootstrapBrokers: brokers, ...PRODUCER_OPTIONS });
        return { publisher: createPublisher(producerOf(producer), { source: "restart-tests" }), close: () => producer.close() };
      },
    },
  ];

  for (const client of clients) {
    it(`${client.name}: every acknowledged event is in the topic after a SIGTERM and a SIGKILL restart mid-publish`, async () => {
      const run = `restarts-${randomUUID()}`;
      const { publisher, close } = await client.open((broker as Broker).brokers);
      let result: { phases: string[][]; failures: number };
      try {
        result = await publishThroughRestarts(publisher, run);
      } finally {
        await close();
      }
      // Events were acknowledged before the first restart, between the two and after the second.
      for (const acknowledged of result.phases) expect(acknowledged.length).toBeGreaterThanOrEqual(BATCHES_PER_PHASE * 10);
      const acknowledged = new Set(result.phases.flat());
      const found = await eventIdsOf(run, acknowledged);
      const lost = [...acknowledged].filter((id) => !found.has(id));
      expect({ acknowledged: acknowledged.size, lost: lost.length }).toEqual({ acknowledged: acknowledged.size, lost: 0 });
    }, 300_000);
  }
});
