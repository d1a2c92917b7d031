import { PYTHON_KEYWORDS, snakeCase } from "../../code/python.js";
import { latestEvents, type ContractsModel, type EventContract } from "../../ir/model.js";
import { ContractProblemsError, type Problem } from "../../problems.js";

/** Names the package defines whatever the schemas say; a schema type with one of them is refused. */
const STATIC_NAMES = [
  "ContractEvent", "ContractValidationError", "ValidationIssue", "EventType", "EVENT_TYPES", "TOPICS", "EVENT_MODELS",
  "topic_of", "validate", "validation_errors", "decode", "encode", "load_json", "read_event", "issues_of", "MAX_DEPTH", "DocumentError", "upcast", "AnyVersionEvent", "Record", "to_record", "from_record", "BaseModel", "ConfigDict", "Field",
  "Literal", "Annotated", "TypeAlias", "Union", "Final", "Mapping", "Any", "TypeAdapter",
  // builtins a class of the same name would shadow
  "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "Ellipsis", "NotImplemented",
];

/** Builtins the models name as types: an attribute named so would shadow the type in its own class body. */
const BUILTIN_TYPES: ReadonlySet<string> = new Set("int str float bool tuple dict list bytes object type".split(" "));

/** Attributes a pydantic model already has: a property named so gets a trailing underscore. */
const MODEL_ATTRIBUTES: ReadonlySet<string> = new Set(
  "dict json copy construct schema schema_json validate parse_obj parse_raw parse_file from_orm update_forward_refs fields model_config model_fields".split(" "),
);

export interface PythonNames {
  /** The class or type alias of a named object, enum or union; undefined for scalars, which are inlined. */
  type(name: string): string | undefined;
  attribute(typeName: string, property: string): string;
  factory(event: EventContract): string;
  topicConstant(topic: string): string;
}

export function namePython(model: ContractsModel): PythonNames {
  const problems: Problem[] = [];
  const owners = new Map<string, string>(STATIC_NAMES.map((name) => [name, "the generated package itself"]));
  const types = new Map<string, string>();
  const attributes = new Map<string, string>();
  const claim = (identifier: string, file: string, pointer: string, what: string): void => {
    const previous = owners.get(identifier);
    if (previous === undefined) owners.set(identifier, `${file}#${pointer}`);
    else problems.push({ code: "NAME_COLLISION", file, pointer, message: `${what} makes the Python name ${identifier}, which ${previous} already uses; rename one of them` });
  };
  for (const named of model.types) {
    if (named.type.kind !== "object" && named.type.kind !== "union" && named.type.kind !== "enum") continue;
    if (PYTHON_KEYWORDS.has(named.name)) {
      problems.push({ code: "NAME_COLLISION", file: named.origin.file, pointer: named.origin.pointer, message: `type ${named.name} is a Python keyword and cannot name a class; rename it` });
      continue;
    }
    claim(named.name, named.origin.file, named.origin.pointer, `type ${named.name}`);
    types.set(named.name, named.name);
    if (named.type.kind !== "object") continue;
    const inModel = new Map<string, string>();
    for (const property of named.type.properties) {
      const snake = snakeCase(property.name);
      const where = `property "${property.name}" of ${named.name}`;
      if (snake === undefined) {
        problems.push({ code: "NAME_COLLISION", file: property.origin.file, pointer: property.origin.pointer, message: `${where} makes no Python attribute name (it needs a letter, and must not start with a digit); rename the property` });
        continue;
      }
      const attribute = PYTHON_KEYWORDS.has(snake) || BUILTIN_TYPES.has(snake) || MODEL_ATTRIBUTES.has(snake) || snake.startsWith("model_") ? `${snake}_` : snake;
      const previous = inModel.get(attribute);
      if (previous !== undefined) {
        problems.push({ code: "NAME_COLLISION", file: property.origin.file, pointer: property.origin.pointer, message: `${where} makes the Python attribute ${named.name}.${attribute}, like property "${previous}"; rename one of them` });
        continue;
      }
      inModel.set(attribute, property.name);
      attributes.set(`${named.name}.${property.name}`, attribute);
    }
  }
  for (const event of latestEvents(model)) {
    claim(event.eventType, event.schemaFile, "/properties/eventType", `eventType ${event.eventType}`);
    claim(`create_${snakeCase(event.name) ?? ""}`, event.schemaFile, "", `event ${event.name}`);
  }
  for (const topic of new Set(model.events.map((event) => event.kafka.topic))) {
    const event = model.events.find((candidate) => candidate.kafka.topic === topic);
    claim(topicConstant(topic), event?.schemaFile ?? "", "/x-kafka/topic", `topic ${topic}`);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);
  return {
    type: (name) => types.get(name),
    attribute: (typeName, property) => {
      const attribute = attributes.get(`${typeName}.${property}`);
      if (attribute === undefined) throw new Error(`internal error: no Python attribute for ${typeName}.${property}`);
      return attribute;
    },
    factory: (event) => `create_${snakeCase(event.name) ?? ""}`,
    topicConstant,
  };
}

function topicConstant(topic: string): string {
  return `TOPIC_${(snakeCase(topic) ?? "").toUpperCase()}`;
}
