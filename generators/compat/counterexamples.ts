import type { ValidateEvent } from "../output/load-validators.js";
import { completed, isRecord } from "../targets/vectors/samples.js";
import { mutationsOf } from "../targets/vectors/mutations.js";
import type { Counterexample, Finding, Snapshot } from "./diff.js";
import { versionsOf, type EventContract } from "../ir/model.js";
import { RULES } from "../ir/change-rules.js";
import { parsePointer } from "../schema/json-pointer.js";

interface Candidate {
  readonly pointer: string;
  readonly event: unknown;
}

/** A finding about one event's version (every finding but the packages' exported names). */
type EventFinding = Finding & { readonly eventType: string; readonly version: number };

interface Sides {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly validateBefore: ValidateEvent;
  readonly validateAfter: ValidateEvent;
}

/**
 * Proves each breaking finding with an event that one contract accepts and the other refuses, judged by the
 * generated validators of both, each side reading the event as its own version of it (for a version bump, the
 * old contract judges it as version N and the new one as N + 1, so that the envelope's `version` is never the
 * difference). The first candidates are built from the finding's witness: the value that tells the sides apart
 * (value-sets.ts), put at the finding's place in each example. Then the examples, completed examples and the
 * shared test vectors' single-place changes, those made at the finding's own place first. A finding no
 * candidate proves says why.
 */
export function withCounterexamples(findings: readonly Finding[], before: Snapshot, after: Snapshot, validateBefore: ValidateEvent, validateAfter: ValidateEvent): Finding[] {
  const sides: Sides = { before, after, validateBefore, validateAfter };
  return findings.map((finding) => {
    if (!isEventFinding(finding) || (RULES[finding.rule]?.kind !== "breaking" && finding.rule !== "FROZEN_VERSION_CHANGED")) return finding;
    const versions = versionsJudged(finding, sides);
    if (versions === undefined) return finding;
    const counterexample = proofOf(finding, versions, sides);
    if (counterexample !== undefined) return { ...finding, counterexample };
    const reason = finding.unproven ?? (finding.witness === undefined ? "no event among the examples and their single-place changes tells the two contracts apart" : `no example could carry the value ${JSON.stringify(finding.witness.value)} at ${finding.witness.at ?? (finding.pointer || "/")} with every other value valid`);
    return { ...finding, unproven: reason };
  });
}

/** The version of the event each side judges: a frozen version against itself, otherwise each side's latest. */
function isEventFinding(finding: Finding): finding is EventFinding {
  return finding.eventType !== undefined && finding.version !== undefined;
}

function versionsJudged(finding: EventFinding, sides: Sides): Counterexample["versions"] | undefined {
  if (finding.rule === "FROZEN_VERSION_CHANGED") return { old: finding.version, new: finding.version };
  const old = versionsOf(sides.before.model, finding.eventType).at(-1)?.version;
  const current = versionsOf(sides.after.model, finding.eventType).at(-1)?.version;
  return old === undefined || current === undefined ? undefined : { old, new: current };
}

function proofOf(finding: EventFinding, versions: Counterexample["versions"], sides: Sides): Counterexample | undefined {
  const judge = (event: unknown): Counterexample | "same" => {
    const old = sides.validateBefore(asVersion(event, versions.old));
    const current = sides.validateAfter(asVersion(event, versions.new));
    if (old.ok === current.ok) return "same";
    const validUnder = old.ok ? "old" : "new";
    return { validUnder, event: asVersion(event, validUnder === "old" ? versions.old : versions.new), versions };
  };
  for (const event of witnessEvents(finding, versions, sides)) {
    const verdict = judge(event);
    if (verdict !== "same" && verdict.validUnder === finding.witness?.validUnder) return verdict;
  }
  const candidates = [...sideCandidates(sides.before, finding.eventType, versions.old), ...sideCandidates(sides.after, finding.eventType, versions.new)];
  const near = candidates.filter((candidate) => related(candidate.pointer, finding.pointer));
  // A good counterexample is refused for this finding's reason only: every error of the side that refuses it is
  // at (or next to) the finding's pointer. Failing that, one refused at least partly for it.
  let fallback: Counterexample | undefined;
  for (const candidate of [...near, ...candidates]) {
    const verdict = judge(candidate.event);
    if (verdict === "same") continue;
    const refusal = verdict.validUnder === "old" ? sides.validateAfter(asVersion(candidate.event, versions.new)) : sides.validateBefore(asVersion(candidate.event, versions.old));
    const pointers = refusal.ok ? [] : refusal.errors.map((error) => error.pointer);
    if (pointers.length > 0 && pointers.every((pointer) => related(pointer, finding.pointer))) return verdict;
    if (fallback === undefined && pointers.some((pointer) => related(pointer, finding.pointer))) fallback = verdict;
  }
  return fallback;
}

/**
 * The examples of the side the witness is valid under, each with the witness put at its place; an object (a
 * union's new variant, by its discriminator) is completed there with valid values of that side.
 */
function witnessEvents(finding: EventFinding, versions: Counterexample["versions"], sides: Sides): unknown[] {
  const witness = finding.witness;
  if (witness === undefined) return [];
  const side = witness.validUnder === "old" ? sides.before : sides.after;
  const event = eventAt(side, finding.eventType, witness.validUnder === "old" ? versions.old : versions.new);
  if (event === undefined) return [];
  return basesOf(side, event).flatMap((base) => {
    const placed = placedAt(base, parsePointer(witness.at ?? finding.pointer), witness.value);
    if (placed === undefined) return [];
    return [isRecord(witness.value) ? completed(side.model, { kind: "ref", name: event.name }, placed) : placed];
  });
}

/**
 * A copy of `value` with `replacement` at the path; `0` (any array item) is the first item, `*` (any map
 * value) the first key; undefined where the path cannot be followed.
 */
function placedAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    if (!/^\d+$/.test(head) || value.length === 0) return undefined;
    const item = placedAt(value[0], rest, replacement);
    return item === undefined ? undefined : [item, ...value.slice(1)];
  }
  if (!isRecord(value)) return undefined;
  const key = head === "*" ? Object.keys(value)[0] : head;
  if (key === undefined) return undefined;
  if (!(key in value) && rest.length > 0) return undefined;
  const inner = placedAt(value[key], rest, replacement);
  return inner === undefined ? undefined : { ...value, [key]: inner };
}

function eventAt(side: Snapshot, eventType: string, version: number): EventContract | undefined {
  return versionsOf(side.model, eventType).find((event) => event.version === version);
}

function basesOf(side: Snapshot, event: EventContract): Record<string, unknown>[] {
  const root = { kind: "ref", name: event.name } as const;
  return [...event.examples, ...event.examples.map((example) => completed(side.model, root, example))].filter(isRecord);
}

function sideCandidates(side: Snapshot, eventType: string, version: number): Candidate[] {
  const event = eventAt(side, eventType, version);
  if (event === undefined) return [];
  const bases = basesOf(side, event);
  const candidates: Candidate[] = bases.map((base) => ({ pointer: "", event: base }));
  for (const base of bases) {
    for (const mutation of mutationsOf(side.model, event, base)) candidates.push({ pointer: mutation.pointer, event: mutation.event() });
  }
  return candidates;
}

function asVersion(event: unknown, version: number): unknown {
  return isRecord(event) && "version" in event ? { ...event, version } : event;
}

/**
 * Whether two JSON pointers are the same place or one is inside the other, segment by segment. The diff
 * writes array items as `0` and map values as `*`, so any index matches `0` and anything matches `*`.
 */
function related(a: string, b: string): boolean {
  const [x, y] = [a.split("/"), b.split("/")];
  const common = Math.min(x.length, y.length);
  for (let index = 0; index < common; index++) {
    const [p, q] = [x[index] ?? "", y[index] ?? ""];
    const sameIndex = /^\d+$/.test(p) && /^\d+$/.test(q);
    if (p !== q && !sameIndex && p !== "*" && q !== "*") return false;
  }
  return true;
}
