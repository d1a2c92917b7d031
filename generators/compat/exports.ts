import { findType, type ContractsModel, type Origin } from "../ir/model.js";
import type { RuleId } from "../ir/change-rules.js";

/** A change of the names the generated packages export, which no event can notice. */
export interface ExportChange {
  readonly rule: RuleId;
  readonly message: string;
  /** Where the name is declared: in the old tree for a removal, the new tree otherwise. */
  readonly origin: Origin;
  readonly side: "old" | "new";
}

/**
 * Every named type of the model is exported under its name by each package (a TypeScript type, a Go type, a
 * Python class), so a name that disappears breaks code that imports it, even when every event stays valid.
 * `renamed` holds the renames the event walk already found (a place that holds a type of another name); the
 * other names that went away are paired with a new name of the same file and the same structure (a `$defs`
 * key renamed, nothing else), or reported as removed. A new name in a definitions-only document is reported
 * as an added export; new names elsewhere come with the change that made them (a new event or property), as
 * the names of an event schema removed whole go with EVENT_REMOVED.
 */
export function exportChanges(before: ContractsModel, after: ContractsModel, renamed: ReadonlyMap<string, string>): ExportChange[] {
  const changes: ExportChange[] = [];
  // The types of an event schema removed whole go with it: EVENT_REMOVED says so.
  const kept = new Set(after.schemas.map((schema) => schema.file));
  const eventFilesBefore = new Set(before.events.map((event) => event.schemaFile));
  const withRemovedEvent = (file: string): boolean => !kept.has(file) && eventFilesBefore.has(file);
  const gone = before.types.filter((type) => findType(after, type.name) === undefined && !renamed.has(type.name) && !withRemovedEvent(type.origin.file));
  const targets = new Set(renamed.values());
  const fresh = after.types.filter((type) => findType(before, type.name) === undefined && !targets.has(type.name));
  const paired = new Set<string>();
  for (const old of gone) {
    const shape = JSON.stringify(old.type);
    const match = fresh.find((type) => !paired.has(type.name) && type.origin.file === old.origin.file && JSON.stringify(type.type) === shape);
    if (match !== undefined) {
      paired.add(match.name);
      changes.push({ rule: "TYPE_RENAMED", message: renameMessage(old.name, match.name), origin: match.origin, side: "new" });
    } else {
      changes.push({ rule: "EXPORTED_TYPE_REMOVED", message: `type ${old.name} is no longer exported by the packages: code that names it must change`, origin: old.origin, side: "old" });
    }
  }
  const eventFiles = new Set(after.events.map((event) => event.schemaFile));
  for (const type of fresh) {
    if (!paired.has(type.name) && !eventFiles.has(type.origin.file)) changes.push({ rule: "EXPORTED_TYPE_ADDED", message: `type ${type.name} is new in the packages`, origin: type.origin, side: "new" });
  }
  return changes;
}

export function renameMessage(from: string, to: string): string {
  return `type ${from} renamed to ${to}: the packages export it under the new name, so code that names ${from} must change`;
}
