import type { ProducerLike, ReceivedMessage } from "./kafka.js";
/**
 * The options every service of the contracts should give @platformatic/kafka's `Producer`: acknowledgement
 * by all in-sync replicas (the client's default, without idempotence, is the leader's alone, so an event it
 * acknowledged is lost when that leader fails before a follower has copied it) and no compression (kafkajs,
 * the other client of this package, reads gzip only).
 *
 * @example
 * const producer = new Producer({ clientId: "my-service", bootstrapBrokers, ...PRODUCER_OPTIONS });
 */
export declare const PRODUCER_OPTIONS: {
  readonly acks: -1;
  readonly compression: "none";
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
export declare const CONSUME_OPTIONS: {
  readonly autocommit: false;
  readonly mode: "committed";
  readonly fallbackMode: "earliest";
};
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
export declare function producerOf<B extends Uint8Array>(
  producer: PlatformaticProducer<B>,
): ProducerLike;
/**
 * A consumed message as the event handler takes it: headers by name, a header that came several times
 * with all its values in order (so that a dead letter of it replays as the original), offset and timestamp
 * as text.
 */
export declare function receivedOf(message: PlatformaticMessage): ReceivedMessage;
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
export declare function consume(
  stream: AsyncIterable<PlatformaticMessage>,
  handle: (payload: ReceivedMessage) => Promise<void>,
  options?: ConsumeOptions,
): Promise<void>;
export {};
