import { decodeEventJson } from "./decode.js";
import { ContractValidationError, wireOf } from "./runtime.js";
import { cloudEventsOf, EVENT_CONTRACTS, keyOf } from "./topics.js";
import { validateEvent } from "./validators.js";
function toRecord(event, source, trace) {
  const contract = EVENT_CONTRACTS[event.eventType];
  const cloud = cloudEventsOf(event);
  if (trace?.traceparent !== void 0 && !TRACEPARENT.test(trace.traceparent)) {
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
        ...cloud.subject === void 0 ? {} : { ce_subject: cloud.subject },
        ce_dataschema: contract.schemaId,
        "content-type": "application/json",
        ...trace?.traceparent === void 0 ? {} : { traceparent: trace.traceparent },
        ...trace?.traceparent === void 0 || trace.tracestate === void 0 ? {} : { tracestate: trace.tracestate }
      }
    }
  };
}
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
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
    async publish(input, trace) {
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
        const record = toRecord(event, options.source, trace);
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
  const deadLetterMaxBytes = options.deadLetterMaxBytes ?? 9e5;
  const deadLetter = async (payload, reason, errors) => {
    const { topic, partition, message } = payload;
    const headers = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== void 0) headers[name] = value;
    }
    Object.assign(headers, {
      "dlq-reason": reason,
      "dlq-errors": JSON.stringify(errors.slice(0, 50)),
      "dlq-topic": topic,
      "dlq-partition": String(partition),
      "dlq-offset": message.offset,
      ...message.timestamp === void 0 ? {} : { "dlq-timestamp": message.timestamp }
    });
    const bytes = bytesOf(message.value);
    const send = async (limit) => {
      const cut = bytes !== void 0 && bytes.byteLength > limit;
      const truncation = cut ? {
        "dlq-value-truncated": "true",
        "dlq-value-size": String(bytes.byteLength),
        "dlq-value-sha256": await sha256(bytes)
      } : {};
      await options.deadLetterProducer.send({
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key ?? null,
            value: cut ? bytes.subarray(0, limit) : message.value,
            headers: { ...headers, ...truncation }
          }
        ]
      });
    };
    try {
      await send(deadLetterMaxBytes);
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      await send(1024);
    }
  };
  const contextOf = (payload, attempt) => {
    const { topic, partition, message } = payload;
    const headers = textHeaders(message.headers);
    const first = (name) => {
      const value = headers[name];
      return typeof value === "string" ? value : value?.[0];
    };
    return {
      topic,
      partition,
      offset: message.offset,
      key: message.key === null || message.key === void 0 ? void 0 : textOf(message.key),
      headers,
      timestamp: message.timestamp,
      traceparent: first("traceparent"),
      tracestate: first("tracestate"),
      attempt
    };
  };
  const retry = options.retry === false ? void 0 : options.retry ?? {};
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
          message: `is ${size} bytes, above ${maxValueBytes}`
        }
      ]);
    const decoded = decodeEventJson(raw);
    if (!decoded.ok) {
      const document = decoded.errors.some((error) => error.keyword === "json");
      const unknownType = decoded.errors.some((error) => error.keyword === "eventType");
      const unknownVersion = decoded.errors.some((error) => error.keyword === "version");
      return deadLetter(
        payload,
        document ? "malformed-json" : unknownType ? "unknown-event-type" : unknownVersion ? "unknown-version" : "invalid",
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
    if (handler === void 0) {
      await options.onUnhandled?.(event, contextOf(payload, 1));
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event, contextOf(payload, attempt));
        return;
      } catch (error) {
        if (retry === void 0) throw error;
        if (attempt >= attempts) {
          const said = error instanceof Error ? error.message : String(error);
          return deadLetter(payload, "handler-failed", [
            {
              pointer: "",
              keyword: "handler",
              message: `failed ${attempts} ${attempts === 1 ? "time" : "times"}, last: ${said}`
            }
          ]);
        }
        const wait = Math.min(
          (retry.backoffMs ?? 100) * 2 ** (attempt - 1),
          retry.maxBackoffMs ?? 5e3
        );
        await payload.heartbeat?.();
        await new Promise((resolve) => platform.setTimeout(resolve, wait));
      }
    }
  };
}
function createBatchHandler(handlers, options) {
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
const platform = globalThis;
const utf8 = { encoder: new platform.TextEncoder(), decoder: new platform.TextDecoder() };
function bytesOf(value) {
  if (value === null) return void 0;
  return typeof value === "string" ? utf8.encoder.encode(value) : value;
}
function textOf(value) {
  return typeof value === "string" ? value : utf8.decoder.decode(value);
}
function textHeaders(headers) {
  const result = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === void 0) continue;
    result[name] = typeof value === "string" || value instanceof Uint8Array ? textOf(value) : value.map(textOf);
  }
  return result;
}
async function sha256(bytes) {
  const digest = await platform.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
function isTooLarge(error, depth = 0) {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const { type, apiId, message, errors, cause } = error;
  if ([type, apiId].some((id) => id === "MESSAGE_TOO_LARGE" || id === "RECORD_LIST_TOO_LARGE"))
    return true;
  if (typeof message === "string" && /too large/i.test(message)) return true;
  const nested = Array.isArray(errors) ? errors : [];
  return [...nested, cause].some((inner) => isTooLarge(inner, depth + 1));
}
function eventTypeOf(value) {
  const eventType = typeof value === "object" && value !== null ? value.eventType : void 0;
  return typeof eventType === "string" ? eventType : void 0;
}
export {
  BatchValidationError,
  createBatchHandler,
  createEventHandler,
  createPublisher,
  toRecord
};
