import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { withCounterexamples } from "../generators/compat/counterexamples.js";
import { diffSnapshots, type Snapshot } from "../generators/compat/diff.js";
import { compareValueSets, type Scalar } from "../generators/compat/value-sets.js";
import { loadValidators } from "../generators/output/load-validators.js";
import { seededRandom } from "./support/event-generator.js";
import { SCHEMAS } from "./support/paths.js";
import { readSchemas, snapshot } from "./support/snapshots.js";

/**
 * The value-set comparison behind `compat` (value-sets.ts), checked on a corpus of thousands of (old, new)
 * pairs it was not written for, against an implementation that shares none of its code: ajv, judging every
 * value of a finite domain (all strings over a small alphabet up to length 4, numbers on a grid of quarters,
 * and the witness) by each side's JSON Schema.
 *
 * - "equal" must be true on the whole domain: no value ajv tells apart (no miss);
 * - "different" with a witness must be confirmed by ajv: the side named accepts it, the other refuses it (no
 *   false alarm, and the proof is right);
 * - "different" without a witness must be borne out by some value of the domain (a claim without proof is
 *   still checked);
 * - "undecided" is not expected here: no pattern of the corpus looks past the string's ends.
 *
 * Half the pairs are equivalent rewrites of one another (the false alarms a keyword-by-keyword comparison
 * raises), the other half a small edit or an unrelated type.
 */

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ strict: false, multipleOfPrecision: 9 });
addFormats(ajv);

/** A scalar both as the contracts model holds it and as the JSON Schema ajv reads. */
interface Sample {
  readonly type: Scalar;
  readonly schema: Record<string, unknown>;
}

const ALPHABET = ["a", "b", "0", "-"];
const PATTERNS = ["^a+$", "^(a|b)*$", "^[ab]{1,3}$", "a", "^[0-9]", "b$", "^(?:ab)*$", "^a?b?$", "^[ab0]+$", "^\\d*$", "^[^-]*$", "^a{2}$", "^(a|ab)(b|)$", "0-", "^-?\\d+$", "^[a-z]*$", "(?:)"];

/** Rewrites of a pattern that accept the same strings, written differently. */
const EQUIVALENT_PATTERNS: readonly ((pattern: string) => string)[] = [
  (pattern) => pattern.replace(/\[0-9\]/g, "\\d"),
  (pattern) => pattern.replace(/\\d/g, "[0-9]"),
  (pattern) => pattern.replace(/\((?!\?)/g, "(?:"),
  (pattern) => pattern.replace(/\+/g, "{1,}"),
  (pattern) => pattern.replace(/\*/g, "{0,}"),
  (pattern) => pattern.replace(/\[ab\]/g, "(?:a|b)"),
  (pattern) => pattern.replace(/\?(?!:)/g, "{0,1}"),
  (pattern) => (pattern.startsWith("^") ? pattern : `^.*?${pattern}`),
];

function stringSample(pattern: string | undefined, minLength: number | undefined, maxLength: number | undefined): Sample {
  const type = { kind: "string" as const, ...(pattern === undefined ? {} : { pattern }), ...(minLength === undefined ? {} : { minLength }), ...(maxLength === undefined ? {} : { maxLength }) };
  const { kind: _kind, ...keywords } = type;
  return { type, schema: { type: "string", ...keywords } };
}

interface NumberKeywords {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

function numberSample(integer: boolean, keywords: NumberKeywords): Sample {
  return { type: { kind: "number", integer, ...keywords }, schema: { type: integer ? "integer" : "number", ...keywords } };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

const maybe = <T,>(next: () => number, value: T): T | undefined => (next() < 0.5 ? value : undefined);

function randomString(next: () => number): Sample {
  const min = maybe(next, Math.floor(next() * 3));
  const max = maybe(next, (min ?? 0) + Math.floor(next() * 4));
  return stringSample(maybe(next, pick(next, PATTERNS)) ?? (next() < 0.5 ? pick(next, PATTERNS) : undefined), min, max);
}

const BOUNDS = [-2, -1.5, -1, 0, 0.5, 1, 2, 2.5, 3];
const STEPS = [1, 0.5, 2, 0.25, 3];

function randomNumber(next: () => number): Sample {
  const keywords: Record<string, number> = {};
  for (const keyword of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) if (next() < 0.3) keywords[keyword] = pick(next, BOUNDS);
  if (next() < 0.4) keywords["multipleOf"] = pick(next, STEPS);
  return numberSample(next() < 0.5, keywords);
}

function randomWords(next: () => number): Sample {
  const words = ["a", "b", "ab", "0"].filter(() => next() < 0.5);
  if (words.length === 1 && next() < 0.5) return { type: { kind: "const", value: words[0] as string }, schema: { const: words[0] } };
  const values = words.length === 0 ? ["a"] : words;
  return { type: { kind: "enum", values }, schema: { type: "string", enum: values } };
}

function randomScalar(next: () => number): Sample {
  const roll = next();
  return roll < 0.45 ? randomString(next) : roll < 0.85 ? randomNumber(next) : randomWords(next);
}

/** A rewrite of the sample that accepts the same values, or undefined when none applies. */
function equivalentOf(sample: Sample, next: () => number): Sample | undefined {
  const type = sample.type;
  if (type.kind === "string") {
    const choice = next();
    if (choice < 0.6 && type.pattern !== undefined) {
      const rewritten = pick(next, EQUIVALENT_PATTERNS)(type.pattern);
      return rewritten === type.pattern ? undefined : stringSample(rewritten, type.minLength, type.maxLength);
    }
    // A minLength of 0 is no bound at all; so is a maxLength above every length the pattern allows.
    if (choice < 0.8) return type.minLength === undefined ? stringSample(type.pattern, 0, type.maxLength) : type.minLength === 0 ? stringSample(type.pattern, undefined, type.maxLength) : undefined;
    return type.pattern === "^a{2}$" && type.maxLength === undefined ? stringSample(type.pattern, type.minLength, 2 + Math.floor(next() * 3)) : undefined;
  }
  if (type.kind === "number") {
    const { kind: _kind, integer, ...keywords } = type;
    const choice = next();
    if (integer && choice < 0.25 && keywords.minimum !== undefined && Number.isInteger(keywords.minimum)) {
      const { minimum, ...rest } = keywords;
      return numberSample(true, { ...rest, exclusiveMinimum: minimum - 1 });
    }
    if (integer && choice < 0.5 && keywords.maximum !== undefined) return numberSample(true, { ...keywords, maximum: Math.floor(keywords.maximum) + 0.5 });
    if (integer && choice < 0.75 && keywords.multipleOf === undefined) return numberSample(choice < 0.6, { ...keywords, multipleOf: 1 });
    if (!integer && keywords.multipleOf === 1) return numberSample(true, keywords);
    return undefined;
  }
  if (type.kind === "enum" && type.values.length === 1) return { type: { kind: "const", value: type.values[0] as string }, schema: { const: type.values[0] } };
  if (type.kind === "const" && typeof type.value === "string") return { type: { kind: "enum", values: [type.value] }, schema: { type: "string", enum: [type.value] } };
  if (type.kind === "enum" && type.values.every((value) => value.length === 1)) {
    return stringSample(`^[${type.values.map((value) => (value === "-" ? "\\-" : value)).join("")}]$`, undefined, undefined);
  }
  return undefined;
}

/** A small edit: one keyword changed, added or dropped. It may or may not change the values accepted. */
function editOf(sample: Sample, next: () => number): Sample {
  const type = sample.type;
  if (type.kind === "string") {
    const choice = next();
    if (choice < 0.4) return stringSample(next() < 0.3 ? undefined : pick(next, PATTERNS), type.minLength, type.maxLength);
    if (choice < 0.7) return stringSample(type.pattern, maybe(next, Math.floor(next() * 3)), type.maxLength);
    return stringSample(type.pattern, type.minLength, maybe(next, Math.floor(next() * 5)));
  }
  if (type.kind === "number") {
    const { kind: _kind, integer, ...keywords } = type;
    const keyword = pick(next, ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "integer"] as const);
    if (keyword === "integer") return numberSample(!integer, keywords);
    const rest: Record<string, number> = { ...keywords };
    if (next() < 0.3) delete rest[keyword];
    else rest[keyword] = keyword === "multipleOf" ? pick(next, STEPS) : pick(next, BOUNDS);
    return numberSample(integer, rest);
  }
  return randomWords(next);
}

function corpus(size: number): { readonly before: Sample; readonly after: Sample; readonly kind: string }[] {
  const next = seededRandom(20261203);
  const pairs: { before: Sample; after: Sample; kind: string }[] = [];
  while (pairs.length < size) {
    const before = randomScalar(next);
    const roll = next();
    let equivalent: Sample | undefined;
    for (let attempt = 0; roll < 0.5 && equivalent === undefined && attempt < 5; attempt++) equivalent = equivalentOf(before, next);
    if (equivalent !== undefined) pairs.push({ before, after: equivalent, kind: "rewrite" });
    else if (roll < 0.85) pairs.push({ before, after: editOf(before, next), kind: "edit" });
    else pairs.push({ before, after: randomScalar(next), kind: "unrelated" });
  }
  return pairs;
}

function domain(): unknown[] {
  const strings: string[] = [""];
  let layer = [""];
  for (let length = 1; length <= 4; length++) {
    layer = layer.flatMap((prefix) => ALPHABET.map((character) => prefix + character));
    strings.push(...layer);
  }
  const numbers = Array.from({ length: 41 }, (_, index) => (index - 20) / 4);
  return [...strings, ...numbers, 100, -100, 1e6, 7.125, true, false];
}

const DOMAIN = domain();

describe("compat's value sets, against ajv on a corpus of 3,000 pairs", () => {
  const pairs = corpus(3000);
  const tally = { equal: 0, witnessed: 0, unwitnessed: 0, rewrites: 0 };
  const failures: string[] = [];
  for (const { before, after, kind } of pairs) {
    const [old, current] = [ajv.compile(before.schema), ajv.compile(after.schema)];
    const verdict = compareValueSets(before.type, after.type);
    const told = DOMAIN.find((value) => old(value) !== current(value));
    const about = `${JSON.stringify(before.schema)} -> ${JSON.stringify(after.schema)} (${kind})`;
    if (kind === "rewrite") tally.rewrites++;
    if (verdict.kind === "equal") {
      tally.equal++;
      if (told !== undefined) failures.push(`miss: ${about}: compat says equal, ajv tells ${JSON.stringify(told)} apart`);
      if (kind === "rewrite" && told !== undefined) failures.push(`a rewrite that is not one: ${about}`);
    } else if (verdict.kind === "different" && verdict.witness !== undefined) {
      tally.witnessed++;
      const { value, validUnder } = verdict.witness;
      const verdicts = [old(value), current(value)];
      if (verdicts.join() !== (validUnder === "old" ? "true,false" : "false,true")) failures.push(`false witness: ${about}: ${JSON.stringify(value)} said valid under ${validUnder} only, ajv says old ${String(verdicts[0])}, new ${String(verdicts[1])}`);
    } else if (verdict.kind === "different") {
      tally.unwitnessed++;
      if (told === undefined) failures.push(`unproven difference: ${about}: compat says different without a witness and no value of the domain tells them apart`);
    } else {
      failures.push(`undecided: ${about}: ${verdict.reason}`);
    }
  }

  it("never misses a difference, and every witness is one", () => {
    expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);
  });

  it("covers both verdicts and the rewrites in earnest", () => {
    // Not a check of compat: of the corpus, that it holds enough of each kind to mean something.
    const counts = JSON.stringify(tally);
    expect(tally.rewrites, counts).toBeGreaterThan(600);
    expect(tally.equal, counts).toBeGreaterThan(600);
    expect(tally.witnessed, counts).toBeGreaterThan(1000);
  });
});

/**
 * The same pairs through the whole of `compat` (schemas read into the model, the diff, the counterexamples
 * judged by the generated validators), as an optional payload property of the shipped text job, judged by ajv
 * on the two sides' real event schemas: a pair ajv tells apart on the domain must give a breaking finding whose
 * counterexample ajv confirms; a pair it cannot tell apart must give no finding of the contract.
 */
describe("compat end to end, against ajv on 80 pairs of contracts", () => {
  const pairs = corpus(3000);
  const chosen = [...pairs.filter((pair) => pair.kind === "rewrite").slice(0, 40), ...pairs.filter((pair) => pair.kind !== "rewrite").slice(0, 40)];
  it("agrees with ajv on every pair, and proves every break", async () => {
    const base = readSchemas(SCHEMAS);
    const failures: string[] = [];
    let breaks = 0;
    for (const { before, after, kind } of chosen) {
      const sides = [structuredClone(base), structuredClone(base)];
      sides.forEach((schemas, index) => (schemas.get("text-job.json")["$defs"].TextJobPayload.properties.probe = { description: "A probe.", ...(index === 0 ? before : after).schema }));
      const [old, current] = sides.map(snapshot) as [Snapshot, Snapshot];
      const validate = { old: await loadValidators(old.model), new: await loadValidators(current.model) };
      const findings = withCounterexamples(diffSnapshots(old, current), old, current, validate.old, validate.new).filter((finding) => finding.severity !== "documentation");
      const [ajvOld, ajvNew] = [ajv.compile(before.schema), ajv.compile(after.schema)];
      const told = DOMAIN.find((value) => ajvOld(value) !== ajvNew(value));
      const about = `${JSON.stringify(before.schema)} -> ${JSON.stringify(after.schema)} (${kind})`;
      if (told === undefined) {
        if (findings.length > 0) failures.push(`false alarm: ${about}: ${findings.map((finding) => finding.rule).join(", ")}`);
        continue;
      }
      breaks++;
      if (findings.length === 0) failures.push(`miss: ${about}: ajv tells ${JSON.stringify(told)} apart`);
      for (const finding of findings) {
        const counterexample = finding.counterexample;
        if (counterexample === undefined) {
          failures.push(`unproven: ${about}: ${finding.rule}: ${finding.unproven ?? ""}`);
          continue;
        }
        const event = counterexample.event as Record<string, unknown>;
        const verdicts = [eventAccepted(old, event), eventAccepted(current, event)];
        if (verdicts.join() !== (counterexample.validUnder === "old" ? "true,false" : "false,true")) failures.push(`wrong counterexample: ${about}: ${JSON.stringify(event)}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(breaks).toBeGreaterThan(20);
  });
});

const sideAjv = new WeakMap<Snapshot, Ajv2020>();

/** ajv on the event's schema in one side's model: its own compilation (once per side), not the oracle module's. */
function eventAccepted(side: Snapshot, event: Record<string, unknown>): boolean {
  let events = sideAjv.get(side);
  if (events === undefined) {
    events = new Ajv2020({ strict: false, multipleOfPrecision: 9 });
    addFormats(events);
    for (const schema of side.model.schemas) events.addSchema(JSON.parse(schema.text) as object);
    sideAjv.set(side, events);
  }
  const contract = side.model.events.find((candidate) => candidate.eventType === event["eventType"] && candidate.version === event["version"]);
  const validate = contract === undefined ? undefined : events.getSchema(contract.schemaId);
  if (validate === undefined) throw new Error(`no schema for ${String(event["eventType"])}`);
  return validate(event) === true;
}
