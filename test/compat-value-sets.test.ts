import { describe, expect, it } from "vitest";
import { withCounterexamples } from "../generators/compat/counterexamples.js";
import { diffSnapshots, type Finding, type Snapshot } from "../generators/compat/diff.js";
import { RULES } from "../generators/ir/change-rules.js";
import { loadValidators, type ValidateEvent } from "../generators/output/load-validators.js";
import { SCHEMAS } from "./support/paths.js";
import { ajvAccepts, bumpTextJob, readSchemas, snapshot, type Schemas } from "./support/snapshots.js";

/**
 * `compat` compares what each side accepts, not how it is written. Each case gives an optional payload property
 * `probe` one schema before and another after (or edits around it), and the verdict: no finding at all for a
 * rewrite no event can notice, or the rule a real change raises. Every breaking finding must carry a
 * counterexample, which is judged again here by both sides' generated validators, each reading the event as its
 * own version of it (one must accept it, the other refuse it), and by ajv on each side's schema.
 */

const withProbe = (schema: Record<string, unknown>) => (schemas: Schemas): void => {
  schemas.get("text-job.json")["$defs"].TextJobPayload.properties.probe = { description: "A probe.", ...schema };
};

interface Case {
  readonly about: string;
  readonly before: (schemas: Schemas) => void;
  readonly after: (schemas: Schemas) => void;
  /** The rules expected, all of them; none for a change no event can notice. */
  readonly rules: readonly string[];
  readonly bump?: boolean;
}

const UUID_LOWER = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

const CASES: readonly Case[] = [
  // Rewrites no event can notice.
  { about: "a group made non-capturing", before: withProbe({ type: "string", pattern: "^a(-x)?$" }), after: withProbe({ type: "string", pattern: "^a(?:-x)?$" }), rules: [] },
  { about: "[0-9] written as \\d", before: withProbe({ type: "string", pattern: "^[0-9]{3}$" }), after: withProbe({ type: "string", pattern: "^\\d{3}$" }), rules: [] },
  { about: "a maxLength the pattern implies, dropped", before: withProbe({ type: "string", pattern: "^[a-z]{3}$", maxLength: 3 }), after: withProbe({ type: "string", pattern: "^[a-z]{3}$" }), rules: [] },
  { about: "both length bounds the pattern implies, dropped", before: withProbe({ type: "string", pattern: "^[a-z]{2,4}$", minLength: 2, maxLength: 4 }), after: withProbe({ type: "string", pattern: "^[a-z]{2,4}$" }), rules: [] },
  { about: "an integer minimum 0 written as exclusiveMinimum -1", before: withProbe({ type: "integer", minimum: 0 }), after: withProbe({ type: "integer", exclusiveMinimum: -1 }), rules: [] },
  { about: "an integer bound below 64 written as 63.5", before: withProbe({ type: "integer", exclusiveMaximum: 64 }), after: withProbe({ type: "integer", maximum: 63.5 }), rules: [] },
  { about: "multipleOf 1 added to an integer", before: withProbe({ type: "integer", maximum: 9 }), after: withProbe({ type: "integer", maximum: 9, multipleOf: 1 }), rules: [] },
  { about: "integer written as number with multipleOf 1", before: withProbe({ type: "integer", minimum: 1 }), after: withProbe({ type: "number", minimum: 1, multipleOf: 1 }), rules: [] },
  { about: "a one-value enum written as const", before: withProbe({ type: "string", enum: ["only"] }), after: withProbe({ const: "only" }), rules: [] },
  { about: "format uuid added to a pattern of lower-case UUIDs", before: withProbe({ type: "string", pattern: UUID_LOWER }), after: withProbe({ type: "string", pattern: UUID_LOWER, format: "uuid" }), rules: [] },
  { about: "an equivalent rewrite with a version bump", before: withProbe({ type: "string", pattern: "^[0-9]+$" }), after: (s) => { bumpTextJob(s); withProbe({ type: "string", pattern: "^\\d+$" })(s); }, rules: ["VERSION_BUMP_WITHOUT_BREAKING_CHANGE"] },
  // Changes an event can notice.
  { about: "a shorter maxLength", before: withProbe({ type: "string", maxLength: 10 }), after: withProbe({ type: "string", maxLength: 5 }), rules: ["BOUND_CHANGED"] },
  { about: "a shorter maxLength beside a pattern", before: withProbe({ type: "string", pattern: "^[a-z]+$", maxLength: 10 }), after: withProbe({ type: "string", pattern: "^[a-z]+$", maxLength: 5 }), rules: ["BOUND_CHANGED"] },
  { about: "a pattern that allows more", before: withProbe({ type: "string", pattern: "^[a-z]+$" }), after: withProbe({ type: "string", pattern: "^[a-z0-9]+$" }), rules: ["PATTERN_CHANGED"] },
  { about: "a pattern added", before: withProbe({ type: "string" }), after: withProbe({ type: "string", pattern: "^x" }), rules: ["PATTERN_CHANGED"] },
  { about: "a multipleOf doubled", before: withProbe({ type: "integer", multipleOf: 2 }), after: withProbe({ type: "integer", multipleOf: 4 }), rules: ["BOUND_CHANGED"] },
  { about: "a decimal multipleOf", before: withProbe({ type: "number", multipleOf: 0.5 }), after: withProbe({ type: "number", multipleOf: 0.25 }), rules: ["BOUND_CHANGED"] },
  { about: "a minimum made exclusive", before: withProbe({ type: "number", minimum: 0 }), after: withProbe({ type: "number", exclusiveMinimum: 0 }), rules: ["BOUND_CHANGED", "BOUND_CHANGED"] },
  { about: "integer widened to number", before: withProbe({ type: "integer" }), after: withProbe({ type: "number" }), rules: ["TYPE_CHANGED"] },
  { about: "string made integer", before: withProbe({ type: "string" }), after: withProbe({ type: "integer" }), rules: ["TYPE_CHANGED"] },
  { about: "an enum value added", before: withProbe({ type: "string", enum: ["a", "b"] }), after: withProbe({ type: "string", enum: ["a", "b", "c"] }), rules: ["ENUM_VALUE_ADDED"] },
  { about: "a const changed", before: withProbe({ const: "x" }), after: withProbe({ const: "y" }), rules: ["CONST_CHANGED"] },
  { about: "a format changed", before: withProbe({ type: "string", format: "uuid" }), after: withProbe({ type: "string", format: "date" }), rules: ["FORMAT_CHANGED"] },
  { about: "a shorter maxLength with a version bump", before: withProbe({ type: "string", maxLength: 10 }), after: (s) => { bumpTextJob(s); withProbe({ type: "string", maxLength: 5 })(s); }, rules: ["BOUND_CHANGED"], bump: true },
];

async function judge(testCase: Case): Promise<{ findings: Finding[]; validate: { before: ValidateEvent; after: ValidateEvent }; old: Snapshot; current: Snapshot }> {
  const base = readSchemas(SCHEMAS);
  const [before, after] = [structuredClone(base), structuredClone(base)];
  testCase.before(before);
  testCase.before(after);
  testCase.after(after);
  const [old, current] = [snapshot(before), snapshot(after)];
  const validate = { before: await loadValidators(old.model), after: await loadValidators(current.model) };
  return { findings: withCounterexamples(diffSnapshots(old, current), old, current, validate.before, validate.after), validate, old, current };
}

describe("compat compares the values each side accepts", () => {
  for (const testCase of CASES) {
    it(`${testCase.about}: ${testCase.rules.length === 0 ? "no finding" : testCase.rules.join(", ")}`, async () => {
      const { findings, validate, old, current } = await judge(testCase);
      const contractFindings = findings.filter((finding) => RULES[finding.rule]?.kind !== "documentation" && finding.rule !== "OPTIONAL_PROPERTY_ADDED");
      expect(contractFindings.map((finding) => finding.rule).sort(), JSON.stringify(contractFindings, null, 2)).toEqual([...testCase.rules].sort());
      for (const finding of contractFindings.filter((candidate) => RULES[candidate.rule]?.kind === "breaking")) {
        expect(finding.severity).toBe(testCase.bump === true ? "breaking" : "violation");
        const counterexample = finding.counterexample;
        expect(counterexample, `${finding.rule} has no counterexample: ${finding.unproven ?? ""}`).toBeDefined();
        if (counterexample === undefined) continue;
        expect(counterexample.versions).toEqual(testCase.bump === true ? { old: 1, new: 2 } : { old: 1, new: 1 });
        const event = counterexample.event as Record<string, unknown>;
        const asOld = validate.before({ ...event, version: counterexample.versions.old });
        const asNew = validate.after({ ...event, version: counterexample.versions.new });
        expect([asOld.ok, asNew.ok]).toEqual(counterexample.validUnder === "old" ? [true, false] : [false, true]);
        // And by ajv, an implementation independent of the generated validators, on each side's schema.
        expect([ajvAccepts(old, { ...event, version: counterexample.versions.old }), ajvAccepts(current, { ...event, version: counterexample.versions.new })]).toEqual([asOld.ok, asNew.ok]);
      }
    });
  }
});
