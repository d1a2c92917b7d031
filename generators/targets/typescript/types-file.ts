import { docComment, join, propertyName, ts, type Code } from "../../code/typescript.js";
import { latestEvents, type ContractsModel, type NamedType, type Property } from "../../ir/model.js";
import { generatedHeader } from "./header.js";
import type { TypeScriptNames } from "./naming.js";
import { constraintSummary } from "../../ir/describe.js";
import { typeExpression } from "./type-expressions.js";

/** `src/types.ts`: an interface or alias per named type, the event union and the eventType map. */
export function typesFile(model: ContractsModel, names: TypeScriptNames): string {
  const declarations = model.types.map((type) => declaration(type, names));
  const latest = latestEvents(model);
  const events = latest.map((event) => ts`${names.type(event.name)}`);
  const everyVersion = model.events.map((event) => ts`${names.type(event.name)}`);
  const mapEntries = latest.map((event) => ts`readonly ${propertyName(event.eventType)}: ${names.type(event.name)};`);
  // With several versions, the current one is also reachable under its versioned name.
  const aliases = latest
    .filter((event) => model.events.some((other) => other.eventType === event.eventType && other.version !== event.version))
    .map((event) => join([docComment([`Version ${event.version} of ${event.eventType}, the current one.`]), ts`export type ${names.versioned(event)} = ${names.type(event.name)};`]));
  return join([
    generatedHeader(model),
    ...declarations,
    ...aliases,
    docComment(["Every event of the contracts in its current version, discriminated on `eventType`: what producers publish and what `decodeEvent` returns."]),
    ts`export type ContractEvent = ${join(events, " | ")};`,
    docComment(["Every version of every event the contracts keep: what a consumer may receive before upcasting."]),
    ts`export type AnyVersionEvent = ${join(everyVersion, " | ")};`,
    docComment(["Each event type's identifier mapped to its event's type."]),
    ts`export interface EventTypeMap {
${join(mapEntries)}
}`,
    docComment(["The identifier of an event type, e.g. `\"TEXT_JOB_REQUESTED\"`."]),
    ts`export type EventType = keyof EventTypeMap;`,
    ts``,
  ], "\n\n").text;
}

function declaration(named: NamedType, names: TypeScriptNames): Code {
  const { type } = named;
  const summary = constraintSummary(type);
  const doc = docComment([named.description, summary === undefined ? undefined : `Constraints: ${summary}.`]);
  const name = names.type(named.name);
  if (type.kind === "object") {
    const members = type.properties.map((property) => member(property, names));
    return join([doc, ts`export interface ${name} {
${join(members, "\n")}
}`]);
  }
  return join([doc, ts`export type ${name} = ${typeExpression(type, names)};`]);
}

function member(property: Property, names: TypeScriptNames): Code {
  const summary = constraintSummary(property.type);
  const doc = docComment(
    [property.description, summary === undefined ? undefined : `Constraints: ${summary}.`],
    property.deprecated ? ["@deprecated"] : [],
  );
  const optional = property.required ? ts`` : ts`?`;
  return join([doc, ts`readonly ${propertyName(property.name)}${optional}: ${typeExpression(property.type, names)};`]);
}
