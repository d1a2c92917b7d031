// Kafka helpers: contract events as Kafka records and back, for kafkajs or any client with the same shapes.
// Static: copied as is from the event-contracts templates. It imports nothing from kafkajs: the structural
// types below accept a kafkajs Producer and serve as its eachMessage handler, and services that never import
// this subpath need no Kafka client at all.
import { decodeEvent } from "./decode.js";
import { ContractValidationError, wireOf } from "./runtime.js";
import { EVENT_CONTRACTS, keyOf } from "./topics.js";
import { validateEvent } from "./validators.js";
/**
 * The record of an event, per the CloudEvents Kafka protocol binding in binary mode: `ce_id` is the eventId,
 * `ce_type` the eventType, `ce_time` the timestamp, `ce_subject` the jobId and `ce_dataschema` the schema's
 * $id; the record key is the contract's key (the jobId), so all events of one job share a partition.
 *
 * @example
 * const { topic, message } = toRecord(event, "api-gateway");
 * await producer.send({ topic, messages: [message] });
 */
export function toRecord(event, source) {
  const contract = EVENT_CONTRACTS[event.eventType];
  return {
    topic: contract.topic,
    message: {
      key: keyOf(event),
      value: wireOf(event) ?? JSON.stringify(event),
      headers: {
        ce_specversion: "1.0",
        ce_id: event.eventId,
        ce_type: event.eventType,
        ce_source: source,
        ce_time: event.timestamp,
        ce_subject: event.jobId,
        ce_dataschema: contract.schemaId,
        "content-type": "application/json",
      },
    },
  };
}
/** Thrown by `publish` when any event of a batch breaks its contract; nothing of the batch was sent. */
export class BatchValidationError extends ContractValidationError {
  failures;
  constructor(failures) {
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
/**
 * A publisher over a kafkajs (or compatible) producer: an invalid event never reaches Kafka.
 *
 * @example
 * const publisher = createPublisher(kafka.producer(), { source: "api-gateway" });
 * await publisher.publish(createTextJobRequested({ userId, payload }));
 */
export function createPublisher(producer, options) {
  return {
    async publish(input) {
      const events = Array.isArray(input) ? input : [input];
      const failures = [];
      events.forEach((event, index) => {
        // An event a factory made is frozen and was validated then; anything else is validated now.
        if (typeof event === "object" && event !== null && wireOf(event) !== undefined) return;
        const result = validateEvent(event);
        if (!result.ok)
          failures.push({ index, eventType: eventTypeOf(event), errors: result.errors });
      });
      if (failures.length > 0) throw new BatchValidationError(failures);
      const byTopic = new Map();
      for (const event of events) {
        const record = toRecord(event, options.source);
        const messages = byTopic.get(record.topic) ?? [];
        messages.push(record.message);
        byTopic.set(record.topic, messages);
      }
      if (byTopic.size === 0) return;
      if (byTopic.size === 1) {
        const [[topic, messages]] = [...byTopic];
        await producer.send({ topic, messages });
        return;
      }
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    },
  };
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
 *   TEXT_JOB_REQUESTED: async (event) => generateText(event.payload),
 * }, { deadLetterProducer: producer }) });
 */
export function createEventHandler(handlers, options) {
  const deadLetterTopic = options.deadLetterTopic ?? ((topic) => `${topic}.dlq`);
  const maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
  // TextDecoder is on every platform (Node.js, Deno, Bun, browsers); it is looked up structurally so that the
  // package needs neither the DOM nor the Node.js type declarations.
  const { TextDecoder: Decoder } = globalThis;
  const decoder = new Decoder("utf-8", { fatal: true });
  const deadLetter = async (payload, reason, errors) => {
    const { topic, partition, message } = payload;
    const headers = {};
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
    let value;
    try {
      value = JSON.parse(typeof raw === "string" ? raw : decoder.decode(raw));
    } catch (error) {
      return deadLetter(payload, "malformed-json", [
        {
          pointer: "",
          keyword: "json",
          message: error instanceof Error ? error.message : String(error),
        },
      ]);
    }
    const decoded = decodeEvent(value);
    if (!decoded.ok) {
      const unknown = decoded.errors.some(
        (error) => error.keyword === "eventType" || error.keyword === "version",
      );
      return deadLetter(payload, unknown ? "unknown-event-type" : "invalid", decoded.errors);
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
    const handler = handlers[event.eventType];
    if (handler !== undefined) await handler(event, { topic, partition, offset: message.offset });
  };
}
function eventTypeOf(value) {
  const eventType = typeof value === "object" && value !== null ? value.eventType : undefined;
  return typeof eventType === "string" ? eventType : undefined;
}
