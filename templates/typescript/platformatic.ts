// The Kafka helpers of ./kafka.js over @platformatic/kafka, a maintained Kafka client in pure JavaScript
// (kafkajs has had no release since 2023). Static: copied as is from the event-contracts templates. Like
// ./kafka.js it imports nothing from the client: the structural types below accept its Producer and the
// messages of its consumer's stream, made with its default (Buffer) serialisers and deserialisers.
import type { HeaderValue, OutgoingMessage, ProducerLike, ReceivedMessage } from "./kafka.js";

/**
 * The options every service of the contracts should give @platformatic/kafka's `Producer`: acknowledgement
 * by all in-sync replicas (the client's default, without idempotence, is the leader's alone, so an event it
 * acknowledged is lost when that leader fails before a follower has copied it) and no compression (kafkajs,
 * the other client of this package, reads gzip only).
 *
 * @example
 * const producer = new Producer({ clientId: "my-service", bootstrapBrokers, ...PRODUCER_OPTIONS });
 */
export const PRODUCER_OPTIONS: { readonly acks: -1; readonly compression: "none" } = {
  acks: -1,
  compression: "none",
};

/**
 * The options `consume` needs of the consumer's stream: no autocommit, since @platformatic/kafka's
 * autocommit commits each fetched batch when it arrives, before its messages are handled, so that a
 * service stopping mid-batch would skip the rest; `consume` commits what it has handled. A new group starts
 * at the oldest offsets.
 *
 * @example
 * const stream = await consumer.consume({ topics: [TOPICS.TEXT_JOBS], ...CONSUME_OPTIONS });
 */
export const CONSUME_OPTIONS: {
  readonly autocommit: false;
  readonly mode: "committed";
  readonly fallbackMode: "earliest";
} = { autocommit: false, mode: "committed", fallbackMode: "earliest" };

/** A header name or value as the client hands it over: bytes with its default deserialisers. */
type Bytes = Uint8Array | string;

/**
 * The message @platformatic/kafka's `Producer.send` takes with its default serialisers, whose bytes type
 * `B` is Node.js's Buffer (a type the package cannot name without Node.js types).
 */
export interface PlatformaticOutgoingMessage<B extends Uint8Array> {
  readonly topic: string;
  readonly key?: B;
  readonly value?: B;
  /** A Map, so that a header sent several times keeps every value: its keys are distinct Buffers. */
  readonly headers: Map<B, B>;
}

/** The part of @platformatic/kafka's `Producer` the helpers use. */
export interface PlatformaticProducer<B extends Uint8Array> {
  send(options: { messages: PlatformaticOutgoingMessage<B>[] }): Promise<unknown>;
}

/** A message of @platformatic/kafka's consumer stream (`MessagesStream`). */
export interface PlatformaticMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly timestamp: bigint;
  readonly key?: Bytes | null;
  readonly value?: Bytes | null;
  /** With the default deserialisers the keys are Buffers, one entry per header sent, repeated ones too. */
  readonly headers: ReadonlyMap<Bytes | undefined, Bytes | undefined>;
  /** Commits this message's partition up to and including it. */
  commit(): void | Promise<void>;
}

/**
 * A producer for createPublisher and for the dead letters of createEventHandler, over a @platformatic/kafka
 * `Producer` (made with PRODUCER_OPTIONS). A send that the broker refuses as too large fails with the
 * client's MESSAGE_TOO_LARGE error, which the event handler recognises, and sends the dead letter cut.
 *
 * @example
 * const publisher = createPublisher(producerOf(producer), { source: "my-service" });
 */
export function producerOf<B extends Uint8Array>(producer: PlatformaticProducer<B>): ProducerLike {
  const send = (batches: readonly { topic: string; messages: readonly OutgoingMessage[] }[]) =>
    producer.send({
      messages: batches.flatMap(({ topic, messages }) =>
        messages.map((message) => outgoingOf<B>(topic, message)),
      ),
    });
  return {
    send: (record) => send([record]),
    sendBatch: ({ topicMessages = [] }) => send(topicMessages),
  };
}

/**
 * A consumed message as the event handler takes it: headers by name, a header that came several times
 * with all its values in order (so that a dead letter of it replays as the original), offset and timestamp
 * as text.
 */
export function receivedOf(message: PlatformaticMessage): ReceivedMessage {
  const headers: Record<string, HeaderValue> = {};
  for (const [name, value] of message.headers) {
    if (name === undefined || value === undefined) continue;
    const key = typeof name === "string" ? name : utf8.decoder.decode(name);
    const previous = headers[key];
    headers[key] =
      previous === undefined
        ? value
        : [
            ...(typeof previous === "string" || previous instanceof Uint8Array
              ? [previous]
              : previous),
            value,
          ];
  }
  return {
    topic: message.topic,
    partition: message.partition,
    message: {
      key: message.key ?? null,
      value: message.value ?? null,
      headers,
      offset: String(message.offset),
      timestamp: String(message.timestamp),
    },
  };
}

export interface ConsumeOptions {
  /** How often what was handled is committed, at most; 1,000 ms when not given. */
  readonly commitIntervalMs?: number;
}

/**
 * Hands every message of `stream` (made with CONSUME_OPTIONS) to `handle`, the function createEventHandler
 * makes, one at a time, in each partition's order, and commits what was handled: every partition's last
 * handled message, at most every `commitIntervalMs`, and when consuming ends. It returns when the stream
 * ends (`stream.close()`). It rejects when `handle` does (a dead letter that could not be sent) or the
 * stream fails: consuming has stopped for good, so let the service exit, so that its supervisor restarts
 * it; what was handled was committed, and the rest comes again.
 *
 * @example
 * await consume(stream, createEventHandler(handlers, { deadLetterProducer: producerOf(producer) }));
 */
export async function consume(
  stream: AsyncIterable<PlatformaticMessage>,
  handle: (payload: ReceivedMessage) => Promise<void>,
  options: ConsumeOptions = {},
): Promise<void> {
  const interval = options.commitIntervalMs ?? 1000;
  // The last handled message of each partition not yet committed.
  const handled = new Map<string, PlatformaticMessage>();
  const commit = async (): Promise<void> => {
    const last = [...handled.values()];
    handled.clear();
    await Promise.all(last.map((message) => message.commit()));
  };
  let committed = Date.now();
  try {
    for await (const message of stream) {
      await handle(receivedOf(message));
      handled.set(`${message.partition} ${message.topic}`, message);
      if (Date.now() - committed >= interval) {
        await commit();
        committed = Date.now();
      }
    }
  } catch (error) {
    // What was handled before the failure is committed if the client still can; the failure is what counts.
    await commit().catch(() => undefined);
    throw error;
  }
  await commit();
}

/** An outgoing message as @platformatic/kafka sends it: bytes, every value of a repeated header kept. */
function outgoingOf<B extends Uint8Array>(
  topic: string,
  message: OutgoingMessage,
): PlatformaticOutgoingMessage<B> {
  const headers = new Map<B, B>();
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    const values = typeof value === "string" || value instanceof Uint8Array ? [value] : value;
    for (const one of values) headers.set(bufferOf<B>(name), bufferOf<B>(one));
  }
  return {
    topic,
    ...(message.key === null || message.key === undefined ? {} : { key: bufferOf<B>(message.key) }),
    ...(message.value === null ? {} : { value: bufferOf<B>(message.value) }),
    headers,
  };
}

// Buffer and TextDecoder are in Node.js, where @platformatic/kafka runs, but in no TypeScript lib the package
// compiles against without Node.js types, so they are looked up and typed here. The client writes Buffers:
// text and other bytes are copied into one.
const platform = globalThis as unknown as {
  Buffer: { from(data: Uint8Array | string): Uint8Array };
  TextDecoder: new () => { decode(data: Uint8Array): string };
};
const utf8 = { decoder: new platform.TextDecoder() };

/** A Buffer of `data`: the `B` of the client's serialisers, which are Node.js's Buffers. */
function bufferOf<B extends Uint8Array>(data: Bytes): B {
  return platform.Buffer.from(data) as B;
}
