// Kafka helpers: contract events as Kafka records and back, for kafkajs or any client with the same shapes.
// Static: copied as is from the event-contracts templates. It imports nothing from kafkajs: the structural
// types below accept a kafkajs Producer and serve as its eachMessage handler, and services that never import
// this subpath need no Kafka client at all.
import { decodeEventJson } from "./decode.js";
import { ContractValidationError, wireOf, type ValidationError } from "./runtime.js";
import { cloudEventsOf, EVENT_CONTRACTS, keyOf, type EventContractInfo } from "./topics.js";
import type { ContractEvent, EventType, EventTypeMap } from "./types.js";
import { validateEvent } from "./validators.js";

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
    topicMessages?: { topic: string; messages: OutgoingMessage[] }[];
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
export function toRecord(event: ContractEvent, source: string, trace?: TraceContext): EventRecord {
  const contract: EventContractInfo = EVENT_CONTRACTS[event.eventType];
  const cloud = cloudEventsOf(event);
  if (trace?.traceparent !== undefined && !TRACEPARENT.test(trace.traceparent)) {
    throw new TypeError(`not a W3C traceparent: ${JSON.stringify(trace.traceparent)}`);
  }
  return {
    topic: contract.topic,
    message: {
      key: keyOf(event),
      value: wireOf(event) ?? JSON.stringify(event),
      headers: {
        ce_specversion: "1.0",
        ce_id: cloud.id,
        ce_type: event.eventType,
        ce_source: source,
        ce_time: cloud.time,
        ...(cloud.subject === undefined ? {} : { ce_subject: cloud.subject }),
        ce_dataschema: contract.schemaId,
        "content-type": "application/json",
        ...(trace?.traceparent === undefined ? {} : { traceparent: trace.traceparent }),
        ...(trace?.traceparent === undefined || trace.tracestate === undefined
          ? {}
          : { tracestate: trace.tracestate }),
      },
    },
  };
}

/**
 * The W3C trace context of the caller (https://www.w3.org/TR/trace-context/), written into the record's
 * headers as the CloudEvents distributed-tracing extension has it, so that consumers continue the trace; the
 * handler's context gives it back. No tracing library is needed: pass what yours has.
 */
export interface TraceContext {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** version-traceid-parentid-flags, lower-case hex; the all-zero ids are invalid. */
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** One event of a batch that breaks its contract. */
export interface BatchFailure {
  readonly index: number;
  readonly eventType: string | undefined;
  readonly errors: readonly ValidationError[];
}

/** Thrown by `publish` when any event of a batch breaks its contract; nothing of the batch was sent. */
export class BatchValidationError extends ContractValidationError {
  readonly failures: readonly BatchFailure[];

  constructor(failures: readonly BatchFailure[]) {
    // Pointers are into the batch: /2/payload/prompt is the prompt of the third event.
    super(
      undefined,
      failures.flatMap((failure) =>
        failure.errors.map((error) => ({ ...error, pointer: `/${failure.index}${error.pointer}` })),
      ),
    );
    this.name = "BatchValidationError";
    this.message = `${failures.length} of the events break their contract; nothing was sent:\n${failures
      .map(
        (failure) =>
          `  #${failure.index} ${failure.eventType ?? "(no eventType)"}: ${failure.errors.map((error) => `${error.pointer || "/"} ${error.message}`).join("; ")}`,
      )
      .join("\n")}`;
    this.failures = failures;
  }
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
export function createPublisher(producer: ProducerLike, options: PublisherOptions): Publisher {
  return {
    async publish(input, trace) {
      const events: readonly unknown[] = Array.isArray(input) ? input : [input];
      const failures: BatchFailure[] = [];
      events.forEach((event, index) => {
        // An event a factory made is frozen and was validated then; anything else is validated now.
        if (typeof event === "object" && event !== null && wireOf(event) !== undefined) return;
        const result = validateEvent(event);
        if (!result.ok)
          failures.push({ index, eventType: eventTypeOf(event), errors: result.errors });
      });
      if (failures.length > 0) throw new BatchValidationError(failures);
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const event of events as readonly ContractEvent[]) {
        const record = toRecord(event, options.source, trace);
        const messages = byTopic.get(record.topic) ?? [];
        messages.push(record.message);
        byTopic.set(record.topic, messages);
      }
      if (byTopic.size === 0) return;
      if (byTopic.size === 1) {
        const [[topic, messages]] = [...byTopic] as [[string, OutgoingMessage[]]];
        await producer.send({ topic, messages });
        return;
      }
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    },
  };
}

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
export function createEventHandler(
  handlers: EventHandlers,
  options: EventHandlerOptions,
): (payload: ReceivedMessage) => Promise<void> {
  const deadLetterTopic = options.deadLetterTopic ?? ((topic: string) => `${topic}.dlq`);
  const maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
  const deadLetterMaxBytes = options.deadLetterMaxBytes ?? 900_000;

  const deadLetter = async (
    payload: ReceivedMessage,
    reason: DeadLetterReason,
    errors: readonly ValidationError[],
  ): Promise<void> => {
    const { topic, partition, message } = payload;
    // Every header as it came, a header sent several times with all its values, so a replay is the original.
    const headers: Record<string, HeaderValue> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined) headers[name] = value;
    }
    Object.assign(headers, {
      "dlq-reason": reason,
      "dlq-errors": JSON.stringify(errors.slice(0, 50)),
      "dlq-topic": topic,
      "dlq-partition": String(partition),
      "dlq-offset": message.offset,
      ...(message.timestamp === undefined ? {} : { "dlq-timestamp": message.timestamp }),
    });
    const bytes = bytesOf(message.value);
    const send = async (limit: number): Promise<void> => {
      const cut = bytes !== undefined && bytes.byteLength > limit;
      const truncation = cut
        ? {
            "dlq-value-truncated": "true",
            "dlq-value-size": String(bytes.byteLength),
            "dlq-value-sha256": await sha256(bytes),
          }
        : {};
      await options.deadLetterProducer.send({
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key ?? null,
            value: cut ? bytes.subarray(0, limit) : message.value,
            headers: { ...headers, ...truncation },
          },
        ],
      });
    };
    try {
      await send(deadLetterMaxBytes);
    } catch (error) {
      // A dead-letter topic that keeps a smaller max.message.bytes: the letter is sent cut, so consuming goes on.
      if (!isTooLarge(error)) throw error;
      await send(1024);
    }
  };

  const contextOf = (payload: ReceivedMessage, attempt: number): MessageContext => {
    const { topic, partition, message } = payload;
    const headers = textHeaders(message.headers);
    const first = (name: string): string | undefined => {
      const value = headers[name];
      return typeof value === "string" ? value : value?.[0];
    };
    return {
      topic,
      partition,
      offset: message.offset,
      key: message.key === null || message.key === undefined ? undefined : textOf(message.key),
      headers,
      timestamp: message.timestamp,
      traceparent: first("traceparent"),
      tracestate: first("tracestate"),
      attempt,
    };
  };

  const retry = options.retry === false ? undefined : (options.retry ?? {});
  const attempts = Math.max(1, Math.floor(retry?.attempts ?? 3));

  return async (payload) => {
    const { topic, message } = payload;
    const raw = message.value;
    const size = raw === null ? 0 : typeof raw === "string" ? raw.length : raw.byteLength;
    if (raw === null || size === 0) return deadLetter(payload, "empty", []);
    if (size > maxValueBytes)
      return deadLetter(payload, "too-large", [
        {
          pointer: "",
          keyword: "maxValueBytes",
          message: `is ${size} bytes, above ${maxValueBytes}`,
        },
      ]);
    // Read exactly as the Go and Python packages read the same bytes (see decodeEventJson).
    const decoded = decodeEventJson(raw);
    if (!decoded.ok) {
      const document = decoded.errors.some((error) => error.keyword === "json");
      const unknownType = decoded.errors.some((error) => error.keyword === "eventType");
      const unknownVersion = decoded.errors.some((error) => error.keyword === "version");
      return deadLetter(
        payload,
        document
          ? "malformed-json"
          : unknownType
            ? "unknown-event-type"
            : unknownVersion
              ? "unknown-version"
              : "invalid",
        decoded.errors,
      );
    }
    const event = decoded.value;
    const expected = EVENT_CONTRACTS[event.eventType].topic;
    if (expected !== topic)
      return deadLetter(payload, "wrong-topic", [
        {
          pointer: "/eventType",
          keyword: "topic",
          message: `${event.eventType} belongs on ${expected}`,
        },
      ]);
    const handler = handlers[event.eventType] as
      ((event: ContractEvent, context: MessageContext) => unknown) | undefined;
    if (handler === undefined) {
      await options.onUnhandled?.(event, contextOf(payload, 1));
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event, contextOf(payload, attempt));
        return;
      } catch (error) {
        if (retry === undefined) throw error;
        if (attempt >= attempts) {
          const said = error instanceof Error ? error.message : String(error);
          return deadLetter(payload, "handler-failed", [
            {
              pointer: "",
              keyword: "handler",
              message: `failed ${attempts} ${attempts === 1 ? "time" : "times"}, last: ${said}`,
            },
          ]);
        }
        const wait = Math.min(
          (retry.backoffMs ?? 100) * 2 ** (attempt - 1),
          retry.maxBackoffMs ?? 5000,
        );
        await payload.heartbeat?.();
        await new Promise<void>((resolve) => platform.setTimeout(resolve, wait));
      }
    }
  };
}

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
export function createBatchHandler(
  handlers: EventHandlers,
  options: EventHandlerOptions,
): (payload: ReceivedBatch) => Promise<void> {
  const handle = createEventHandler(handlers, options);
  return async (payload) => {
    const { topic, partition, messages } = payload.batch;
    for (const message of messages) {
      if (!payload.isRunning() || payload.isStale()) return;
      await handle({ topic, partition, message, heartbeat: () => payload.heartbeat() });
      payload.resolveOffset(message.offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  };
}

// TextEncoder, TextDecoder, setTimeout and Web Crypto are in every runtime the helpers run in (Node.js 20,
// Deno, Bun) but in no TypeScript lib the package compiles against without DOM or Node.js types, so they are
// looked up and typed here.
const platform = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new () => { decode(data: Uint8Array): string };
  setTimeout: (callback: () => void, ms: number) => unknown;
  crypto: { subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
};
// One of each, made once: a TextDecoder made per header cost the handler more than decoding the event.
const utf8 = { encoder: new platform.TextEncoder(), decoder: new platform.TextDecoder() };

/** A value's bytes (UTF-8 for text); undefined for no value. */
function bytesOf(value: Uint8Array | string | null): Uint8Array | undefined {
  if (value === null) return undefined;
  return typeof value === "string" ? utf8.encoder.encode(value) : value;
}

function textOf(value: Uint8Array | string): string {
  return typeof value === "string" ? value : utf8.decoder.decode(value);
}

/** Headers as text; a header with several values keeps all of them, in order. */
function textHeaders(
  headers: Readonly<Record<string, HeaderValue>> | undefined,
): Readonly<Record<string, string | readonly string[]>> {
  const result: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] =
      typeof value === "string" || value instanceof Uint8Array ? textOf(value) : value.map(textOf);
  }
  return result;
}

/** The hex SHA-256 of bytes, from the platform's Web Crypto (Node.js 20, Deno, Bun). */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await platform.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether a send failed because the record was too large: kafkajs's error type, @platformatic/kafka's
 * protocol error id (inside the aggregate error it throws), or a client's "too large" message; the error, any
 * error it aggregates and its causes are looked at.
 */
function isTooLarge(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const { type, apiId, message, errors, cause } = error as {
    type?: unknown;
    apiId?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if ([type, apiId].some((id) => id === "MESSAGE_TOO_LARGE" || id === "RECORD_LIST_TOO_LARGE"))
    return true;
  if (typeof message === "string" && /too large/i.test(message)) return true;
  const nested = Array.isArray(errors) ? errors : [];
  return [...nested, cause].some((inner) => isTooLarge(inner, depth + 1));
}

function eventTypeOf(value: unknown): string | undefined {
  const eventType =
    typeof value === "object" && value !== null
      ? (value as { eventType?: unknown }).eventType
      : undefined;
  return typeof eventType === "string" ? eventType : undefined;
}
