import { Document, Scalar, visit } from "yaml";
import { INVISIBLE, hex } from "../../code/invisible.js";
import type { Config } from "../../config.js";
import { findType, latestEvents, resolveType, type ContractsModel, type EventContract } from "../../ir/model.js";
import { spokenList } from "../../ir/envelope.js";
import { identifierWords } from "../../ir/names.js";
import { componentSchemas } from "./json-schema.js";

/**
 * Words as an identifier for AsyncAPI keys, each word capitalised and nothing more (`api-gateway` ->
 * `ApiGateway`, not Go's `APIGateway`, whose camelCase would read `aPIGateway`).
 */
function pascal(text: string): string {
  return identifierWords(text.toLowerCase()).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("") || "X";
}

/** camelCase, e.g. `text-jobs` -> `textJobs`, `api-gateway` -> `apiGateway`. */
function camel(text: string): string {
  const name = pascal(text);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The channel id of each topic: its camelCase, with a number when two topics make the same one (`a.b` and
 * `a-b`), so that no channel or operation overwrites another.
 */
function channelIds(topics: readonly string[]): ReadonlyMap<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const topic of topics) {
    let id = camel(topic);
    for (let count = 2; taken.has(id); count++) id = `${camel(topic)}${count}`;
    taken.add(id);
    ids.set(topic, id);
  }
  return ids;
}

/** The CloudEvents headers (Kafka protocol binding, binary mode), each read from the envelope property it names. */
function headersSchema(model: ContractsModel): Record<string, unknown> {
  const { id, time, subject } = model.envelope.cloudEvents;
  const string = (name: string, description: string): Record<string, unknown> => ({ type: "string", ...formatOf(model, name), description });
  return {
    type: "object",
    description: "CloudEvents Kafka protocol binding, binary mode: the event's attributes as ce_* headers.",
    properties: {
      ce_specversion: { type: "string", const: "1.0", description: "CloudEvents specification version." },
      ce_id: string(id, `The event's ${id}.`),
      ce_type: { type: "string", description: "The event's eventType." },
      ce_source: { type: "string", description: "The service that produced the event." },
      ce_time: string(time, `The event's ${time}.`),
      ...(subject === undefined ? {} : { ce_subject: string(subject, `The event's ${subject}.`) }),
      ce_dataschema: { type: "string", format: "uri", description: "The $id of the event's schema." },
      "content-type": { type: "string", const: "application/json", description: "The value is the JSON envelope." },
    },
    required: ["ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type"],
  };
}

/** `{ format }` of an envelope property when every event declares it as a string of one format, else nothing. */
function formatOf(model: ContractsModel, name: string): { readonly format?: string } {
  const formats = new Set(
    latestEvents(model).map((event) => {
      const root = findType(model, event.name)?.type;
      const property = root?.kind === "object" ? root.properties.find((candidate) => candidate.name === name) : undefined;
      const type = property === undefined ? undefined : resolveType(model, property.type);
      return type?.kind === "string" ? type.format : undefined;
    }),
  );
  const [format] = [...formats];
  return formats.size === 1 && format !== undefined ? { format } : {};
}

/**
 * `asyncapi.yaml`: an AsyncAPI 3.0 document of the contracts. One channel per topic, one message per event
 * version (payload from the contracts, headers from the Kafka mapping, the record key in the Kafka message
 * binding), and a send or receive operation per service and topic from `x-kafka`.
 */
export function asyncApiDocument(model: ContractsModel, config: Config, version: string): string {
  const topics = [...new Set(model.events.map((event) => event.kafka.topic))].sort();
  const ids = channelIds(topics);
  const channelOf = (topic: string): string => ids.get(topic) ?? camel(topic);
  const messageName = (event: EventContract): string => event.name;
  const channels = Object.fromEntries(
    topics.map((topic) => {
      const carried = model.events.filter((event) => event.kafka.topic === topic);
      return [
        channelOf(topic),
        {
          address: topic,
          title: topic,
          description: `Carries ${[...new Set(carried.map((event) => event.eventType))].join(", ")}; the record key is the ${spokenList([...new Set(carried.map((event) => event.kafka.key))].sort())}.`,
          messages: Object.fromEntries(carried.map((event) => [messageName(event), { $ref: `#/components/messages/${messageName(event)}` }])),
          bindings: { kafka: { topic, bindingVersion: "0.5.0" } },
        },
      ];
    }),
  );
  const operations: Record<string, unknown> = {};
  for (const topic of topics) {
    const carried = model.events.filter((event) => event.kafka.topic === topic);
    const latest = latestEvents(model).filter((event) => event.kafka.topic === topic);
    const services = (role: "producers" | "consumers"): string[] => [...new Set(latest.flatMap((event) => event.kafka[role]))].sort();
    for (const [action, list] of [["send", services("producers")], ["receive", services("consumers")]] as const) {
      for (const service of list) {
        const messages = action === "send" ? latest : carried;
        const channel = channelOf(topic);
        operations[`${camel(service)}${action === "send" ? "Sends" : "Receives"}${channel.charAt(0).toUpperCase()}${channel.slice(1)}`] = {
          action,
          title: `${service} ${action === "send" ? "publishes to" : "consumes"} ${topic}`,
          channel: { $ref: `#/channels/${channel}` },
          messages: messages.map((event) => ({ $ref: `#/channels/${channel}/messages/${messageName(event)}` })),
          tags: [{ name: service }],
        };
      }
    }
  }
  const messages = Object.fromEntries(
    model.events.map((event) => [
      messageName(event),
      {
        name: event.eventType,
        title: `${event.title} (version ${event.version})`,
        summary: event.description,
        contentType: "application/json",
        headers: { $ref: "#/components/schemas/CloudEventsHeaders" },
        payload: { $ref: `#/components/schemas/${event.name}` },
        bindings: { kafka: { key: { type: "string", ...formatOf(model, event.kafka.key), description: `The ${event.kafka.key}: all events with one ${event.kafka.key} share a partition, in order.` }, bindingVersion: "0.5.0" } },
        examples: event.examples.slice(0, 2).map((example, index) => ({ name: `example${index + 1}`, summary: `Example ${index + 1} from the schema.`, payload: example })),
      },
    ]),
  );
  const document = {
    asyncapi: "3.0.0",
    info: {
      title: config.title,
      version,
      description: `The Kafka events of the platform, generated by event-contracts from the canonical JSON Schemas. ${config.typescript.description}`,
      license: { name: "UNLICENSED" },
      ...(config.contact === undefined ? {} : { contact: config.contact }),
      tags: [...new Set(latestEvents(model).flatMap((event) => [...event.kafka.producers, ...event.kafka.consumers]))].sort().map((service) => ({ name: service, description: `Operations of ${service}.` })),
    },
    defaultContentType: "application/json",
    servers: { local: { host: "127.0.0.1:9092", protocol: "kafka", description: "A broker on this machine, for development." } },
    channels,
    operations,
    components: { messages, schemas: { CloudEventsHeaders: headersSchema(model), ...componentSchemas(model) } },
  };
  // No block scalars: they normalize line breaks (\r\n would read back as \n); quoted strings keep every character.
  // Written for YAML 1.1 and 1.2 readers alike (PyYAML reads 1.1): strings that 1.1 would read as another
  // type (2026-11-27, yes, on, 012, 1:20) are quoted by the 1.1 schema, and so are "=" and "<<", which 1.1
  // gives meanings of their own. 1.1 treats U+0085, U+2028 and U+2029 as line breaks and refuses other
  // controls: a string holding any of them, or an invisible character, is double-quoted with each escaped.
  const yaml = new Document(document, { aliasDuplicateObjects: false, schema: "yaml-1.1" });
  visit(yaml, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && (NEEDS_ESCAPE.test(node.value) || node.value === "=" || node.value === "<<")) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return yaml
    .toString({ lineWidth: 0, blockQuote: false })
    .replace(NEEDS_ESCAPE_ALL, (character) => `\\u${hex(character)}`)
    .replace(EXPONENT_WITHOUT_POINT, "$1$2.0$3");
}

/**
 * A number in exponent form without a decimal point (1e+21, as JavaScript writes it), alone as a plain
 * value: YAML 1.1 reads it as a string unless it has one (1.0e+21), YAML 1.2 reads both as the number.
 */
const EXPONENT_WITHOUT_POINT = /^(\s*(?:- )*(?:(?:"(?:[^"\\]|\\.)*"|[^\s"#-][^\n]*?): )?)(-?[0-9]+)(e[+-][0-9]+)$/gm;

/** Characters written only as escapes: line separators some YAML readers break lines at, and invisible ones. */
const NEEDS_ESCAPE = new RegExp(`[\u0085\u2028\u2029]|${INVISIBLE.source}`, "u");
const NEEDS_ESCAPE_ALL = new RegExp(NEEDS_ESCAPE.source, "gu");
