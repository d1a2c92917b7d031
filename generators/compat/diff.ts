import type { ContractsModel, EventContract, NamedType, Origin, Property, TypeNode } from "../ir/model.js";
import { resolveType } from "../ir/model.js";
import type { SourcePosition } from "../problems.js";
import { childPointer } from "../schema/json-pointer.js";
import type { JsonSource } from "../schema/json-source.js";
import { RULES, type ChangeKind, type RuleId } from "./rules.js";

/** The contracts on one side of a comparison: the model, and the parsed files for positions. */
export interface Snapshot {
  readonly model: ContractsModel;
  readonly sources: ReadonlyMap<string, JsonSource>;
}

export type Severity = ChangeKind;

export interface Finding {
  readonly rule: RuleId;
  /** "violation" fails the check; "breaking" is allowed because the version went up. */
  readonly severity: Severity;
  readonly eventType: string;
  readonly version: number;
  /** The schema file the finding is about (the new one, or the old one when something was removed). */
  readonly file: string;
  readonly position?: SourcePosition | undefined;
  /** JSON pointer into the event (e.g. `/payload/prompt`), or into the schema for event-level findings. */
  readonly pointer: string;
  readonly message: string;
  /** An event valid under one side and invalid under the other, when one was found. */
  readonly counterexample?: { readonly validUnder: "old" | "new"; readonly event: unknown } | undefined;
}

interface Change {
  readonly rule: RuleId;
  readonly pointer: string;
  readonly message: string;
  readonly origin: Origin;
}

/** Every change between two snapshots, judged by the rule table and the versions of each event. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Finding[] {
  const findings: Finding[] = [];
  const at = (side: Snapshot, origin: Origin): SourcePosition | undefined => positionOf(side, origin);
  const eventTypes = [...new Set([...before.model.events, ...after.model.events].map((event) => event.eventType))].sort();
  for (const eventType of eventTypes) {
    const oldVersions = versionsOf(before.model, eventType);
    const newVersions = versionsOf(after.model, eventType);
    const oldLatest = oldVersions.at(-1);
    const newLatest = newVersions.at(-1);
    const add = (rule: RuleId, severity: Severity, side: Snapshot, origin: Origin, pointer: string, message: string, version: number): void => {
      findings.push({ rule, severity, eventType, version, file: origin.file, position: at(side, origin), pointer, message });
    };
    if (oldLatest === undefined && newLatest !== undefined) {
      const renamedFrom = before.model.events.find((event) => event.schemaFile === newLatest.schemaFile && event.eventType !== eventType);
      if (renamedFrom === undefined) add("EVENT_ADDED", "additive", after, rootOrigin(newLatest), "", `new event type ${eventType} (version ${newLatest.version}) on topic ${newLatest.kafka.topic}`, newLatest.version);
      continue;
    }
    if (oldLatest === undefined || newLatest === undefined) {
      if (oldLatest === undefined) continue;
      const renamedTo = after.model.events.find((event) => event.schemaFile === oldLatest.schemaFile && event.eventType !== eventType);
      if (renamedTo !== undefined) {
        add("EVENT_TYPE_CHANGED", "violation", after, { file: renamedTo.schemaFile, pointer: "/properties/eventType/const" }, "/eventType", `eventType changed from ${eventType} to ${renamedTo.eventType}: eventType is immutable; add a new event type instead`, renamedTo.version);
      } else {
        add("EVENT_REMOVED", "violation", before, rootOrigin(oldLatest), "", `event type ${eventType} was removed: published events are append-only, and consumers may still receive it`, oldLatest.version);
      }
      continue;
    }
    // Kafka binding: the topic and the record key never change; the lists of services are documentation.
    if (oldLatest.kafka.topic !== newLatest.kafka.topic) {
      add("TOPIC_CHANGED", "violation", after, { file: newLatest.schemaFile, pointer: "/x-kafka/topic" }, "", `topic changed from ${oldLatest.kafka.topic} to ${newLatest.kafka.topic}: consumers of the old topic would stop receiving ${eventType}`, newLatest.version);
    }
    if (oldLatest.kafka.key !== newLatest.kafka.key) {
      add("KEY_CHANGED", "violation", after, { file: newLatest.schemaFile, pointer: "/x-kafka/key" }, "", `record key changed from ${oldLatest.kafka.key} to ${newLatest.kafka.key}: events of one job would no longer share a partition`, newLatest.version);
    }
    if (oldLatest.kafka.producers.join() !== newLatest.kafka.producers.join() || oldLatest.kafka.consumers.join() !== newLatest.kafka.consumers.join()) {
      add("SERVICES_CHANGED", "documentation", after, { file: newLatest.schemaFile, pointer: "/x-kafka" }, "", `producers/consumers changed: ${oldLatest.kafka.producers.join(", ")} -> ${newLatest.kafka.producers.join(", ")} / ${oldLatest.kafka.consumers.join(", ")} -> ${newLatest.kafka.consumers.join(", ")}`, newLatest.version);
    }
    // Superseded versions are frozen: any change to their resolved contract is refused.
    for (const old of oldVersions.slice(0, -1)) {
      const kept = newVersions.find((candidate) => candidate.version === old.version);
      if (kept === undefined) {
        add("OLD_VERSION_REMOVED", "violation", before, rootOrigin(old), "", `version ${old.version} of ${eventType} was removed; superseded versions stay so that consumers can read old events`, old.version);
        continue;
      }
      const edits = compareEvents(before, old, after, kept);
      for (const edit of edits) add("FROZEN_VERSION_CHANGED", "violation", after, edit.origin, edit.pointer, `version ${old.version} of ${eventType} is frozen, but: ${edit.message}`, old.version);
    }
    const changes = compareEvents(before, oldLatest, after, newLatest);
    const breaking = changes.filter((change) => RULES[change.rule]?.kind === "breaking");
    const step = newLatest.version - oldLatest.version;
    if (step < 0) add("VERSION_DECREASED", "violation", after, { file: newLatest.schemaFile, pointer: "/properties/version/const" }, "/version", `version went down from ${oldLatest.version} to ${newLatest.version}`, newLatest.version);
    if (step > 1) add("VERSION_SKIPPED", "violation", after, { file: newLatest.schemaFile, pointer: "/properties/version/const" }, "/version", `version went from ${oldLatest.version} to ${newLatest.version}; a breaking change adds exactly 1`, newLatest.version);
    if (step === 1 && breaking.length === 0) {
      add("VERSION_BUMP_WITHOUT_BREAKING_CHANGE", "violation", after, { file: newLatest.schemaFile, pointer: "/properties/version/const" }, "/version", `version went from ${oldLatest.version} to ${newLatest.version} without a breaking change; only breaking changes bump the version`, newLatest.version);
    }
    if (step === 1 && !newVersions.some((candidate) => candidate.version === oldLatest.version)) {
      add("OLD_VERSION_REMOVED", "violation", before, rootOrigin(oldLatest), "", `version ${oldLatest.version} of ${eventType} must be kept (frozen) beside version ${newLatest.version}, so that consumers can read old events`, oldLatest.version);
    }
    for (const change of changes) {
      const kind = RULES[change.rule]?.kind ?? "breaking";
      const severity: Severity = kind === "breaking" && step !== 1 ? "violation" : kind;
      const suffix = kind === "breaking" && step === 0 ? ` — a breaking change: bump "version" to ${oldLatest.version + 1} and keep version ${oldLatest.version}'s schema` : "";
      add(change.rule, severity, after, change.origin, change.pointer, change.message + suffix, newLatest.version);
    }
  }
  return findings;
}

/** The versions of an event type, oldest first. */
export function versionsOf(model: ContractsModel, eventType: string): EventContract[] {
  return model.events.filter((event) => event.eventType === eventType).sort((a, b) => a.version - b.version);
}

function rootOrigin(event: EventContract): Origin {
  return { file: event.schemaFile, pointer: "" };
}

function positionOf(side: Snapshot, origin: Origin): SourcePosition | undefined {
  const source = side.sources.get(origin.file);
  let pointer = origin.pointer;
  for (;;) {
    const position = source?.positionOf(pointer);
    if (position !== undefined || pointer === "") return position;
    pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  }
}

/** Changes between two versions of an event: envelope and payload, documentation included. */
export function compareEvents(before: Snapshot, oldEvent: EventContract, after: Snapshot, newEvent: EventContract): Change[] {
  const changes: Change[] = [];
  const root = { file: newEvent.schemaFile, pointer: "" };
  if (oldEvent.description !== newEvent.description || oldEvent.title !== newEvent.title) {
    changes.push({ rule: "DESCRIPTION_CHANGED", pointer: "", message: "the event's title or description changed", origin: root });
  }
  if (JSON.stringify(oldEvent.examples) !== JSON.stringify(newEvent.examples)) {
    changes.push({ rule: "EXAMPLES_CHANGED", pointer: "", message: "the examples changed", origin: { file: newEvent.schemaFile, pointer: "/examples" } });
  }
  const walker = new TypeWalker(before.model, after.model, changes);
  walker.compare({ kind: "ref", name: oldEvent.name }, { kind: "ref", name: newEvent.name }, "", root, true);
  return changes;
}

class TypeWalker {
  private readonly seen = new Set<string>();

  constructor(
    private readonly before: ContractsModel,
    private readonly after: ContractsModel,
    private readonly changes: Change[],
  ) {}

  private change(rule: RuleId, pointer: string, message: string, origin: Origin): void {
    this.changes.push({ rule, pointer, message, origin });
  }

  private named(model: ContractsModel, type: TypeNode): NamedType | undefined {
    return type.kind === "ref" ? model.types.find((candidate) => candidate.name === type.name) : undefined;
  }

  compare(oldType: TypeNode, newType: TypeNode, pointer: string, origin: Origin, isRoot = false): void {
    const oldNamed = this.named(this.before, oldType);
    const newNamed = this.named(this.after, newType);
    if (oldNamed !== undefined && newNamed !== undefined) {
      const key = `${oldNamed.name}\u0000${newNamed.name}\u0000${pointer}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      if (!isRoot && oldNamed.description !== newNamed.description) {
        this.change("DESCRIPTION_CHANGED", pointer, `the description of ${newNamed.name} changed`, newNamed.origin);
      }
    }
    const here = newNamed?.origin ?? origin;
    const oldResolved = resolveType(this.before, oldType);
    const newResolved = resolveType(this.after, newType);
    const oldNullable = oldResolved.kind === "nullable";
    const newNullable = newResolved.kind === "nullable";
    if (oldNullable !== newNullable) {
      this.change("NULLABILITY_CHANGED", pointer, newNullable ? "null is now allowed: old consumers do not expect it" : "null is no longer allowed: old events that carry null become invalid", here);
    }
    const a = oldResolved.kind === "nullable" ? resolveType(this.before, oldResolved.inner) : oldResolved;
    const b = newResolved.kind === "nullable" ? resolveType(this.after, newResolved.inner) : newResolved;
    if (a.kind === "nullable" || b.kind === "nullable") return;
    if (a.kind !== b.kind || (a.kind === "number" && b.kind === "number" && a.integer !== b.integer)) {
      this.change("TYPE_CHANGED", pointer, `type changed from ${describe(a)} to ${describe(b)}`, here);
      return;
    }
    switch (a.kind) {
      case "string":
        if (b.kind !== "string") return;
        this.bounds(pointer, here, [["minLength", a.minLength, b.minLength], ["maxLength", a.maxLength, b.maxLength]]);
        if (a.pattern !== b.pattern) this.change("PATTERN_CHANGED", pointer, `pattern changed from ${a.pattern ?? "none"} to ${b.pattern ?? "none"}`, here);
        if (a.format !== b.format) this.change("FORMAT_CHANGED", pointer, `format changed from ${a.format ?? "none"} to ${b.format ?? "none"}`, here);
        return;
      case "number":
        if (b.kind !== "number") return;
        this.bounds(pointer, here, [
          ["minimum", a.minimum, b.minimum],
          ["maximum", a.maximum, b.maximum],
          ["exclusiveMinimum", a.exclusiveMinimum, b.exclusiveMinimum],
          ["exclusiveMaximum", a.exclusiveMaximum, b.exclusiveMaximum],
          ["multipleOf", a.multipleOf, b.multipleOf],
        ]);
        return;
      case "enum": {
        if (b.kind !== "enum") return;
        for (const value of b.values) if (!a.values.includes(value)) this.change("ENUM_VALUE_ADDED", pointer, `enum value ${JSON.stringify(value)} added: old consumers do not know it`, here);
        for (const value of a.values) if (!b.values.includes(value)) this.change("ENUM_VALUE_REMOVED", pointer, `enum value ${JSON.stringify(value)} removed: old events that carry it become invalid`, here);
        return;
      }
      case "const":
        if (b.kind === "const" && a.value !== b.value) this.change("CONST_CHANGED", pointer, `constant changed from ${JSON.stringify(a.value)} to ${JSON.stringify(b.value)}`, here);
        return;
      case "array":
        if (b.kind !== "array") return;
        this.bounds(pointer, here, [["minItems", a.minItems, b.minItems], ["maxItems", a.maxItems, b.maxItems]]);
        this.compare(a.items, b.items, `${pointer}/0`, here);
        return;
      case "map":
        if (b.kind !== "map") return;
        this.bounds(pointer, here, [["minProperties", a.minProperties, b.minProperties], ["maxProperties", a.maxProperties, b.maxProperties]]);
        this.compare(a.values, b.values, `${pointer}/*`, here);
        return;
      case "union": {
        if (b.kind !== "union") return;
        if (a.discriminator !== b.discriminator) {
          this.change("DISCRIMINATOR_CHANGED", pointer, `the union is now told apart by "${b.discriminator}" instead of "${a.discriminator}"`, here);
          return;
        }
        for (const variant of b.variants) if (!a.variants.some((old) => old.value === variant.value)) this.change("UNION_VARIANT_ADDED", childPointer(pointer, b.discriminator), `variant "${variant.value}" added: old consumers do not know it`, here);
        for (const variant of a.variants) {
          const kept = b.variants.find((candidate) => candidate.value === variant.value);
          if (kept === undefined) this.change("UNION_VARIANT_REMOVED", childPointer(pointer, a.discriminator), `variant "${variant.value}" removed: old events of that variant become invalid`, here);
          else this.compare(variant.type, kept.type, pointer, here);
        }
        return;
      }
      case "object":
        if (b.kind === "object") this.compareProperties(a.properties, b.properties, pointer, here);
        return;
      case "boolean":
        return;
    }
  }

  private compareProperties(before: readonly Property[], after: readonly Property[], pointer: string, origin: Origin): void {
    for (const property of after) {
      const path = childPointer(pointer, property.name);
      const old = before.find((candidate) => candidate.name === property.name);
      if (old === undefined) {
        if (property.required) this.change("REQUIRED_PROPERTY_ADDED", path, `required property "${property.name}" added: events from old producers lack it`, property.origin);
        else this.change("OPTIONAL_PROPERTY_ADDED", path, `optional property "${property.name}" added`, property.origin);
        continue;
      }
      if (!old.required && property.required) this.change("PROPERTY_MADE_REQUIRED", path, `property "${property.name}" became required: events from old producers may lack it`, property.origin);
      if (old.required && !property.required) this.change("PROPERTY_MADE_OPTIONAL", path, `property "${property.name}" became optional: old consumers rely on it`, property.origin);
      if (old.description !== property.description) this.change("DESCRIPTION_CHANGED", path, `the description of "${property.name}" changed`, property.origin);
      this.compare(old.type, property.type, path, property.origin);
    }
    for (const old of before) {
      if (!after.some((candidate) => candidate.name === old.name)) {
        this.change("PROPERTY_REMOVED", childPointer(pointer, old.name), `property "${old.name}" removed (or renamed): consumers that read it break, and old events carrying it are refused`, origin);
      }
    }
  }

  private bounds(pointer: string, origin: Origin, pairs: readonly (readonly [string, number | undefined, number | undefined])[]): void {
    for (const [keyword, before, after] of pairs) {
      if (before === after) continue;
      const direction = before === undefined ? "added" : after === undefined ? "removed" : "changed";
      this.change("BOUND_CHANGED", pointer, `${keyword} ${direction}: ${before ?? "none"} -> ${after ?? "none"}`, origin);
    }
  }
}

function describe(type: TypeNode): string {
  return type.kind === "number" ? (type.integer ? "integer" : "number") : type.kind;
}
