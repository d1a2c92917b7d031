import { docComment, join, literal, objectKey, propertyName, ts } from "../../code/typescript.js";
import { compareText, ContractProblemsError } from "../../problems.js";
import { latestEvents, type ContractsModel } from "../../ir/model.js";
import { upperSnakeCase } from "../../ir/names.js";
import { generatedHeader } from "./header.js";
import { spokenList } from "../../ir/envelope.js";
import type { TypeScriptNames } from "./naming.js";

/** `src/topics.ts`: topic and event-type constants, the contract metadata, and routing helpers. */
export function topicsFile(model: ContractsModel, names: TypeScriptNames): string {
  const events = latestEvents(model);
  const first = events[0];
  if (first === undefined) throw new Error("internal error: no events");
  const { cloudEvents } = model.envelope;
  const topics = [...new Set(events.map((event) => event.kafka.topic))].sort(compareText);
  const topicConstants = new Map<string, string>();
  for (const topic of topics) {
    const constant = upperSnakeCase(topic);
    const other = topicConstants.get(constant);
    if (other !== undefined || !/^[A-Z]/.test(constant)) {
      const event = events.find((candidate) => candidate.kafka.topic === topic);
      throw new ContractProblemsError([{ code: "NAME_COLLISION", file: event?.schemaFile ?? "", pointer: "/x-kafka/topic", message: `topic "${topic}" makes the constant TOPICS.${constant}${other === undefined ? ", which is not an identifier" : `, like topic "${other}"`}; rename the topic` }]);
    }
    topicConstants.set(constant, topic);
  }
  const topicEntries = topics.map((topic) => {
    const carried = events.filter((event) => event.kafka.topic === topic).map((event) => event.eventType);
    return join([docComment([`Carries ${carried.join(", ")}.`]), ts`${objectKey(upperSnakeCase(topic))}: ${topic},`]);
  });
  const eventTypeEntries = events.map((event) => join([docComment([event.description]), ts`${objectKey(event.eventType)}: ${event.eventType},`]));
  const contractEntries = events.map((event) => {
    const info = {
      eventType: event.eventType,
      version: event.version,
      versions: model.events.filter((candidate) => candidate.eventType === event.eventType).map((candidate) => candidate.version),
      topic: event.kafka.topic,
      key: event.kafka.key,
      producers: event.kafka.producers,
      consumers: event.kafka.consumers,
      schema: event.schemaFile,
      schemaId: event.schemaId,
    };
    return ts`${objectKey(event.eventType)}: ${literal(info)},`;
  });
  const topicMapEntries = topics.map((topic) => {
    const carried = events.filter((event) => event.kafka.topic === topic).map((event) => ts`${names.type(event.name)}`);
    return ts`readonly ${propertyName(topic)}: ${join(carried, " | ")};`;
  });
  const keyCases = events.map((event) => ts`case ${event.eventType}:
      return String(event[${event.kafka.key}]);`);
  const typeImports = ["ContractEvent", "EventType", ...events.map((event) => event.name)].sort();
  return join([
    generatedHeader(model),
    ts`import type { ${join(typeImports.map((name) => ts`${names.type(name)}`), ", ")} } from "./types.js";`,
    join([
      docComment(["The Kafka topic of each event stream."], ["@example", `await producer.send({ topic: TOPICS.${upperSnakeCase(first.kafka.topic)}, messages });`]),
      ts`export const TOPICS = {
${join(topicEntries)}
} as const;`,
    ]),
    join([docComment(["A Kafka topic of the contracts."]), ts`export type Topic = (typeof TOPICS)[keyof typeof TOPICS];`]),
    join([docComment(["Every event type's identifier."]), ts`export const EVENT_TYPES = {
${join(eventTypeEntries)}
} as const;`]),
    join([
      docComment(["What the contracts say about one event type: where it goes and who talks about it."]),
      ts`export interface EventContractInfo {
  readonly eventType: EventType;
  /** Current version of the event's schema: what producers publish. */
  readonly version: number;
  /** Every version consumers may receive, oldest first; decodeEvent upcasts them all to the current one. */
  readonly versions: readonly number[];
  readonly topic: Topic;
  /** The envelope property used as the Kafka record key. */
  readonly key: string;
  /** Services that emit the event. */
  readonly producers: readonly string[];
  /** Services that consume the event. */
  readonly consumers: readonly string[];
  /** The schema file, also exported as the package subpath \`<package>/<schema>\`. */
  readonly schema: string;
  /** The schema's \`$id\`. */
  readonly schemaId: string;
}`,
    ]),
    join([docComment(["The contract metadata of every event type, from the schemas' `x-kafka` annotations."]), ts`export const EVENT_CONTRACTS = {
${join(contractEntries)}
} as const;`]),
    join([docComment(["Each topic mapped to the events it carries."]), ts`export interface TopicEventMap {
${join(topicMapEntries)}
}`]),
    join([docComment(["The events a topic carries."]), ts`export type EventOfTopic<T extends Topic> = TopicEventMap[T];`]),
    join([
      docComment(["The Kafka topic an event type is published to."], ["@example", `topicOf(${JSON.stringify(first.eventType)}); // ${JSON.stringify(first.kafka.topic)}`]),
      ts`export function topicOf<T extends EventType>(eventType: T): (typeof EVENT_CONTRACTS)[T]["topic"] {
  const contract: EventContractInfo | undefined = (EVENT_CONTRACTS as Readonly<Record<string, EventContractInfo>>)[eventType];
  if (contract === undefined) throw new TypeError("unknown event type: " + String(eventType));
  return contract.topic as (typeof EVENT_CONTRACTS)[T]["topic"];
}`,
    ]),
    join([
      docComment([`The Kafka record key of an event (its ${spokenList([...new Set(events.map((event) => event.kafka.key))].sort(compareText).map((key) => `\`${key}\``))}), so that all events with one key land in one partition, in order.`], ["@example", "await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });"]),
      ts`export function keyOf(event: ContractEvent): string {
  switch (event.eventType) {
    ${join(keyCases)}
  }
}`,
    ]),
    join([
      docComment([`The CloudEvents attributes an event's envelope gives its record (binary mode): \`ce_id\` from \`${cloudEvents.id}\`, \`ce_time\` from \`${cloudEvents.time}\`${cloudEvents.subject === undefined ? "; the contracts name no subject" : `, \`ce_subject\` from \`${cloudEvents.subject}\``}.`]),
      ts`export function cloudEventsOf(event: ContractEvent): { readonly id: string; readonly time: string; readonly subject?: string } {
  return { id: String(event[${cloudEvents.id}]), time: String(event[${cloudEvents.time}])${cloudEvents.subject === undefined ? ts`` : ts`, subject: String(event[${cloudEvents.subject}])`} };
}`,
    ]),
    ts``,
  ], "\n\n").text;
}
