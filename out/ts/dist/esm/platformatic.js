const PRODUCER_OPTIONS = {
  acks: -1,
  compression: "none"
};
const CONSUME_OPTIONS = { autocommit: false, mode: "committed", fallbackMode: "earliest" };
function producerOf(producer) {
  const send = (batches) => producer.send({
    messages: batches.flatMap(
      ({ topic, messages }) => messages.map((message) => outgoingOf(topic, message))
    )
  });
  return {
    send: (record) => send([record]),
    sendBatch: ({ topicMessages = [] }) => send(topicMessages)
  };
}
function receivedOf(message) {
  const headers = {};
  for (const [name, value] of message.headers) {
    if (name === void 0 || value === void 0) continue;
    const key = typeof name === "string" ? name : utf8.decoder.decode(name);
    const previous = headers[key];
    headers[key] = previous === void 0 ? value : [
      ...typeof previous === "string" || previous instanceof Uint8Array ? [previous] : previous,
      value
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
      timestamp: String(message.timestamp)
    }
  };
}
async function consume(stream, handle, options = {}) {
  const interval = options.commitIntervalMs ?? 1e3;
  const handled = /* @__PURE__ */ new Map();
  const commit = async () => {
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
    await commit().catch(() => void 0);
    throw error;
  }
  await commit();
}
function outgoingOf(topic, message) {
  const headers = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === void 0) continue;
    const values = typeof value === "string" || value instanceof Uint8Array ? [value] : value;
    for (const one of values) headers.set(bufferOf(name), bufferOf(one));
  }
  return {
    topic,
    ...message.key === null || message.key === void 0 ? {} : { key: bufferOf(message.key) },
    ...message.value === null ? {} : { value: bufferOf(message.value) },
    headers
  };
}
const platform = globalThis;
const utf8 = { decoder: new platform.TextDecoder() };
function bufferOf(data) {
  return platform.Buffer.from(data);
}
export {
  CONSUME_OPTIONS,
  PRODUCER_OPTIONS,
  consume,
  producerOf,
  receivedOf
};
