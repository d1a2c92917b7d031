import { article } from "../../ir/names.js";
import { goComment, goString } from "../../code/go.js";
import { findType, latestEvents, type ContractsModel, type EventContract } from "../../ir/model.js";
import { GoImports, goField } from "./go-types.js";
import type { GoNames } from "./naming.js";
import { goGenerated } from "./envelope-file.js";
import { spokenList } from "../../ir/envelope.js";

/** `events.go`: event-type and topic constants, the sealed Event interface, and the factories. */
export function goEventsFile(model: ContractsModel, names: GoNames, packageName: string, header: string): string {
  const imports = new GoImports();
  const events = latestEvents(model);
  const typeOf = (event: EventContract): string => names.type(event.name) ?? event.name;
  const topics = [...new Set(events.map((event) => event.kafka.topic))].sort();

  const eventTypeConstants = events.map((event) => `${goComment(`${names.eventTypeConstant(event)}: ${event.description}`, "\t")}\t${names.eventTypeConstant(event)} = ${goString(event.eventType)}`);
  const topicConstants = topics.map((topic) => `\t${names.topicConstant(topic)} = ${goString(topic)}`);
  const methods = events.map((event) => {
    const goType = typeOf(event);
    const key = keyField(model, names, event);
    return `// Topic is the Kafka topic of ${event.eventType} events.
func (${goType}) Topic() string { return ${names.topicConstant(event.kafka.topic)} }

// Key is the Kafka record key of the event: its ${goString(event.kafka.key).slice(1, -1)}.
func (e ${goType}) Key() string { return ${key} }

func (${goType}) isEvent() {}
`;
  });
  const factories = events.map((event) => factory(model, names, event));
  if (methods.some((method) => method.includes("fmt.Sprint"))) imports.add("fmt");
  return `${header}
package ${packageName}

${imports.render()}
// The event types of the contracts.
const (
${eventTypeConstants.join("\n\n")}
)

// The Kafka topics of the contracts.
const (
${topicConstants.join("\n")}
)

// EventTypes lists every event type of the contracts, sorted.
var EventTypes = []string{${events.map((event) => names.eventTypeConstant(event)).join(", ")}}

// Topics maps every event type to its Kafka topic.
var Topics = map[string]string{
${events.map((event) => `\t${names.eventTypeConstant(event)}: ${names.topicConstant(event.kafka.topic)},`).join("\n")}
}

// TopicOf returns the Kafka topic of an event type, or "" for a type the contracts do not know.
func TopicOf(eventType string) string {
	return Topics[eventType]
}

// Event is implemented by every event type of the contracts, and by nothing else. Switch on the concrete
// type to handle an event:
//
//	switch e := event.(type) {
//	case ${typeOf(events[0] ?? ({} as EventContract))}:
//		...
//	}
type Event interface {
	// Topic is the Kafka topic the event is published to.
	Topic() string
	// Key is the Kafka record key of the event, so that all events of one job stay in order.
	Key() string
	isEvent()
}

${methods.join("\n")}
${factories.join("\n")}`;
}

function keyField(model: ContractsModel, names: GoNames, event: EventContract): string {
  const root = findType(model, event.name)?.type;
  const goType = names.type(event.name) ?? event.name;
  const property = root?.kind === "object" ? root.properties.find((candidate) => candidate.name === event.kafka.key) : undefined;
  if (property === undefined) return `""`;
  const field = goField(model, names, goType, property);
  return field.type === "string" ? `e.${field.name}` : `fmt.Sprint(e.${field.name})`;
}

/**
 * Go keywords, predeclared names, the factory's own locals and the package-level functions a factory calls:
 * a parameter named so gets a suffix.
 */
const GO_RESERVED: ReadonlySet<string> = new Set(
  "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var any bool byte error string int int64 float64 true false nil len cap append new make filled event options err newEnvelope".split(" "),
);


function factory(model: ContractsModel, names: GoNames, event: EventContract): string {
  const generated = goGenerated(model.envelope);
  const filledNote = generated.length === 0 ? "" : `, and, unless an option sets them, ${spokenList(generated.map((entry) => entry.property))} (${spokenList(generated.map((entry) => entry.option))})`;
  const goType = names.type(event.name) ?? event.name;
  const parts = factoryParts(model, names, event);
  if (parts === undefined) return "";
  const { parameters, fields } = parts;
  const name = names.factory(event);
  return factorySource(name, goType, parameters, fields, generated.length, `${name} creates ${article(event.eventType)} ${event.eventType} event (version ${event.version}): it fills in eventType and version${filledNote}, and validates the event against its contract. The error is a *ValidationError listing every problem.`);
}

/**
 * A factory's parameters (`name type`: the required properties the envelope does not fill in, in schema order)
 * and the fields of the struct it builds; undefined for an event that is not an object.
 */
export function factoryParts(model: ContractsModel, names: GoNames, event: EventContract): { readonly parameters: string[]; readonly fields: string[] } | undefined {
  const generated = goGenerated(model.envelope);
  const FILLED: Readonly<Record<string, string>> = Object.fromEntries(generated.map((entry) => [entry.property, `filled.${entry.field}`]));
  const goType = names.type(event.name) ?? event.name;
  const root = findType(model, event.name)?.type;
  if (root?.kind !== "object") return undefined;
  const parameters: string[] = [];
  const fields: string[] = [];
  // Parameters that keep their own name are claimed first, so that a suffixed one never takes a property's name.
  const taken = new Set<string>(
    root.kind === "object"
      ? root.properties.map((property) => goField(model, names, goType, property).name).map((name) => name.charAt(0).toLowerCase() + name.slice(1)).filter((name) => !GO_RESERVED.has(name))
      : [],
  );
  for (const property of root.properties) {
    const field = goField(model, names, goType, property);
    if (property.name === "eventType") fields.push(`${field.name}: ${names.eventTypeConstant(event)},`);
    else if (property.name === "version") fields.push(`${field.name}: ${event.version},`);
    else if (property.name in FILLED) fields.push(`${field.name}: ${FILLED[property.name] ?? ""},`);
    else if (property.required) {
      const lowered = field.name.charAt(0).toLowerCase() + field.name.slice(1);
      // A reserved name gets a suffix (`type` becomes typeValue, or typeParam when a property typeValue takes it).
      let parameter = lowered;
      if (GO_RESERVED.has(lowered)) {
        parameter = [`${lowered}Value`, `${lowered}Param`].find((candidate) => !taken.has(candidate) && !GO_RESERVED.has(candidate)) ?? `${lowered}Param`;
        for (let count = 2; taken.has(parameter); count++) parameter = `${lowered}Param${count}`;
        taken.add(parameter);
      }
      parameters.push(`${parameter} ${field.type}`);
      fields.push(`${field.name}: ${parameter},`);
    }
  }
  return { parameters, fields };
}

function factorySource(name: string, goType: string, parameters: readonly string[], fields: readonly string[], filledCount: number, comment: string): string {
  return `${goComment(comment)}func ${name}(${[...parameters, "options ...Option"].join(", ")}) (${goType}, error) {
	${filledCount === 0 ? "_ = newEnvelope(options)" : "filled := newEnvelope(options)"}
	event := ${goType}{
		${fields.join("\n\t\t")}
	}
	if err := ValidateEvent(event); err != nil {
		return ${goType}{}, err
	}
	return event, nil
}
`;
}
