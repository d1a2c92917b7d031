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
  };
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
export function toRecord(event: ContractEvent, source: string): EventRecord {
  const contract: EventContractInfo = EVENT_CONTRACTS[event.eventType];
  const cloud = cloudEventsOf(event);
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
      },
    },
  };
}

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
  publish(events: ContractEvent | readonly ContractEvent[]): Promise<void>;
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
    async publish(input) {
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
        const record = toRecord(event, options.source);
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

/** Where a handled event came from. */
export interface MessageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** A typed handler per event type; the compiler checks each handler's event type. */
export type EventHandlers = {
  readonly [K in EventType]?: (event: EventTypeMap[K], context: MessageContext) => unknown;
};

/** Why a message went to the dead-letter topic (the `dlq-reason` header). */
export type DeadLetterReason =
  "empty" | "too-large" | "malformed-json" | "unknown-event-type" | "invalid" | "wrong-topic";

export interface EventHandlerOptions {
  /** Sends undecodable, invalid and unknown messages to the dead-letter topic. */
  readonly deadLetterProducer: ProducerLike;
  /** The dead-letter topic for a topic; `<topic>.dlq` by default. */
  readonly deadLetterTopic?: (topic: string) => string;
  /** Larger values are not parsed but dead-lettered; 1 MiB by default (Kafka's default message size). */
  readonly maxValueBytes?: number;
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

  const deadLetter = async (
    payload: ReceivedMessage,
    reason: DeadLetterReason,
    errors: readonly ValidationError[],
  ): Promise<void> => {
    const { topic, partition, message } = payload;
    const headers: Record<string, string | Uint8Array> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === "string" || first instanceof Uint8Array) headers[name] = first;
    }
    Object.assign(headers, {
      "dlq-reason": reason,
      "dlq-errors": JSON.stringify(errors.slice(0, 50)),
      "dlq-topic": topic,
      "dlq-partition": String(partition),
      "dlq-offset": message.offset,
    });
    await options.deadLetterProducer.send({
      topic: deadLetterTopic(topic),
      messages: [{ key: message.key ?? null, value: message.value, headers }],
    });
  };

  return async (payload) => {
    const { topic, partition, message } = payload;
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
      const unknown = decoded.errors.some(
        (error) => error.keyword === "eventType" || error.keyword === "version",
      );
      return deadLetter(
        payload,
        document ? "malformed-json" : unknown ? "unknown-event-type" : "invalid",
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
    if (handler !== undefined) await handler(event, { topic, partition, offset: message.offset });
  };
}

function eventTypeOf(value: unknown): string | undefined {
  const eventType =
    typeof value === "object" && value !== null
      ? (value as { eventType?: unknown }).eventType
      : undefined;
  return typeof eventType === "string" ? eventType : undefined;
}
