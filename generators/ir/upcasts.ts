import type { Envelope } from "./envelope.js";
import { DEFAULT_PROJECT } from "./project.js";
import { parsePointer } from "../schema/json-pointer.js";
import { RULES } from "./change-rules.js";
import { compareEvents, type Change } from "./compare.js";
import { type ContractsModel, type EventContract, type NamedType, type Property, resolveType, type TypeNode, type UpcastOperation, type UpcastStep } from "./model.js";

type Report = (file: string, pointer: string, message: string) => void;

/**
 * Decides, for every version after the first, how an event of the previous version becomes one of it. The
 * step is automatic when every breaking change is a property renamed (`x-renamed-from` on the new name) or
 * a required property added (or made required) with a `default`, on a path of plain objects; otherwise an
 * upcaster written by hand is needed.
 */
export function planUpcasts(events: readonly EventContract[], types: readonly NamedType[], envelope: Envelope, report: Report): EventContract[] {
  const model: ContractsModel = { envelope, project: DEFAULT_PROJECT, events, types, schemas: [] };
  return events.map((event) => {
    const previous = events.find((candidate) => candidate.eventType === event.eventType && candidate.version === event.version - 1);
    const older = events.some((candidate) => candidate.eventType === event.eventType && candidate.version < event.version);
    if (previous === undefined) {
      if (older) report(event.schemaFile, "/properties/version/const", `versions of ${event.eventType} must follow each other: version ${event.version - 1} is missing`);
      return event;
    }
    return { ...event, upcast: planStep(model, previous, event) };
  });
}

function planStep(model: ContractsModel, previous: EventContract, event: EventContract): UpcastStep {
  const operations: UpcastOperation[] = [];
  const reasons: string[] = [];
  const root: TypeNode = { kind: "ref", name: event.name };
  // Renames and defaults are read from the new version's properties, wherever plain objects lead.
  walkObjects(model, root, [], (parent, property) => {
    if (property.renamedFrom !== undefined) operations.push({ op: "rename", parent, from: property.renamedFrom, to: property.name });
    else if (property.required && property.default !== undefined) operations.push({ op: "default", parent, property: property.name, value: property.default });
  });
  const explained = (change: Change): boolean => {
    // Pointer segments are escaped (a/b is a~1b); the operations hold property names as written.
    const segments = parsePointer(change.pointer);
    const name = segments.at(-1) ?? "";
    const parent = segments.slice(0, -1);
    const at = (operation: UpcastOperation): boolean => operation.parent.join("/") === parent.join("/");
    switch (change.rule) {
      case "PROPERTY_REMOVED":
        return operations.some((operation) => operation.op === "rename" && at(operation) && operation.from === name);
      case "PROPERTY_RENAMED":
        return operations.some((operation) => operation.op === "rename" && at(operation) && operation.to === name);
      case "REQUIRED_PROPERTY_ADDED":
      case "PROPERTY_MADE_REQUIRED":
        return operations.some((operation) => at(operation) && ((operation.op === "rename" && operation.to === name) || (operation.op === "default" && operation.property === name)));
      case "CONST_CHANGED":
        return change.pointer === "/version";
      default:
        return false;
    }
  };
  for (const change of compareEvents(model, previous, model, event)) {
    if (RULES[change.rule]?.kind !== "breaking" || explained(change)) continue;
    reasons.push(`${change.pointer || "/"}: ${change.message}`);
  }
  return reasons.length === 0 ? { kind: "automatic", from: previous.version, operations } : { kind: "manual", from: previous.version, reasons };
}

/** Calls `visit` for every property reachable from the root through plain objects only. */
function walkObjects(model: ContractsModel, type: TypeNode, path: readonly string[], visit: (parent: readonly string[], property: Property) => void): void {
  const resolved = resolveType(model, type);
  if (resolved.kind !== "object") return;
  for (const property of resolved.properties) {
    visit(path, property);
    walkObjects(model, property.type, [...path, property.name], visit);
  }
}
