import { article } from "../../ir/names.js";
import { docComment, join, objectKey, propertyName, ts, type Code } from "../../code/typescript.js";
import { findType, latestEvents, type ContractsModel, type EventContract, type Property } from "../../ir/model.js";
import { generatedHeader } from "./header.js";
import { filledIn, generatedProperties, spokenList, type Envelope } from "../../ir/envelope.js";
import type { TypeScriptNames } from "./naming.js";
import { typeExpression } from "./type-expressions.js";

/** Envelope fields a factory fills in itself when the caller leaves them out (the envelope's `generated`). */
function defaultedOf(envelope: Envelope): Readonly<Record<string, Code>> {
  return Object.fromEntries(Object.entries(envelope.generated).map(([name, how]) => [name, how === "uuid" ? ts`newEventId()` : ts`nowTimestamp()`]));
}

/** `src/factories.ts`: one `create<Event>` per event, filling the envelope and validating. */
export function factoriesFile(model: ContractsModel, names: TypeScriptNames): string {
  const events = latestEvents(model);
  const factories = events.map((event) => factory(model, event, names));
  const typeImports = new Set<string>(events.map((event) => event.name));
  for (const event of events) for (const property of inputProperties(model, event)) collectRefs(property.type, typeImports);
  const validators = events.map((event) => names.assert(event)).sort((a, b) => (a.text < b.text ? -1 : 1));
  return join([
    generatedHeader(model),
    ts`import { deepFreeze, newEventId, nowTimestamp, rememberWire } from "./runtime.js";`,
    ts`import type { ${join([...typeImports].sort().map((name) => ts`${names.type(name)}`), ", ")} } from "./types.js";`,
    ts`import { ${join(validators.map((name) => ts`${name}`), ", ")} } from "./validators.js";`,
    ...factories,
    ts``,
  ], "\n\n").text;
}

function inputProperties(model: ContractsModel, event: EventContract): readonly Property[] {
  const type = findType(model, event.name)?.type;
  if (type?.kind !== "object") return [];
  return type.properties.filter((property) => property.name !== "eventType" && property.name !== "version");
}

function collectRefs(type: Property["type"], into: Set<string>): void {
  if (type.kind === "ref") into.add(type.name);
  else if (type.kind === "array") collectRefs(type.items, into);
  else if (type.kind === "map") collectRefs(type.values, into);
  else if (type.kind === "nullable") collectRefs(type.inner, into);
}

function factory(model: ContractsModel, event: EventContract, names: TypeScriptNames): Code {
  const properties = inputProperties(model, event);
  const DEFAULTED = defaultedOf(model.envelope);
  const filled = filledIn(model.envelope, properties.map((property) => property.name));
  const members = properties.map((property) => {
    const optional = !property.required || property.name in DEFAULTED;
    const defaultNote = property.name in DEFAULTED ? "Filled in when left out." : undefined;
    return join([
      docComment([property.description, defaultNote]),
      ts`readonly ${propertyName(property.name)}${optional ? ts`?` : ts``}: ${typeExpression(property.type, names)};`,
    ]);
  });
  const fields = properties.map((property) => {
    const read = ts`init[${property.name}]`;
    const fallback = DEFAULTED[property.name];
    return fallback === undefined ? ts`${objectKey(property.name)}: ${read},` : ts`${objectKey(property.name)}: ${read} ?? ${fallback},`;
  });
  const required = properties.filter((property) => property.required && !(property.name in DEFAULTED)).map((property) => property.name);
  return join([
    join([
      docComment([`What ${names.create(event).text} needs.${filled === undefined ? "" : ` ${filled} filled in when left out.`}`]),
      ts`export interface ${names.init(event)} {
${join(members)}
}`,
    ]),
    join([
      docComment(
        [
          `Creates ${article(event.eventType)} ${event.eventType} event (version ${event.version}): fills in \`eventType\`, \`version\`${filled === undefined ? "" : ` and any missing ${spokenList(generatedProperties(model.envelope))}`}, validates the result against the contract and returns it deeply frozen. The event is a JSON copy of the input, exactly what goes on the wire.`,
        ],
        [
          "@throws ContractValidationError listing every problem when the input breaks the contract.",
          "@example",
          `const event = ${names.create(event).text}({ ${required.map((name) => `${name}: …`).join(", ")} });`,
          `await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });`,
        ],
      ),
      ts`export function ${names.create(event)}(init: ${names.init(event)}): ${names.type(event.name)} {
  const event = {
    eventType: ${event.eventType},
    version: ${event.version},
    ${join(fields)}
  };
  const json = JSON.stringify(event);
  return rememberWire(deepFreeze(${names.assert(event)}(JSON.parse(json))), json);
}`,
    ]),
  ]);
}
