import { spawnSync } from "node:child_process";
import { latestEvents, resolveType, type ContractsModel, type TypeNode } from "../../generators/ir/model.js";
import type { CorpusEntry } from "./corpus.js";
import type { Reference } from "./reference.js";

/**
 * The differential comparison shared by the differential test and the schema-set test: one corpus of
 * documents through the TypeScript, Go and Python packages of one contract set, each compared with the
 * others and with the reference verdict.
 */
export type Issue = [string, string, string];

export interface Outcome {
  readonly strict: Issue[];
  readonly tolerant: Issue[];
  readonly decoded: unknown;
  readonly decode: Issue[];
}

export interface TypeScriptPackage {
  validateEventJson(data: Uint8Array, options?: { unknownProperties?: "allow" }): { ok: boolean; errors?: readonly { pointer: string; keyword: string; message: string }[]; value?: unknown };
  decodeEventJson(data: Uint8Array): { ok: boolean; errors?: readonly { pointer: string; keyword: string; message: string }[]; value?: unknown };
}

export interface Comparison {
  readonly counts: { valid: number; tolerantOnly: number; invalid: number; crashes: number; verdictMismatches: number; errorMismatches: number; decodedMismatches: number };
  /** The first few cases of each kind of disagreement, for the failure message. */
  readonly problems: { verdict: string[]; errors: string[]; decoded: string[]; crashes: string[] };
}

/** Runs a harness that prints one JSON line per document. */
export function runHarness(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Outcome[] {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stderr}`);
  return result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Outcome);
}

export function typescriptOutcome(events: TypeScriptPackage, model: ContractsModel, bytes: Uint8Array): Outcome {
  const issues = (result: { ok: boolean; errors?: readonly { pointer: string; keyword: string; message: string }[] }): Issue[] => (result.errors ?? []).map((error) => [error.pointer, error.keyword, error.message]);
  const decoded = events.decodeEventJson(bytes);
  return {
    strict: issues(events.validateEventJson(bytes)),
    tolerant: issues(events.validateEventJson(bytes, { unknownProperties: "allow" })),
    decoded: decoded.ok ? project(model, decoded.value) : null,
    decode: issues(decoded),
  };
}

/** What a typed decoder keeps of a valid event: the properties its current contract declares. */
function project(model: ContractsModel, event: unknown): unknown {
  const record = event as Record<string, unknown>;
  const contract = latestEvents(model).find((candidate) => candidate.eventType === record["eventType"]);
  if (contract === undefined) throw new Error("decoded an unknown event type");
  const walk = (type: TypeNode, value: unknown): unknown => {
    if (value === null) return null;
    const resolved = resolveType(model, type);
    switch (resolved.kind) {
      case "nullable":
        return walk(resolved.inner, value);
      case "array":
        return (value as unknown[]).map((item) => walk(resolved.items, item));
      case "map":
        return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, walk(resolved.values, item)]));
      case "union": {
        const tag = (value as Record<string, unknown>)[resolved.discriminator];
        const variant = resolved.variants.find((candidate) => candidate.value === tag);
        return variant === undefined ? value : walk(variant.type, value);
      }
      case "object": {
        const object = value as Record<string, unknown>;
        return Object.fromEntries(resolved.properties.filter((property) => Object.hasOwn(object, property.name)).map((property) => [property.name, walk(property.type, object[property.name])]));
      }
      default:
        return value;
    }
  };
  return walk({ kind: "ref", name: contract.name }, event);
}

/** JSON with sorted keys and -0 written as 0, so that values decoded in three languages compare as values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "number" && Object.is(item, -0)) return 0;
    if (typeof item === "object" && item !== null && !Array.isArray(item)) return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return item;
  });
}

function shown(entry: CorpusEntry): string {
  const text = Buffer.from(entry.bytes).toString("utf8");
  return `[${entry.how}] ${text.length > 300 ? `${text.slice(0, 300)}...` : text}`;
}

/** Compares the three languages' outcomes on each document with each other and with the reference. */
export function compareOutcomes(corpus: readonly CorpusEntry[], reference: Reference, outcomesOf: { typescript: readonly Outcome[]; go: readonly Outcome[]; python: readonly Outcome[] }): Comparison {
  const comparison: Comparison = {
    counts: { valid: 0, tolerantOnly: 0, invalid: 0, crashes: 0, verdictMismatches: 0, errorMismatches: 0, decodedMismatches: 0 },
    problems: { verdict: [], errors: [], decoded: [], crashes: [] },
  };
  const { counts, problems } = comparison;
  const note = (list: string[], text: string): void => {
    if (list.length < 5) list.push(text);
  };
  corpus.forEach((entry, index) => {
    const outcomes = { typescript: outcomesOf.typescript[index] as Outcome, go: outcomesOf.go[index] as Outcome, python: outcomesOf.python[index] as Outcome };
    for (const [language, outcome] of Object.entries(outcomes)) {
      for (const issue of [...outcome.strict, ...outcome.tolerant, ...outcome.decode]) {
        if (issue[1] === "crash" || issue[1] === "error") {
          counts.crashes++;
          note(problems.crashes, `${language}: ${issue[2]} on ${shown(entry)}`);
        }
      }
    }
    const strict = reference.verdict(entry.bytes, false);
    const tolerant = reference.verdict(entry.bytes, true);
    if (strict) counts.valid++;
    else if (tolerant) counts.tolerantOnly++;
    else counts.invalid++;
    for (const [language, outcome] of Object.entries(outcomes)) {
      if ((outcome.strict.length === 0) !== strict || (outcome.tolerant.length === 0) !== tolerant || (outcome.decode.length === 0) !== tolerant) {
        counts.verdictMismatches++;
        note(problems.verdict, `${language} says strict=${outcome.strict.length === 0} tolerant=${outcome.tolerant.length === 0} decode=${outcome.decode.length === 0}, the reference strict=${strict} tolerant=${tolerant}: ${JSON.stringify(outcome.strict)} on ${shown(entry)}`);
      }
    }
    for (const field of ["strict", "tolerant", "decode"] as const) {
      const [ts, goIssues, pyIssues] = [outcomes.typescript[field], outcomes.go[field], outcomes.python[field]].map((issues) => JSON.stringify(issues));
      if (ts !== goIssues || ts !== pyIssues) {
        counts.errorMismatches++;
        note(problems.errors, `${field}: TypeScript ${ts} Go ${goIssues} Python ${pyIssues} on ${shown(entry)}`);
      }
    }
    const decoded = [outcomes.typescript.decoded, outcomes.go.decoded, outcomes.python.decoded].map(canonical);
    if (decoded[0] !== decoded[1] || decoded[0] !== decoded[2]) {
      counts.decodedMismatches++;
      note(problems.decoded, `TypeScript ${decoded[0]}\nGo ${decoded[1]}\nPython ${decoded[2]}\non ${shown(entry)}`);
    }
  });
  return comparison;
}

/** What every comparison must show: no crash and no disagreement of any kind. */
export const AGREEMENT = {
  counts: { crashes: 0, verdictMismatches: 0, errorMismatches: 0, decodedMismatches: 0 },
  problems: { verdict: [], errors: [], decoded: [], crashes: [] },
} as const;
