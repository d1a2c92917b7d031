import type { ValidateEvent } from "../output/load-validators.js";
import { completed, isRecord } from "../targets/vectors/samples.js";
import { mutationsOf } from "../targets/vectors/mutations.js";
import type { Finding, Snapshot } from "./diff.js";
import { versionsOf } from "../ir/model.js";
import { RULES } from "../ir/change-rules.js";

interface Candidate {
  readonly pointer: string;
  readonly event: unknown;
}

/**
 * For each breaking finding, looks for an event that the old contract accepts and the new one refuses (or
 * the other way round), judged by the generated validators of both sides. Candidates are the examples,
 * completed examples, and the same single-place changes the shared test vectors use; one made at the
 * finding's own pointer is preferred.
 */
export function withCounterexamples(findings: readonly Finding[], before: Snapshot, after: Snapshot, validateBefore: ValidateEvent, validateAfter: ValidateEvent): Finding[] {
  const candidatesByType = new Map<string, Candidate[]>();
  const candidatesOf = (eventType: string): Candidate[] => {
    let candidates = candidatesByType.get(eventType);
    if (candidates === undefined) {
      candidates = [...sideCandidates(before, eventType), ...sideCandidates(after, eventType)];
      candidatesByType.set(eventType, candidates);
    }
    return candidates;
  };
  return findings.map((finding) => {
    if (RULES[finding.rule]?.kind !== "breaking" && finding.rule !== "FROZEN_VERSION_CHANGED") return finding;
    const candidates = candidatesOf(finding.eventType);
    const near = candidates.filter((candidate) => related(candidate.pointer, finding.pointer));
    // A good counterexample is refused for this finding's reason only: every error of the side that refuses
    // it is at (or next to) the finding's pointer. Failing that, one refused at least partly for it.
    let fallback: Finding | undefined;
    for (const candidate of [...near, ...candidates]) {
      const oldResult = validateBefore(candidate.event);
      const newResult = validateAfter(candidate.event);
      if (oldResult.ok === newResult.ok) continue;
      const refusal = oldResult.ok ? newResult : oldResult;
      const pointers = refusal.ok ? [] : refusal.errors.map((error) => error.pointer);
      const withExample: Finding = { ...finding, counterexample: { validUnder: oldResult.ok ? "old" : "new", event: candidate.event } };
      if (pointers.length > 0 && pointers.every((pointer) => related(pointer, finding.pointer))) return withExample;
      if (fallback === undefined && pointers.some((pointer) => related(pointer, finding.pointer))) fallback = withExample;
    }
    return fallback ?? finding;
  });
}

function sideCandidates(side: Snapshot, eventType: string): Candidate[] {
  const latest = versionsOf(side.model, eventType).at(-1);
  if (latest === undefined) return [];
  const root = { kind: "ref", name: latest.name } as const;
  const bases = [...latest.examples, ...latest.examples.map((example) => completed(side.model, root, example))].filter(isRecord);
  const candidates: Candidate[] = bases.map((event) => ({ pointer: "", event }));
  for (const base of bases) {
    for (const mutation of mutationsOf(side.model, latest, base)) candidates.push({ pointer: mutation.pointer, event: mutation.event() });
  }
  return candidates;
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
