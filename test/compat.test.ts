import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withCounterexamples } from "../generators/compat/counterexamples.js";
import { diffSnapshots, type Finding } from "../generators/compat/diff.js";
import { RULES } from "../generators/ir/change-rules.js";
import { releaseLevel } from "../generators/compat/report.js";
import { loadValidators } from "../generators/output/load-validators.js";
import { FIXTURES, SCHEMAS } from "./support/paths.js";
import { ajvAccepts, bumpTextJob, readSchemas, snapshot, type Schemas } from "./support/snapshots.js";
import { cli } from "./support/run.js";


function compare(edit: (after: Schemas, before: Schemas) => void, base: string = SCHEMAS): Finding[] {
  const before = readSchemas(base);
  const after = structuredClone(before);
  edit(after, before);
  return diffSnapshots(snapshot(before), snapshot(after));
}

const payloadOf = (schemas: Schemas, file: string, definition: string): any => schemas.get(file)["$defs"][definition];
const textPayload = (schemas: Schemas): any => payloadOf(schemas, "text-job.json", "TextJobPayload");

/** Renames a `$defs` key and every reference to it: `#/$defs/...` in its own file, `file#/$defs/...` in any. */
function renameDefinition(schemas: Schemas, file: string, from: string, to: string): void {
  const defs = schemas.get(file)["$defs"];
  defs[to] = defs[from];
  delete defs[from];
  const targets = (own: boolean): string[] => [`${file}#/$defs/${from}`, ...(own ? [`#/$defs/${from}`] : [])];
  const rewrite = (node: any, own: boolean): void => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && targets(own).includes(value)) node[key] = value.replace(`$defs/${from}`, `$defs/${to}`);
      else rewrite(value, own);
    }
  };
  for (const [name, schema] of schemas) rewrite(schema, name === file);
}

/** A new event type: the text job's schema, copied under another eventType, title, topic and type names. */
function addNoteJob(schemas: Schemas): void {
  const copy = structuredClone(schemas.get("text-job.json"));
  copy.$id = copy.$id.replace("text-job.json", "note-job.json");
  copy.title = "Note job requested";
  copy.properties.eventType.const = "NOTE_JOB_REQUESTED";
  copy["x-kafka"].topic = "note-jobs";
  copy.examples.forEach((example: any) => (example.eventType = "NOTE_JOB_REQUESTED"));
  schemas.set("note-job.json", copy);
  renameDefinition(schemas, "note-job.json", "TextJobPayload", "NoteJobPayload");
  renameDefinition(schemas, "note-job.json", "TextJobOptions", "NoteJobOptions");
}

/** One case per rule: the change, the rule id it must raise, and the severity without a version bump. */
const CASES: readonly { rule: string; severity: Finding["severity"]; edit: (after: Schemas, before: Schemas) => void }[] = [
  { rule: "EVENT_TYPE_CHANGED", severity: "violation", edit: (s) => { const t = s.get("text-job.json"); t.properties.eventType.const = "TEXT_JOB_SUBMITTED"; t.examples.forEach((e: any) => (e.eventType = "TEXT_JOB_SUBMITTED")); } },
  { rule: "EVENT_ADDED", severity: "additive", edit: (s) => { addNoteJob(s); } },
  { rule: "EVENT_REMOVED", severity: "violation", edit: (s) => { s.delete("image-job.json"); } },
  { rule: "TOPIC_CHANGED", severity: "violation", edit: (s) => { s.get("text-job.json")["x-kafka"].topic = "text-jobs-v2"; } },
  { rule: "KEY_CHANGED", severity: "violation", edit: (s) => { s.get("text-job.json")["x-kafka"].key = "userId"; } },
  { rule: "PROPERTY_REMOVED", severity: "violation", edit: (s) => { delete textPayload(s).properties.tags; s.get("text-job.json").examples.forEach((e: any) => delete e.payload.tags); } },
  { rule: "REQUIRED_PROPERTY_ADDED", severity: "violation", edit: (s) => { textPayload(s).properties.addedLater = { description: "a", type: "string" }; textPayload(s).required.push("addedLater"); s.get("text-job.json").examples.forEach((e: any) => (e.payload.addedLater = "x")); } },
  { rule: "OPTIONAL_PROPERTY_ADDED", severity: "additive", edit: (s) => { textPayload(s).properties.addedLater = { description: "a", type: "string" }; } },
  { rule: "PROPERTY_MADE_REQUIRED", severity: "violation", edit: (s) => { textPayload(s).required.push("gradeLevel"); s.get("text-job.json").examples[1].payload.gradeLevel = 3; } },
  { rule: "PROPERTY_MADE_OPTIONAL", severity: "violation", edit: (s) => { textPayload(s).required = ["activityType", "prompt"]; } },
  { rule: "TYPE_CHANGED", severity: "violation", edit: (s) => { textPayload(s).properties.gradeLevel.type = "number"; } },
  { rule: "NULLABILITY_CHANGED", severity: "violation", edit: (s) => { payloadOf(s, "image-job.json", "ImageJobPayload").properties.seed.type = "integer"; s.get("image-job.json").examples[0].payload.seed = 1; } },
  { rule: "ENUM_VALUE_ADDED", severity: "violation", edit: (s) => { s.get("common.json")["$defs"].JobKind.enum.push("audio"); } },
  { rule: "ENUM_VALUE_REMOVED", severity: "violation", edit: (s) => { textPayload(s).properties.options = { description: "o", $ref: "#/$defs/TextJobOptions" }; s.get("text-job.json")["$defs"].TextJobOptions.properties.difficulty.enum = ["easy", "medium"]; } },
  { rule: "CONST_CHANGED", severity: "violation", edit: (s, before) => { textPayload(before).properties.channel = { description: "c", const: "web" }; textPayload(s).properties.channel = { description: "c", const: "mobile" }; } },
  { rule: "BOUND_CHANGED", severity: "violation", edit: (s) => { textPayload(s).properties.prompt.maxLength = 8000; } },
  { rule: "PATTERN_CHANGED", severity: "violation", edit: (s) => { s.get("common.json")["$defs"].UserId.pattern = "^[A-Za-z0-9._:@|-]+$"; } },
  { rule: "FORMAT_CHANGED", severity: "violation", edit: (s) => { payloadOf(s, "activity-result.json", "ActivityResultPayload").properties.activityId.format = "uri"; s.get("activity-result.json").examples.forEach((e: any) => (e.payload.activityId = "https://example.com/a")); } },
  { rule: "UNION_VARIANT_REMOVED", severity: "violation", edit: (s) => { const status = s.get("job-status.json"); status["$defs"].JobStatus.oneOf.pop(); status.examples.splice(1, 1); } },
  { rule: "UNION_VARIANT_ADDED", severity: "violation", edit: (s) => { const status = s.get("job-status.json"); const cancelled = structuredClone(status["$defs"].JobQueued); cancelled.properties.status.const = "cancelled"; status["$defs"].JobCancelled = cancelled; status["$defs"].JobStatus.oneOf.push({ $ref: "#/$defs/JobCancelled" }); } },
  { rule: "DISCRIMINATOR_CHANGED", severity: "violation", edit: (s) => { const result = s.get("activity-result.json"); for (const [name, tag] of [["TextOutput", "t"], ["ImageOutput", "i"]] as const) { const variant = result["$defs"][name]; variant.properties = { shape: { description: "s", const: tag }, ...variant.properties }; variant.required.push("shape"); } result.examples[0].payload.output.shape = "t"; result.examples[1].payload.output.shape = "i"; } },
  { rule: "PROPERTY_RENAMED", severity: "violation", edit: (s) => { const p = textPayload(s); p.properties.topic = { ...p.properties.prompt, "x-renamed-from": "prompt" }; delete p.properties.prompt; p.required = p.required.map((name: string) => (name === "prompt" ? "topic" : name)); s.get("text-job.json").examples.forEach((e: any) => { e.payload.topic = e.payload.prompt; delete e.payload.prompt; }); } },
  { rule: "TYPE_RENAMED", severity: "api", edit: (s) => { renameDefinition(s, "common.json", "UserId", "OwnerId"); } },
  { rule: "EXPORTED_TYPE_REMOVED", severity: "api", edit: (_s, before) => { before.get("common.json")["$defs"].Region = { description: "A region.", type: "string" }; } },
  { rule: "EXPORTED_TYPE_ADDED", severity: "additive", edit: (s) => { s.get("common.json")["$defs"].Region = { description: "A region.", type: "string" }; } },
  { rule: "DESCRIPTION_CHANGED", severity: "documentation", edit: (s) => { textPayload(s).properties.prompt.description = "What to write about."; } },
  { rule: "EXAMPLES_CHANGED", severity: "documentation", edit: (s) => { s.get("text-job.json").examples[1].payload.prompt = "Another prompt"; } },
  { rule: "SERVICES_CHANGED", severity: "documentation", edit: (s) => { s.get("text-job.json")["x-kafka"].consumers.push("analytics"); } },
];

describe("compat rules", () => {
  it("finds nothing between identical contracts", () => {
    expect(compare(() => {})).toEqual([]);
  });

  for (const { rule, severity, edit } of CASES) {
    it(`reports ${rule} as ${severity}, with a position in the schema`, () => {
      const findings = compare(edit);
      const finding = findings.find((candidate) => candidate.rule === rule);
      expect(finding, JSON.stringify(findings, null, 2)).toBeDefined();
      expect(finding?.severity).toBe(severity);
      expect(finding?.position?.line).toBeGreaterThan(0);
      expect(finding?.message.length).toBeGreaterThan(10);
    });
  }

  for (const { rule, edit } of CASES.filter((entry) => RULES[entry.rule]?.kind === "breaking")) {
    it(`allows ${rule} together with version + 1 and the old version kept`, () => {
      const findings = compare((after, before) => {
        edit(after, before);
        bumpEveryEvent(before, after);
      });
      const finding = findings.find((candidate) => candidate.rule === rule);
      expect(finding?.severity, JSON.stringify(findings.filter((candidate) => candidate.rule === rule))).toBe("breaking");
    });
  }

  it("passes a breaking change made with version + 1 that keeps the old version (the other direction)", () => {
    const versions = path.join(FIXTURES, "versions/schemas");
    const bumped = diffSnapshots(snapshot(onlyFirstVersions(readSchemas(versions))), snapshot(readSchemas(versions)));
    expect(bumped.filter((finding) => finding.severity === "violation")).toEqual([]);
    expect(bumped.map((finding) => finding.rule)).toEqual(expect.arrayContaining(["PROPERTY_RENAMED", "REQUIRED_PROPERTY_ADDED", "TYPE_CHANGED"]));
    // The declared rename (subject -> title, x-renamed-from) is one finding, not a removal and an addition.
    const rename = bumped.filter((finding) => finding.rule === "PROPERTY_RENAMED" || (finding.rule === "PROPERTY_REMOVED" && finding.pointer === "/payload/subject"));
    expect(rename.map((finding) => [finding.rule, finding.severity, finding.pointer])).toEqual([["PROPERTY_RENAMED", "breaking", "/payload/title"]]);
  });

  it("reports a version bump without a breaking change", () => {
    const findings = compare(bumpTextJob);
    expect(findings.map((finding) => [finding.rule, finding.severity])).toContainEqual(["VERSION_BUMP_WITHOUT_BREAKING_CHANGE", "violation"]);
  });

  it("reports a skipped version, a removed old version and an edited frozen version", () => {
    const versions = path.join(FIXTURES, "versions/schemas");
    // Version 3 beside version 1 is refused by the model itself (version 2 is missing); alone, compat says it.
    const skipped = diffSnapshots(snapshot(onlyFirstVersions(readSchemas(versions))), snapshot(withVersion(onlyFirstVersions(readSchemas(versions)), "note.json", 3)));
    expect(skipped.map((finding) => finding.rule)).toContain("VERSION_SKIPPED");
    const removed = compare((after) => after.delete("archive/note.v1.json"), versions);
    expect(removed.map((finding) => [finding.rule, finding.severity])).toContainEqual(["OLD_VERSION_REMOVED", "violation"]);
    const edited = compare((after) => {
      after.get("archive/note.v1.json")["$defs"].NotePayload.properties.subject.maxLength = 10;
    }, versions);
    expect(edited.map((finding) => [finding.rule, finding.severity, finding.version])).toContainEqual(["FROZEN_VERSION_CHANGED", "violation", 1]);
    const decreased = diffSnapshots(snapshot(readSchemas(versions)), snapshot(onlyFirstVersions(readSchemas(versions))));
    expect(decreased.map((finding) => finding.rule)).toContain("VERSION_DECREASED");
  });

  it("holds the version archived by a bump to what was published: a bound changed on the way is FROZEN_VERSION_CHANGED, a topic refused", () => {
    const versions = path.join(FIXTURES, "versions/schemas");
    const published = snapshot(onlyFirstVersions(readSchemas(versions)));
    const bound = readSchemas(versions);
    bound.get("archive/note.v1.json")["$defs"].NotePayload.properties.subject.maxLength = 10;
    expect(diffSnapshots(published, snapshot(bound)).map((finding) => [finding.rule, finding.severity, finding.version])).toContainEqual(["FROZEN_VERSION_CHANGED", "violation", 1]);
    const topic = readSchemas(versions);
    topic.get("archive/note.v1.json")["x-kafka"].topic = "notes-archive";
    // Versions of one event on two topics are refused before any comparison, by the model itself.
    expect(() => snapshot(topic)).toThrow(/every version of NOTE_CREATED must use one topic/);
  });

  it("proves an edit of a frozen version by an event of that version which one side accepts and the other refuses", async () => {
    const versions = path.join(FIXTURES, "versions/schemas");
    const before = readSchemas(versions);
    const after = structuredClone(before);
    after.get("archive/note.v1.json")["$defs"].NotePayload.properties.subject.maxLength = 10;
    const [old, current] = [snapshot(before), snapshot(after)];
    const validate = { old: await loadValidators(old.model), new: await loadValidators(current.model) };
    const frozen = withCounterexamples(diffSnapshots(old, current), old, current, validate.old, validate.new).find((finding) => finding.rule === "FROZEN_VERSION_CHANGED");
    const counterexample = frozen?.counterexample;
    expect(counterexample, frozen?.unproven).toBeDefined();
    if (counterexample === undefined) return;
    expect(counterexample).toMatchObject({ validUnder: "old", versions: { old: 1, new: 1 } });
    const event = counterexample.event as Record<string, unknown>;
    expect([validate.old(event).ok, validate.new(event).ok, ajvAccepts(old, event), ajvAccepts(current, event)]).toEqual([true, false, true, false]);
  });

  it("has a case for every rule of the table", () => {
    // The version rules are set up by the tests above, on the versions fixture; every other rule is in CASES.
    const versionRules = ["VERSION_BUMP_WITHOUT_BREAKING_CHANGE", "VERSION_SKIPPED", "VERSION_DECREASED", "OLD_VERSION_REMOVED", "FROZEN_VERSION_CHANGED"];
    expect([...CASES.map((entry) => entry.rule), ...versionRules].sort()).toEqual(Object.keys(RULES).sort());
  });

  it("reads a description edited in a frozen version as documentation, not a violation", () => {
    const versions = path.join(FIXTURES, "versions/schemas");
    const findings = compare((after) => {
      after.get("archive/note.v1.json")["$defs"].NotePayload.properties.subject.description = "The subject line, as the writer typed it.";
    }, versions);
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.version])).toEqual([["DESCRIPTION_CHANGED", "documentation", 1]]);
  });

  it("reports a renamed $defs key once, as a change of the packages' API: no version bump, a major release", () => {
    const findings = compare((s) => renameDefinition(s, "common.json", "UserId", "OwnerId"));
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.message])).toEqual([["TYPE_RENAMED", "api", "type UserId renamed to OwnerId: the packages export it under the new name, so code that names UserId must change"]]);
    expect(releaseLevel(findings)).toBe("major");
    // Renamed in the same change as a bump, it is still one finding, and does not by itself justify the bump.
    const bumped = compare((s) => { renameDefinition(s, "common.json", "UserId", "OwnerId"); bumpTextJob(s); });
    expect(bumped.filter((finding) => finding.severity !== "documentation").map((finding) => finding.rule).sort()).toEqual(["TYPE_RENAMED", "VERSION_BUMP_WITHOUT_BREAKING_CHANGE"]);
  });

  it("pairs a type renamed with no use by its file and structure, and reports an inlined one as renamed at its place", () => {
    const unused = compare((s, before) => {
      before.get("common.json")["$defs"].Region = { description: "A region.", type: "string" };
      s.get("common.json")["$defs"].Area = { description: "A region.", type: "string" };
    });
    expect(unused.map((finding) => [finding.rule, finding.side, finding.pointer])).toEqual([["TYPE_RENAMED", "new", "/$defs/Area"]]);
    const inlined = compare((s) => {
      const payload = textPayload(s);
      payload.properties.options = { ...s.get("text-job.json")["$defs"].TextJobOptions, description: payload.properties.options.description };
      delete s.get("text-job.json")["$defs"].TextJobOptions;
    });
    expect(inlined.filter((finding) => finding.severity !== "documentation").map((finding) => [finding.rule, finding.pointer])).toEqual([["TYPE_RENAMED", "/payload/options"]]);
  });

  it("locates what was removed in the old tree", () => {
    const findings = compare((s, before) => {
      s.delete("image-job.json");
      before.get("common.json")["$defs"].Region = { description: "A region.", type: "string" };
    });
    const removed = findings.filter((finding) => finding.rule === "EVENT_REMOVED" || finding.rule === "EXPORTED_TYPE_REMOVED");
    expect(removed.length).toBeGreaterThan(1);
    for (const finding of removed) expect(finding.side).toBe("old");
    expect(findings.filter((finding) => finding.side === "new").every((finding) => finding.file !== "image-job.json")).toBe(true);
  });

  for (const { rule, edit } of CASES.filter((entry) => RULES[entry.rule]?.kind === "breaking")) {
    for (const bumped of [false, true]) {
      it(`proves ${rule}${bumped ? " with version + 1" : ""} by a counterexample that one side's validators accept and the other's refuse, ajv agreeing`, async () => {
        const before = readSchemas(SCHEMAS);
        const after = structuredClone(before);
        edit(after, before);
        if (bumped) bumpEveryEvent(before, after);
        const [old, current] = [snapshot(before), snapshot(after)];
        const validate = { old: await loadValidators(old.model), new: await loadValidators(current.model) };
        const findings = withCounterexamples(diffSnapshots(old, current), old, current, validate.old, validate.new);
        const finding = findings.find((candidate) => candidate.rule === rule);
        const counterexample = finding?.counterexample;
        expect(counterexample, `${rule}: ${finding?.unproven ?? "no finding"}`).toBeDefined();
        if (counterexample === undefined) return;
        expect(counterexample.versions).toEqual(bumped ? { old: 1, new: 2 } : { old: 1, new: 1 });
        const event = counterexample.event as Record<string, unknown>;
        const verdicts = [validate.old({ ...event, version: counterexample.versions.old }).ok, validate.new({ ...event, version: counterexample.versions.new }).ok];
        expect(verdicts).toEqual(counterexample.validUnder === "old" ? [true, false] : [false, true]);
        expect([ajvAccepts(old, { ...event, version: counterexample.versions.old }), ajvAccepts(current, { ...event, version: counterexample.versions.new })]).toEqual(verdicts);
      });
    }
  }

  it("backs breaking findings with a counterexample judged by the generated validators", async () => {
    const before = readSchemas(SCHEMAS);
    const after = structuredClone(before);
    textPayload(after).properties.prompt.maxLength = 100;
    const [old, current] = [snapshot(before), snapshot(after)];
    const findings = withCounterexamples(diffSnapshots(old, current), old, current, await loadValidators(old.model), await loadValidators(current.model));
    const bound = findings.find((finding) => finding.rule === "BOUND_CHANGED");
    expect(bound?.counterexample?.validUnder).toBe("old");
    const prompt = (bound?.counterexample?.event as { payload: { prompt: string } }).payload.prompt;
    expect([...prompt].length).toBeGreaterThan(100);
  });
});

/** Archives every event schema of `before` as version 1 in `after`, and makes `after`'s schemas version 2. */
function bumpEveryEvent(before: Schemas, after: Schemas): void {
  for (const [file, schema] of before) {
    if (!("x-kafka" in schema) || !after.has(file)) continue;
    const name = file.replace(/\.json$/, "");
    after.set(`archive/${name}.v1.json`, { ...structuredClone(schema), $id: schema.$id.replace(`${name}.json`, `${name}.v1.json`) });
    withVersion(after, file, 2);
  }
}

/** The versions fixture as it was before version 2: each version 1 schema as the current one. */
function onlyFirstVersions(schemas: Schemas): Schemas {
  const out: Schemas = new Map();
  for (const [file, value] of schemas) {
    if (!file.startsWith("archive/")) continue;
    const current = file.replace("archive/", "").replace(".v1", "");
    out.set(current, { ...value, $id: value.$id.replace("archive/", "").replace(".v1", "") });
  }
  return out;
}

function withVersion(schemas: Schemas, file: string, version: number): Schemas {
  const schema = schemas.get(file);
  schema.properties.version.const = version;
  schema.examples.forEach((example: any) => (example.version = version));
  return schemas;
}

describe("event-contracts compat", () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), "event-contracts-git-"));
  const git = (...args: string[]): string => execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  cpSync(SCHEMAS, path.join(repo, "schemas"), { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "contracts");
  const textJob = path.join(repo, "schemas/text-job.json");
  const edit = (change: (schema: any) => void): void => {
    const schema = JSON.parse(readFileSync(textJob, "utf8"));
    change(schema);
    writeFileSync(textJob, JSON.stringify(schema, null, 2));
  };
  edit((schema) => (schema["$defs"].TextJobPayload.properties.addedLater = { description: "Who reads it.", type: "string" }));
  git("commit", "-q", "-am", "add an optional property");

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("exits 0 for an additive change in the git history, and lists it", () => {
    const result = cli(["compat", "--against", "HEAD~1"], { cwd: repo });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ADDITIVE +schemas\/text-job\.json:\d+:\d+ {2}\/payload\/addedLater {2}TEXT_JOB_REQUESTED v1: optional property "addedLater" added \[OPTIONAL_PROPERTY_ADDED\]$/m);
    expect(result.stdout).toContain("release: minor");
  });

  it("exits 1 for a breaking change without a version bump, with a counterexample", () => {
    edit((schema) => (schema["$defs"].TextJobPayload.properties.prompt.maxLength = 100));
    try {
      const result = cli(["compat", "--against", "HEAD"], { cwd: repo });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^VIOLATION +schemas\/text-job\.json:\d+:\d+ {2}\/payload\/prompt {2}TEXT_JOB_REQUESTED v1: maxLength changed: 4000 -> 100 .* \[BOUND_CHANGED\]$/m);
      expect(result.stderr).toContain("counterexample, valid under the old contract only");
      const json = cli(["compat", "--against", "HEAD", "--format", "json"], { cwd: repo });
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as { summary: { violations: number }; findings: Finding[] };
      expect(report.summary.violations).toBe(1);
      expect(report.findings[0]).toMatchObject({ rule: "BOUND_CHANGED", severity: "violation", pointer: "/payload/prompt", file: "schemas/text-job.json" });
      const github = cli(["compat", "--against", "HEAD", "--format", "github"], { cwd: repo });
      expect(github.stdout).toMatch(/^::error file=schemas\/text-job\.json,line=\d+,col=\d+,title=BOUND_CHANGED::TEXT_JOB_REQUESTED v1 \/payload\/prompt: maxLength changed/m);
    } finally {
      git("checkout", "-q", "--", "schemas");
    }
  });

  it("names a removed schema file where it was: in the compared commit, by its path from the repository's top", () => {
    rmSync(path.join(repo, "schemas/image-job.json"));
    try {
      const result = cli(["compat", "--against", "HEAD"], { cwd: repo });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^VIOLATION +HEAD:schemas\/image-job\.json:1:1 {2}\/ {2}IMAGE_JOB_REQUESTED v1: event type IMAGE_JOB_REQUESTED was removed.* \[EVENT_REMOVED\]$/m);
      // Annotations go on files of the checkout: the old tree's file is named in the message.
      const github = cli(["compat", "--against", "HEAD", "--format", "github"], { cwd: repo });
      expect(github.stdout).toMatch(/^::error title=EVENT_REMOVED::IMAGE_JOB_REQUESTED v1 HEAD:schemas\/image-job\.json:1:1 \/: event type/m);
      // The tree `git show` reads, so the path can be opened as it is.
      expect(git("show", "HEAD:schemas/image-job.json")).toContain("IMAGE_JOB_REQUESTED");
    } finally {
      git("checkout", "-q", "--", "schemas");
    }
  });

  it("exits 2 for an unknown ref, and says what to fetch in a shallow clone", () => {
    expect(cli(["compat", "--against", "no-such-ref"], { cwd: repo }).status).toBe(2);
    const shallow = mkdtempSync(path.join(os.tmpdir(), "event-contracts-shallow-"));
    try {
      execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
      const result = cli(["compat", "--against", "HEAD~1"], { cwd: shallow });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("shallow clone");
      expect(result.stderr).toContain("git fetch --deepen=1");
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it("compares with a folder of schemas", () => {
    const result = cli(["compat", "--against", SCHEMAS, "--schemas", path.join(repo, "schemas")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("OPTIONAL_PROPERTY_ADDED");
  });
});
