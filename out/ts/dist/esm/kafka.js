import { decodeEventJson } from "./decode.js";
import { ContractValidationError, wireOf } from "./runtime.js";
import { cloudEventsOf, EVENT_CONTRACTS, keyOf } from "./topics.js";
import { validateEvent } from "./validators.js";
function toRecord(event, source) {
  const contract = EVENT_CONTRACTS[event.eventType];
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
        ...cloud.subject === void 0 ? {} : { ce_subject: cloud.subject },
        ce_dataschema: contract.schemaId,
        "content-type": "application/json"
      }
    }
  };
}
class BatchValidationError extends ContractValidationError {
  failures;
  constructor(failures) {
    super(
      void 0,
      failures.flatMap(
        (failure) => failure.errors.map((error) => ({ ...error, pointer: `/${failure.index}${error.pointer}` }))
      )
    );
    this.name = "BatchValidationError";
    this.message = `${failures.length} of the events break their contract; nothing was sent:
${failures.map(
      (failure) => `  #${failure.index} ${failure.eventType ?? "(no eventType)"}: ${failure.errors.map((error) => `${error.pointer || "/"} ${error.message}`).join("; ")}`
    ).join("\n")}`;
    this.failures = failures;
  }
}
function createPublisher(producer, options) {
  return {
    async publish(input) {
      const events = Array.isArray(input) ? input : [input];
      const failures = [];
      events.forEach((event, index) => {
        if (typeof event === "object" && event !== null && wireOf(event) !== void 0) return;
        const result = validateEvent(event);
        if (!result.ok)
          failures.push({ index, eventType: eventTypeOf(event), errors: result.errors });
      });
      if (failures.length > 0) throw new BatchValidationError(failures);
      const byTopic = /* @__PURE__ */ new Map();
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
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages }))
      });
    }
  };
}
function createEventHandler(handlers, options) {
  const deadLetterTopic = options.deadLetterTopic ?? ((topic) => `${topic}.dlq`);
  const maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
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
      "dlq-offset": message.offset
    });
    await options.deadLetterProducer.send({
      topic: deadLetterTopic(topic),
      messages: [{ key: message.key ?? null, value: message.value, headers }]
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
          message: `is ${size} bytes, above ${maxValueBytes}`
        }
      ]);
    const decoded = decodeEventJson(raw);
    if (!decoded.ok) {
      const document = decoded.errors.some((error) => error.keyword === "json");
      const unknown = decoded.errors.some(
        (error) => error.keyword === "eventType" || error.keyword === "version"
      );
      return deadLetter(
        payload,
        document ? "malformed-json" : unknown ? "unknown-event-type" : "invalid",
        decoded.errors
      );
    }
    const event = decoded.value;
    const expected = EVENT_CONTRACTS[event.eventType].topic;
    if (expected !== topic)
      return deadLetter(payload, "wrong-topic", [
        {
          pointer: "/eventType",
          keyword: "topic",
          message: `${event.eventType} belongs on ${expected}`
        }
      ]);
    const handler = handlers[event.eventType];
    if (handler !== void 0) await handler(event, { topic, partition, offset: message.offset });
  };
}
function eventTypeOf(value) {
  const eventType = typeof value === "object" && value !== null ? value.eventType : void 0;
  return typeof eventType === "string" ? eventType : void 0;
}
export {
  BatchValidationError,
  createEventHandler,
  createPublisher,
  toRecord
};
