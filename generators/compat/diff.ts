import { compareEvents, type Change, type PlacedWitness } from "../ir/compare.js";
import { versionsOf, type ContractsModel, type EventContract, type Origin } from "../ir/model.js";
import type { SourcePosition } from "../problems.js";
import type { JsonSource } from "../schema/json-source.js";
import { RULES, type ChangeKind, type RuleId } from "../ir/change-rules.js";

import { exportChanges } from "./exports.js";

/** The contracts on one side of a comparison: the model, and the parsed files for positions. */
export interface Snapshot {
  readonly model: ContractsModel;
  readonly sources: ReadonlyMap<string, JsonSource>;
  /** How reports name this tree's files: a prefix such as `schemas/` or `contracts-v1.0.0:schemas/`. */
  readonly tree?: string;
}

export type Severity = ChangeKind;

export interface Finding {
  readonly rule: RuleId;
  /** "violation" fails the check; "breaking" is allowed because the version went up. */
  readonly severity: Severity;
  /** The event and version the finding is about; absent for a change of the packages' exported names. */
  readonly eventType?: string | undefined;
  readonly version?: number | undefined;
  /** The schema file the finding is about, relative to its side's schemas folder. */
  readonly file: string;
  /** Which tree `file` and `position` are in: the new one, or the old one for something removed. */
  readonly side: "old" | "new";
  readonly position?: SourcePosition | undefined;
  /** JSON pointer into the event (e.g. `/payload/prompt`), or into the schema for event-level findings. */
  readonly pointer: string;
  readonly message: string;
  /**
   * An event valid under one side and invalid under the other, each judging it as its own version of the event
   * (for a bump: version N under the old contract, N + 1 under the new), when one was found.
   */
  readonly counterexample?: Counterexample | undefined;
  /** For a breaking finding without a counterexample: why none could be built. */
  readonly unproven?: string | undefined;
  /** One value that tells the sides apart, and where it goes (see PlacedWitness). */
  readonly witness?: PlacedWitness | undefined;
}

export interface Counterexample {
  readonly validUnder: "old" | "new";
  /** The event as the side that accepts it reads it (its version). */
  readonly event: unknown;
  /** The version each side judged the event as. */
  readonly versions: { readonly old: number; readonly new: number };
}

/** Every change between two snapshots, judged by the rule table and the versions of each event. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Finding[] {
  const findings: Finding[] = [];
  /** Exported types renamed, old name to new, as the walks of the events find them. */
  const renames = new Map<string, string>();
  const at = (side: Snapshot, origin: Origin): SourcePosition | undefined => positionOf(side, origin);
  const eventTypes = [...new Set([...before.model.events, ...after.model.events].map((event) => event.eventType))].sort();
  for (const eventType of eventTypes) {
    const oldVersions = versionsOf(before.model, eventType);
    const newVersions = versionsOf(after.model, eventType);
    const oldLatest = oldVersions.at(-1);
    const newLatest = newVersions.at(-1);
    const add = (rule: RuleId, severity: Severity, side: Snapshot, origin: Origin, pointer: string, message: string, version: number, proof: Pick<Finding, "witness" | "unproven"> = {}): void => {
      findings.push({ rule, severity, eventType, version, file: origin.file, side: side === before ? "old" : "new", position: at(side, origin), pointer, message, ...proof });
    };
    // A type renamed in the packages is one finding, at the first event whose walk found it.
    const renamedType = (change: Change): boolean => {
      if (change.renamed === undefined) return false;
      const seen = renames.has(change.renamed.from);
      renames.set(change.renamed.from, change.renamed.to);
      return seen;
    };
    const proofOf = (change: Change): Pick<Finding, "witness" | "unproven"> => ({
      ...(change.witness === undefined ? {} : { witness: change.witness }),
      ...(change.undecided === undefined ? {} : { unproven: change.undecided }),
    });
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
    // Superseded versions are frozen: any change an event can notice is refused; a description or an example
    // (of the version, or of a shared definition it uses) is documentation. So is the latest version when it is
    // archived by this change: its archived copy must be what was published, its topic and key included.
    const frozen = (old: EventContract, kept: EventContract): void => {
      const said = (what: string): string => `version ${old.version} of ${eventType} is frozen, but: ${what}`;
      if (old.kafka.topic !== kept.kafka.topic) add("FROZEN_VERSION_CHANGED", "violation", after, { file: kept.schemaFile, pointer: "/x-kafka/topic" }, "", said(`its topic changed from ${old.kafka.topic} to ${kept.kafka.topic}`), old.version);
      if (old.kafka.key !== kept.kafka.key) add("FROZEN_VERSION_CHANGED", "violation", after, { file: kept.schemaFile, pointer: "/x-kafka/key" }, "", said(`its record key changed from ${old.kafka.key} to ${kept.kafka.key}`), old.version);
      for (const edit of compareEvents(before.model, old, after.model, kept)) {
        const kind = RULES[edit.rule]?.kind;
        if (renamedType(edit)) continue;
        if (kind === "documentation" || kind === "api") add(edit.rule, kind, after, edit.origin, edit.pointer, `version ${old.version}: ${edit.message}`, old.version);
        else add("FROZEN_VERSION_CHANGED", "violation", after, edit.origin, edit.pointer, said(edit.message), old.version, proofOf(edit));
      }
    };
    for (const old of oldVersions.slice(0, -1)) {
      const kept = newVersions.find((candidate) => candidate.version === old.version);
      if (kept === undefined) {
        add("OLD_VERSION_REMOVED", "violation", before, rootOrigin(old), "", `version ${old.version} of ${eventType} was removed; superseded versions stay so that consumers can read old events`, old.version);
        continue;
      }
      frozen(old, kept);
    }
    const archived = newLatest.version > oldLatest.version ? newVersions.find((candidate) => candidate.version === oldLatest.version) : undefined;
    if (archived !== undefined) frozen(oldLatest, archived);
    // The version constant itself changes with every bump; that is the bump, not a change of the contract.
    const changes = compareEvents(before.model, oldLatest, after.model, newLatest).filter((change) => !(change.rule === "CONST_CHANGED" && change.pointer === "/version"));
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
      if (renamedType(change)) continue;
      const kind = RULES[change.rule]?.kind ?? "breaking";
      const severity: Severity = kind === "breaking" && step !== 1 ? "violation" : kind;
      const suffix = kind === "breaking" && step === 0 ? ` — a breaking change: bump "version" to ${oldLatest.version + 1} and keep version ${oldLatest.version}'s schema` : "";
      add(change.rule, severity, after, change.origin, change.pointer, change.message + suffix, newLatest.version, proofOf(change));
    }
  }
  for (const change of exportChanges(before.model, after.model, renames)) {
    const side = change.side === "old" ? before : after;
    findings.push({ rule: change.rule, severity: RULES[change.rule]?.kind ?? "api", file: change.origin.file, side: change.side, position: at(side, change.origin), pointer: change.origin.pointer, message: change.message });
  }
  return findings;
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

