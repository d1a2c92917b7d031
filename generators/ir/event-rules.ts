import type { LoadedSchema } from "../schema/load.js";
import type { Envelope } from "./envelope.js";
import type { EventContract, KafkaBinding, TypeNode } from "./model.js";

type Report = (pointer: string, code: string, message: string) => void;

export const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;
export const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const EVENT_TYPE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * The project's rules for an event schema: the envelope every event carries, its Kafka binding and its
 * examples. Returns the event's contract when the rules hold.
 */
export function lintEvent(
  schema: LoadedSchema,
  root: Readonly<Record<string, unknown>>,
  name: string,
  type: TypeNode,
  latest: boolean,
  envelope: Envelope,
  /** Follows references to the named types made so far (every `$defs` entry); undefined for an unknown one. */
  resolve: (type: TypeNode) => TypeNode | undefined,
  report: Report,
): EventContract | undefined {
  if (type.kind !== "object") {
    report("", "EVENT_NOT_OBJECT", `an event schema must describe an object ("type": "object")`);
    return undefined;
  }
  const description = root["description"];
  if (typeof description !== "string" || description.trim() === "") {
    report("", "MISSING_DESCRIPTION", `an event schema needs a "description" saying when it is emitted and by whom`);
  }
  let ok = true;
  // A property the schema declares and requires but the model lacks failed to convert (a broken $ref, say),
  // which was reported where it failed: no second, follow-on error here.
  const declared = isRecord(root["properties"]) ? root["properties"] : {};
  const requiredNames = Array.isArray(root["required"]) ? root["required"] : [];
  for (const name of envelope.properties) {
    const property = type.properties.find((candidate) => candidate.name === name);
    if (property === undefined && Object.hasOwn(declared, name) && requiredNames.includes(name)) {
      ok = false;
      continue;
    }
    if (property === undefined || !property.required) {
      report("/required", "ENVELOPE", `every event must declare and require "${name}" (envelope: ${envelope.properties.join(", ")})`);
      ok = false;
    }
  }
  // The record key and the CloudEvents attributes are text on the wire (a key, a header): strings, in every language alike.
  const { id, time, subject } = envelope.cloudEvents;
  for (const name of new Set([envelope.key, id, time, ...(subject === undefined ? [] : [subject])])) {
    const property = type.properties.find((candidate) => candidate.name === name);
    const resolved = property === undefined ? undefined : resolve(property.type);
    if (resolved !== undefined && !isText(resolved)) {
      report(`/properties/${name}`, "ENVELOPE", `"${name}" must be a string: the envelope's record key and CloudEvents attributes are written as text`);
      ok = false;
    }
  }
  const eventType = type.properties.find((property) => property.name === "eventType")?.type;
  if (eventType !== undefined && !(eventType.kind === "const" && typeof eventType.value === "string" && EVENT_TYPE.test(eventType.value))) {
    report("/properties/eventType", "ENVELOPE", `"eventType" must be a "const" UPPER_SNAKE_CASE string, e.g. "TEXT_JOB_REQUESTED"`);
    ok = false;
  }
  const version = type.properties.find((property) => property.name === "version")?.type;
  if (version !== undefined && !(version.kind === "const" && typeof version.value === "number" && Number.isInteger(version.value) && version.value >= 1)) {
    report("/properties/version", "ENVELOPE", `"version" must be a "const" whole number, starting at 1`);
    ok = false;
  }
  const kafka = lintKafka(root["x-kafka"], type.properties.filter((p) => p.required).map((p) => p.name), envelope.key, report);
  const examples = root["examples"];
  if (!Array.isArray(examples) || examples.length < 2) {
    report("/examples", "EXAMPLES", `an event schema needs at least two "examples": they document the event and feed the tests`);
    ok = false;
  }
  if (!ok || kafka === undefined || eventType?.kind !== "const" || version?.kind !== "const") return undefined;
  return {
    eventType: String(eventType.value),
    version: Number(version.value),
    latest,
    name,
    title: String(root["title"]),
    description: typeof description === "string" ? description : "",
    kafka,
    schemaFile: schema.file,
    schemaId: String(root["$id"]),
    examples: examples as unknown[],
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string, an enum of strings or a string constant. */
function isText(type: TypeNode): boolean {
  return type.kind === "string" || type.kind === "enum" || (type.kind === "const" && typeof type.value === "string");
}

function lintKafka(value: unknown, requiredProperties: readonly string[], defaultKey: string, report: Report): KafkaBinding | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report("/x-kafka", "KAFKA_BINDING", `"x-kafka" must be an object { topic, key?, producers, consumers }`);
    return undefined;
  }
  const binding = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(binding)) {
    if (!["topic", "key", "producers", "consumers"].includes(key)) {
      report(`/x-kafka/${key}`, "KAFKA_BINDING", `unknown "x-kafka" field "${key}"; the fields are topic, key, producers, consumers`);
      ok = false;
    }
  }
  const { topic, key = defaultKey, producers, consumers } = binding;
  if (typeof topic !== "string" || !TOPIC_NAME.test(topic) || topic === "." || topic === "..") {
    report("/x-kafka/topic", "KAFKA_BINDING", `"x-kafka.topic" must be a Kafka topic name (letters, digits, ".", "_", "-"; at most 249)`);
    ok = false;
  }
  if (typeof key !== "string" || !requiredProperties.includes(key)) {
    report(binding["key"] === undefined ? "/x-kafka" : "/x-kafka/key", "KAFKA_BINDING", `"x-kafka.key" must name a required top-level property (the envelope's key, "${defaultKey}", when left out)`);
    ok = false;
  }
  const services = (field: string, list: unknown): readonly string[] | undefined => {
    if (!Array.isArray(list) || list.length === 0 || !list.every((entry) => typeof entry === "string" && SERVICE_NAME.test(entry))) {
      report(`/x-kafka/${field}`, "KAFKA_BINDING", `"x-kafka.${field}" must list at least one service name in kebab-case, e.g. "api-gateway"`);
      return undefined;
    }
    return [...(list as string[])];
  };
  const producerList = services("producers", producers);
  const consumerList = services("consumers", consumers);
  if (!ok || producerList === undefined || consumerList === undefined) return undefined;
  return { topic: topic as string, key: key as string, producers: producerList, consumers: consumerList };
}

/**
 * The JSON Schema of an event contract as the toolkit reads it (event-contract.schema.json): a JSON Schema
 * 2020-12 document with the `x-kafka` annotation, so that editors complete and check the annotation. The
 * patterns are the lint's own.
 */
export function eventContractJsonSchema(): Record<string, unknown> {
  const services = { type: "array", minItems: 1, items: { type: "string", pattern: SERVICE_NAME.source }, description: "Service names in kebab-case, e.g. api-gateway." };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://event-contracts.dev/event-contract.schema.json",
    title: "An event contract",
    description: "A JSON Schema 2020-12 document of one event, with its Kafka binding in x-kafka (see TOOLKIT.md, The schema subset).",
    allOf: [{ $ref: "https://json-schema.org/draft/2020-12/schema" }],
    properties: {
      "x-kafka": {
        type: "object",
        additionalProperties: false,
        required: ["topic", "producers", "consumers"],
        description: "Where the event travels and who talks about it.",
        properties: {
          topic: { type: "string", pattern: TOPIC_NAME.source, not: { enum: [".", ".."] }, description: "The Kafka topic: letters, digits, '.', '_', '-'; at most 249." },
          key: { type: "string", description: "The required top-level property used as the record key; the envelope's key when left out." },
          producers: { ...services, description: "The services that emit the event." },
          consumers: { ...services, description: "The services that consume the event." },
        },
      },
    },
  };
}
