import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../generators/ir/build.js";
import { latestEvents, resolveType, type ContractsModel, type TypeNode } from "../generators/ir/model.js";
import { loadSchemas } from "../generators/schema/load.js";
import { buildCorpus, type CorpusEntry } from "./support/corpus.js";
import { FIXTURES, OUT, ROOT, SCHEMAS } from "./support/paths.js";
import { Reference } from "./support/reference.js";

type Issue = [string, string, string];

interface Outcome {
  readonly strict: Issue[];
  readonly tolerant: Issue[];
  readonly decoded: unknown;
  readonly decode: Issue[];
}

interface TypeScriptPackage {
  validateEventJson(data: Uint8Array, options?: { unknownProperties?: "allow" }): { ok: boolean; errors?: readonly { pointer: string; keyword: string; message: string }[]; value?: unknown };
  decodeEventJson(data: Uint8Array): { ok: boolean; errors?: readonly { pointer: string; keyword: string; message: string }[]; value?: unknown };
}

/** The generated packages under test, and how many documents each gets: 20,000 in all. */
const PACKAGES = [
  { name: "canonical", schemas: SCHEMAS, ts: path.join(OUT, "ts/dist/esm/index.js"), python: "activity_events", documents: 9000 },
  { name: "versions", schemas: path.join(FIXTURES, "versions/schemas"), ts: path.join(FIXTURES, "versions/out/ts/dist/esm/index.js"), python: "versions_events", documents: 7000 },
  { name: "hostile", schemas: path.join(FIXTURES, "hostile/schemas"), ts: path.join(FIXTURES, "hostile/out/ts/dist/esm/index.js"), python: "hostile_events", documents: 4000 },
] as const;

const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-differential-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a harness that prints one JSON line per document. */
function runHarness(command: string, args: readonly string[], cwd: string): Outcome[] {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stderr}`);
  return result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Outcome);
}

function typescriptOutcome(events: TypeScriptPackage, model: ContractsModel, bytes: Uint8Array): Outcome {
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

describe.each(PACKAGES)("the $name packages: TypeScript, Go and Python agree with each other and with the reference", (pkg) => {
  it(`on ${pkg.documents} generated and mutated documents: verdicts, error lists and decoded values`, async () => {
    const model = buildModel(await loadSchemas(pkg.schemas));
    const reference = new Reference(model);
    const perContract = Math.ceil(pkg.documents / model.events.length);
    const corpus = model.events.flatMap((contract, index) => buildCorpus(model, contract, perContract, 7919 * (index + 1) + pkg.documents));
    const file = path.join(scratch, `${pkg.name}.b64`);
    writeFileSync(file, corpus.map((entry) => Buffer.from(entry.bytes).toString("base64")).join("\n") + "\n");

    const events = (await import(pathToFileURL(pkg.ts).href)) as TypeScriptPackage;
    const typescript = corpus.map((entry) => typescriptOutcome(events, model, entry.bytes));
    const go = runHarness("go", ["run", "./cmd/differential", pkg.name, file], path.join(ROOT, "test/go"));
    const python = runHarness(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "test/python/differential.py"), pkg.python, file], ROOT);
    expect(go).toHaveLength(corpus.length);
    expect(python).toHaveLength(corpus.length);

    const problems = { verdict: [] as string[], errors: [] as string[], decoded: [] as string[], crashes: [] as string[] };
    const note = (list: string[], text: string): void => {
      if (list.length < 5) list.push(text);
    };
    const counts = { valid: 0, tolerantOnly: 0, invalid: 0, crashes: 0, verdictMismatches: 0, errorMismatches: 0, decodedMismatches: 0 };
    corpus.forEach((entry, index) => {
      const outcomes = { typescript: typescript[index] as Outcome, go: go[index] as Outcome, python: python[index] as Outcome };
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
    expect({ counts, problems }).toMatchObject({ counts: { crashes: 0, verdictMismatches: 0, errorMismatches: 0, decodedMismatches: 0 }, problems: { verdict: [], errors: [], decoded: [], crashes: [] } });
    // The corpus must exercise every verdict in earnest.
    expect(counts.valid).toBeGreaterThan(corpus.length * 0.15);
    expect(counts.invalid).toBeGreaterThan(corpus.length * 0.3);
    expect(counts.tolerantOnly).toBeGreaterThan(0);
  }, 300_000);
});
