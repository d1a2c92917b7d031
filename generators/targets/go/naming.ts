import { goExported, isTaggable } from "../../code/go.js";
import { latestEvents, resolveType, type ContractsModel, type EventContract, type NamedType, type Property, type TypeNode } from "../../ir/model.js";
import { upperSnakeCase } from "../../ir/names.js";
import { goGenerated } from "./envelope-file.js";
import { ContractProblemsError, type Problem } from "../../problems.js";

/** Package-level names of the static Go files (templates/go); a schema name that makes one is refused. */
const STATIC_NAMES = [
  "Event", "Decode", "Validate", "Header", "Record", "ToRecord", "FromRecord", "ValidateTolerant", "ValidateEvent", "Upcast", "renameProperty", "defaultProperty", "upcastSteps", "ValidationError", "FieldError", "Option", "Nullable", "Some", "Null", "EventTypes", "Topics", "TopicOf", "MaxDepth",
  // consume.go and handlers.go: the Kafka publisher and event handler
  "TraceContext", "SendFunc", "ErrRecordTooLarge", "BatchFailure", "BatchValidationError", "Publisher", "NewPublisher", "ReceivedRecord", "MessageContext", "DeadLetterReason", "ReasonEmpty", "ReasonTooLarge", "ReasonMalformedJSON", "ReasonUnknownEventType", "ReasonUnknownVersion", "ReasonInvalid", "ReasonWrongTopic", "ReasonHandlerFailed", "RetryPolicy", "HandlerOptions", "EventHandler", "NewEventHandler", "Handlers", "callHandler", "reasonOf", "contextOf", "replaced", "errorsJSON", "writeJSONText", "eventTypeOfEvent", "traceparentPattern",
];

/** The Go identifiers of the contracts: one pass, every collision reported with where it comes from. */
export interface GoNames {
  /** The Go type of a named object, enum or union; undefined for scalars, which are inlined. */
  type(name: string): string | undefined;
  /** The named Go type made for an enum written inline in a property. */
  inlineEnum(structName: string, property: string): string;
  field(structName: string, property: string): string;
  /** Whether every property of the struct can be named in a json struct tag (otherwise it marshals itself). */
  taggable(structName: string): boolean;
  enumConstant(typeName: string, value: string): string | undefined;
  eventTypeConstant(event: EventContract): string;
  topicConstant(topic: string): string;
  factory(event: EventContract): string;
}

export function nameGo(model: ContractsModel): GoNames {
  const problems: Problem[] = [];
  const owners = new Map<string, string>([...STATIC_NAMES, ...goGenerated(model.envelope).map((entry) => entry.option)].map((name) => [name, "the generated package itself"]));
  const claim = (identifier: string | undefined, origin: NamedType["origin"], what: string): string => {
    const fail = (message: string): string => {
      problems.push({ code: "NAME_COLLISION", file: origin.file, pointer: origin.pointer, message });
      return "Invalid";
    };
    if (identifier === undefined) return fail(`${what} makes no Go identifier (it needs a letter or digit, and must not start with a digit); rename it`);
    const previous = owners.get(identifier);
    if (previous !== undefined) return fail(`${what} makes the Go name ${identifier}, which ${previous} already uses; rename one of them`);
    owners.set(identifier, `${origin.file}#${origin.pointer}`);
    return identifier;
  };

  const types = new Map<string, string>();
  const inlineEnums = new Map<string, string>();
  const fields = new Map<string, string>();
  const untaggable = new Set<string>();
  const enumConstants = new Map<string, string>();

  for (const named of model.types) {
    if (named.type.kind === "object" || named.type.kind === "union" || named.type.kind === "enum") {
      types.set(named.name, claim(goExported(named.name), named.origin, `type ${named.name}`));
    }
  }
  for (const named of model.types) {
    const goType = types.get(named.name);
    if (goType === undefined) continue;
    if (named.type.kind === "union") claim(`${goType}Variant`, named.origin, `type ${named.name}`);
    if (named.type.kind === "enum") nameEnumValues(goType, named.type.values, named.origin);
    if (named.type.kind !== "object") continue;
    // Methods the struct will have: Topic and Key on events, MarshalJSON and UnmarshalJSON on a struct that
    // marshals itself (a property name a json tag cannot hold).
    const methods = [...(isEvent(model, named.name) ? ["Topic", "Key"] : []), ...(named.type.properties.some((property) => !isTaggable(property.name)) ? ["MarshalJSON", "UnmarshalJSON"] : [])];
    const inStruct = new Map<string, string>(methods.map((method) => [method, "a method"]));
    for (const property of named.type.properties) {
      if (!isTaggable(property.name)) untaggable.add(goType);
      const field = goExported(property.name);
      const where = `property "${property.name}" of ${named.name}`;
      if (field === undefined) {
        problems.push({ code: "NAME_COLLISION", file: property.origin.file, pointer: property.origin.pointer, message: `${where} makes no Go field name; rename the property` });
        continue;
      }
      const previous = inStruct.get(field);
      if (previous !== undefined) {
        problems.push({ code: "NAME_COLLISION", file: property.origin.file, pointer: property.origin.pointer, message: `${where} makes the Go field ${goType}.${field}, like ${previous}; rename one of them` });
        continue;
      }
      inStruct.set(field, `property "${property.name}"`);
      fields.set(`${goType}.${property.name}`, field);
      const inline = inlineEnumOf(property);
      if (inline !== undefined) {
        const enumName = claim(`${goType}${field}`, property.origin, `the enum of ${where}`);
        inlineEnums.set(`${goType}.${property.name}`, enumName);
        nameEnumValues(enumName, inline, property.origin);
      }
    }
  }
  for (const event of latestEvents(model)) {
    const origin = { file: event.schemaFile, pointer: "/properties/eventType" };
    claim(`EventType${goExported(event.eventType.toLowerCase().replace(/_/g, " ")) ?? ""}`, origin, `eventType ${event.eventType}`);
    claim(`New${types.get(event.name) ?? event.name}`, { file: event.schemaFile, pointer: "" }, `event ${event.name}`);
  }
  for (const event of model.events.filter((candidate) => candidate.upcast !== undefined)) {
    const previous = model.events.find((candidate) => candidate.eventType === event.eventType && candidate.version === event.upcast?.from);
    claim(`step${types.get(previous?.name ?? "") ?? ""}`, { file: event.schemaFile, pointer: "" }, `the upcast to ${event.name}`);
    if (event.upcast?.kind === "manual") claim(`upcast${types.get(previous?.name ?? "") ?? ""}`, { file: event.schemaFile, pointer: "" }, `the upcaster to ${event.name}`);
  }
  for (const topic of new Set(model.events.map((event) => event.kafka.topic))) {
    const event = model.events.find((candidate) => candidate.kafka.topic === topic);
    claim(`Topic${goExported(upperSnakeCase(topic).toLowerCase().replace(/_/g, " ")) ?? ""}`, { file: event?.schemaFile ?? "", pointer: "/x-kafka/topic" }, `topic ${topic}`);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);

  function nameEnumValues(typeName: string, values: readonly string[], origin: NamedType["origin"]): void {
    for (const value of values) {
      const suffix = goExported(value);
      // A value that makes no identifier (only punctuation, say) gets no constant; the type still holds it.
      if (suffix === undefined) continue;
      enumConstants.set(`${typeName}.${value}`, claim(`${typeName}${suffix}`, origin, `enum value ${JSON.stringify(value)} of ${typeName}`));
    }
  }

  return {
    type: (name) => types.get(name),
    inlineEnum: (structName, property) => required(inlineEnums.get(`${structName}.${property}`), property),
    field: (structName, property) => required(fields.get(`${structName}.${property}`), property),
    taggable: (structName) => !untaggable.has(structName),
    enumConstant: (typeName, value) => enumConstants.get(`${typeName}.${value}`),
    eventTypeConstant: (event) => `EventType${goExported(event.eventType.toLowerCase().replace(/_/g, " ")) ?? ""}`,
    topicConstant: (topic) => `Topic${goExported(upperSnakeCase(topic).toLowerCase().replace(/_/g, " ")) ?? ""}`,
    factory: (event) => `New${types.get(event.name) ?? event.name}`,
  };
}

/** The values of an enum written inline in a property (directly, nullable, or as array items). */
export function inlineEnumOf(property: Property): readonly string[] | undefined {
  let type: TypeNode = property.type;
  while (type.kind === "nullable" || type.kind === "array") type = type.kind === "nullable" ? type.inner : type.items;
  return type.kind === "enum" ? type.values : undefined;
}

function isEvent(model: ContractsModel, name: string): boolean {
  return latestEvents(model).some((event) => event.name === name);
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`internal error: no Go name for ${what}`);
  return value;
}

export { resolveType };
