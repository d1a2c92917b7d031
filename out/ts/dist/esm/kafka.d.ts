import { ContractValidationError, type ValidationError } from "./runtime.js";
import type { ContractEvent, EventType, EventTypeMap } from "./types.js";
/** A header value as Kafka clients hand it over: bytes, text, or (kafkajs) a list of either. */
export type HeaderValue = Uint8Array | string | readonly (Uint8Array | string)[] | undefined;
/** A record to send; kafkajs's Message has this shape. */
export interface OutgoingMessage {
  readonly key?: string | Uint8Array | null;
  readonly value: string | Uint8Array | null;
  readonly headers?: Readonly<Record<string, HeaderValue>>;
}
/** The part of a producer the helpers use: kafkajs's Producer has both methods. */
export interface ProducerLike {
  send(record: { topic: string; messages: OutgoingMessage[] }): Promise<unknown>;
  sendBatch(batch: {
    topicMessages?: {
      topic: string;
      messages: OutgoingMessage[];
    }[];
  }): Promise<unknown>;
}
/** What an eachMessage handler receives (kafkajs's EachMessagePayload has these fields). */
export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: {
    readonly key?: Uint8Array | string | null;
    readonly value: Uint8Array | string | null;
    readonly headers?: Readonly<Record<string, HeaderValue>>;
    readonly offset: string;
    /** The record's timestamp (milliseconds since the epoch, as text), when the client gives it. */
    readonly timestamp?: string;
  };
  /** Tells the group coordinator the consumer is alive (kafkajs): called while a retry waits. */
  readonly heartbeat?: () => Promise<void>;
}
/** A Kafka record for one event: topic, key and CloudEvents headers (binary mode), the envelope as value. */
export interface EventRecord {
  readonly topic: string;
  /** Text only, so that it can be handed to any client's send (kafkajs's Message accepts it as is). */
  readonly message: {
    readonly key: string;
    readonly value: string;
    readonly headers: Readonly<Record<string, string>>;
  };
}
/**
 * The record of an event, per the CloudEvents Kafka protocol binding in binary mode: `ce_type` is the
 * eventType, `ce_id`, `ce_time` and `ce_subject` come from the envelope (see cloudEventsOf) and
 * `ce_dataschema` is the schema's $id; the record key is the contract's key (keyOf), so all events with one
 * key share a partition.
 *
 * @example
 * const { topic, message } = toRecord(event, "my-service");
 * await producer.send({ topic, messages: [message] });
 */
export declare function toRecord(
  event: ContractEvent,
  source: string,
  trace?: TraceContext,
): EventRecord;
/**
 * The W3C trace context of the caller (https://www.w3.org/TR/trace-context/), written into the record's
 * headers as the CloudEvents distributed-tracing extension has it, so that consumers continue the trace; the
 * handler's context gives it back. No tracing library is needed: pass what yours has.
 */
export interface TraceContext {
  readonly traceparent?: string;
  readonly tracestate?: string;
}
/** One event of a batch that breaks its contract. */
export interface BatchFailure {
  readonly index: number;
  readonly eventType: string | undefined;
  readonly errors: readonly ValidationError[];
}
/** Thrown by `publish` when any event of a batch breaks its contract; nothing of the batch was sent. */
export declare class BatchValidationError extends ContractValidationError {
  readonly failures: readonly BatchFailure[];
  constructor(failures: readonly BatchFailure[]);
}
export interface PublisherOptions {
  /** The CloudEvents source of the events: this service, e.g. "my-service". */
  readonly source: string;
}
export interface Publisher {
  /**
   * Validates every event strictly, then sends them all: one `send` for one topic, one `sendBatch` for
   * several. If any event breaks its contract, nothing is sent and BatchValidationError lists each one.
   */
  publish(events: ContractEvent | readonly ContractEvent[], trace?: TraceContext): Promise<void>;
}
/**
 * A publisher over a kafkajs (or compatible) producer: an invalid event never reaches Kafka.
 *
 * @example
 * const publisher = createPublisher(kafka.producer(), { source: "my-service" });
 * await publisher.publish(event); // an event of the contracts, made by its factory
 */
export declare function createPublisher(
  producer: ProducerLike,
  options: PublisherOptions,
): Publisher;
/** Where a handled event came from, and what its record carried beside the event. */
export interface MessageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The record key, as text (undefined when the record has none). */
  readonly key: string | undefined;
  /** The record's headers as text, a header sent several times as the list of its values, in order. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The record's timestamp (milliseconds since the epoch, as text), when the client gives it. */
  readonly timestamp: string | undefined;
  /** The W3C trace context the publisher was given (headers traceparent and tracestate), to continue the trace. */
  readonly traceparent: string | undefined;
  readonly tracestate: string | undefined;
  /** Which call of the handler this is for the message: 1, then 2 and on when it is retried. */
  readonly attempt: number;
}
/** A typed handler per event type; the compiler checks each handler's event type. */
export type EventHandlers = {
  readonly [K in EventType]?: (event: EventTypeMap[K], context: MessageContext) => unknown;
};
/**
 * Why a message went to the dead-letter topic (the `dlq-reason` header). `unknown-version` is a known event
 * type of a version this package does not know: the producer is newer than the consumer.
 */
export type DeadLetterReason =
  | "empty"
  | "too-large"
  | "malformed-json"
  | "unknown-event-type"
  | "unknown-version"
  | "invalid"
  | "wrong-topic"
  | "handler-failed";
/**
 * How a handler that throws is retried: `attempts` calls in all, waiting `backoffMs` before the second and
 * twice as long before each next one (at most `maxBackoffMs`), then the message is dead-lettered with reason
 * `handler-failed` and the last error, and consuming goes on. The client's own retries (which restart the
 * whole consumer in kafkajs) are never used.
 */
export interface RetryPolicy {
  /** 3 by default. */
  readonly attempts?: number;
  /** 100 ms by default. */
  readonly backoffMs?: number;
  /** 5 s by default. */
  readonly maxBackoffMs?: number;
}
export interface EventHandlerOptions {
  /** Sends undecodable, invalid and unknown messages to the dead-letter topic. */
  readonly deadLetterProducer: ProducerLike;
  /** The dead-letter topic for a topic; `<topic>.dlq` by default. */
  readonly deadLetterTopic?: (topic: string) => string;
  /** Larger values are not parsed but dead-lettered; 1 MiB by default (Kafka's default message size). */
  readonly maxValueBytes?: number;
  /**
   * Dead letters with a larger value carry its first this many bytes, with headers giving its size and
   * SHA-256 (`dlq-value-size`, `dlq-value-sha256`, `dlq-value-truncated`); 900,000 by default, under Kafka's
   * default message size. A dead letter the broker still refuses as too large is sent again with 1 KiB.
   */
  readonly deadLetterMaxBytes?: number;
  /** Retrying a handler that throws; `false` lets the error propagate to the client as before (no retry here). */
  readonly retry?: RetryPolicy | false;
  /** Called for an event of a type with no handler; such events are committed silently otherwise. */
  readonly onUnhandled?: (event: ContractEvent, context: MessageContext) => unknown;
}
/**
 * An eachMessage function for kafkajs: decodes each message as a consumer should (tolerant, older versions
 * upcast), and calls the handler of its event type. A message that cannot be an event of the contracts goes
 * to the dead-letter topic with headers giving the reason, the errors and where it came from, and consuming
 * carries on. An error thrown by a handler is not caught: the offset is then not committed, and the message
 * is delivered again (at-least-once).
 *
 * @example
 * await consumer.run({ eachMessage: createEventHandler({
 *   [eventType]: async (event) => handle(event), // one handler per event type of the contracts
 * }, { deadLetterProducer: producer }) });
 */
export declare function createEventHandler(
  handlers: EventHandlers,
  options: EventHandlerOptions,
): (payload: ReceivedMessage) => Promise<void>;
/** What an eachBatch handler receives (kafkajs's EachBatchPayload has these members). */
export interface ReceivedBatch {
  readonly batch: {
    readonly topic: string;
    readonly partition: number;
    readonly messages: readonly ReceivedMessage["message"][];
  };
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  commitOffsetsIfNecessary(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}
/**
 * An eachBatch function for kafkajs (run it with `eachBatchAutoResolve: false`): each message of the batch,
 * in partition order, goes through the same handling as createEventHandler (decode, dispatch, retry,
 * dead-letter), and its offset is resolved and committed as soon as it is done, with a heartbeat between
 * messages; a batch made stale by a rebalance, or a consumer that stops, ends the loop, and what was not
 * resolved comes again.
 *
 * @example
 * await consumer.run({ eachBatchAutoResolve: false, eachBatch: createBatchHandler(handlers, { deadLetterProducer: producer }) });
 */
export declare function createBatchHandler(
  handlers: EventHandlers,
  options: EventHandlerOptions,
): (payload: ReceivedBatch) => Promise<void>;
