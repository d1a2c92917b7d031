import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ACTIVITY, CLI, SCHEMAS, ROOT } from "./support/paths.js";
import { cli } from "./support/run.js";

const temporaryDirs: string[] = [];

function workspace(): { dir: string; schemas: string; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-cli-"));
  temporaryDirs.push(dir);
  cpSync(SCHEMAS, path.join(dir, "schemas"), { recursive: true });
  return { dir, schemas: path.join(dir, "schemas"), out: path.join(dir, "out") };
}

/** Adds a path to the output folder's manifest, as if an earlier generation had made that file. */
function listInManifest(out: string, file: string): void {
  const manifest = path.join(out, "manifest.json");
  const record = JSON.parse(readFileSync(manifest, "utf8")) as { files: string[] };
  writeFileSync(manifest, JSON.stringify({ ...record, files: [...record.files, file].sort() }, null, 2));
}

function editSchema(schemas: string, file: string, edit: (text: string) => string): void {
  const target = path.join(schemas, file);
  writeFileSync(target, edit(readFileSync(target, "utf8")));
}

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("event-contracts generate", () => {
  it("exits 0 and reports the repository's out/ in sync with --check", () => {
    const result = cli(["generate", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^out is in sync with the schemas \(\d+ files\)\.$/m);
    expect(result.status).toBe(0);
  });

  it("writes the packages and removes the files it generated before that it no longer generates", () => {
    const { dir, out } = workspace();
    expect(cli(["generate", "--out", "out"], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(out, "ts/dist/esm/index.js"))).toBe(true);
    // A file an earlier generation made (the manifest lists it) that this one does not make.
    writeFileSync(path.join(out, "ts/stale.txt"), "left over");
    listInManifest(out, "ts/stale.txt");
    const again = cli(["generate", "--out", "out"], { cwd: dir });
    expect(again.stdout).toMatch(/Generated \d+ files for 4 event types into out\./);
    expect(existsSync(path.join(out, "ts/stale.txt"))).toBe(false);
    expect(readFileSync(path.join(out, "manifest.json"), "utf8")).not.toContain("ts/stale.txt");
  });

  it("exits 1 with --check, listing changed, missing and extra files with a short diff, and writes nothing", () => {
    const { dir, out } = workspace();
    cli(["generate", "--out", "out"], { cwd: dir });
    const readme = path.join(out, "ts/README.md");
    writeFileSync(readme, readFileSync(readme, "utf8").replace("## Events", "## Our events"));
    rmSync(path.join(out, "ts/src/topics.ts"));
    writeFileSync(path.join(out, "ts/extra.js"), "");
    listInManifest(out, "ts/extra.js");
    const result = cli(["generate", "--out", "out", "--check"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("changed: ts/README.md");
    expect(result.stderr).toContain("-## Our events");
    expect(result.stderr).toContain("+## Events");
    expect(result.stderr).toContain("missing: ts/src/topics.ts");
    expect(result.stderr).toContain("extra:   ts/extra.js");
    expect(result.stderr).toContain("changed: manifest.json");
    expect(result.stderr).toContain("4 files differ");
    expect(existsSync(path.join(out, "ts/src/topics.ts"))).toBe(false);
    expect(existsSync(path.join(out, "ts/extra.js"))).toBe(true);
  });

  it("exits 2 on malformed JSON, naming file, line and column, and leaves out/ untouched", () => {
    const { dir, schemas, out } = workspace();
    cli(["generate", "--out", "out"], { cwd: dir });
    const before = readFileSync(path.join(out, "ts/src/types.ts"), "utf8");
    editSchema(schemas, "text-job.json", (text) => text.replace('"title": "Text job requested",', '"title": "Text job requested"'));
    const result = cli(["generate", "--out", "out"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^schemas\/text-job\.json:5:3 {2}malformed JSON: expected ','; fix the syntax at this position \[MALFORMED_JSON\]$/m);
    expect(result.stderr).toContain("nothing was written");
    expect(readFileSync(path.join(out, "ts/src/types.ts"), "utf8")).toBe(before);
  });

  it("exits 2 on an unresolvable $ref, naming the reference and the file", () => {
    const { dir, schemas } = workspace();
    editSchema(schemas, "image-job.json", (text) => text.replace('"#/$defs/ImageSize"', '"#/$defs/ImageDimensions"'));
    const result = cli(["generate", "--out", "out"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^schemas\/image-job\.json:\d+:\d+ {2}\/\$defs\/ImageJobPayload\/properties\/size\/\$ref {2}cannot resolve "\$ref": "#\/\$defs\/ImageDimensions"/m);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("reports a broken $ref of an envelope property once, with no follow-on envelope error", () => {
    const { dir, schemas } = workspace();
    editSchema(schemas, "text-job.json", (text) => text.replace("common.json#/$defs/UserId", "common.json#/$defs/UserIdentity"));
    const result = cli(["generate", "--out", "out"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("[UNRESOLVED_REF]");
    expect(result.stderr).not.toContain("[ENVELOPE]");
    expect(result.stderr).toContain("1 problem found; nothing was written.");
  });

  it("says what is wrong with broken JSON: a trailing comma at its comma, an unclosed bracket where it was opened", () => {
    const { dir, schemas } = workspace();
    editSchema(schemas, "text-job.json", (text) => text.replace('"payload"],', '"payload",],'));
    editSchema(schemas, "image-job.json", (text) => text.replace('"producers": ["api-gateway"],', '"producers": ["api-gateway",'));
    const result = cli(["generate", "--out", "out"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^schemas\/text-job\.json:13:\d+ {2}malformed JSON: a trailing comma: JSON allows no ',' before '\]'; remove it \[MALFORMED_JSON\]$/m);
    expect(result.stderr).toMatch(/^schemas\/image-job\.json:\d+:\d+ {2}malformed JSON: the '\[' at line \d+, column \d+ is not closed: a '\]' is missing before this '\}' \[MALFORMED_JSON\]$/m);
    expect(result.stderr).toContain("2 problems found; nothing was written.");
  });

  it("exits 2 listing every rule broken, as file:line:col  pointer  message", () => {
    const { dir, schemas } = workspace();
    editSchema(schemas, "job-status.json", (text) => text.replace('"description": "Which attempt this is, starting at 1.", ', ""));
    editSchema(schemas, "text-job.json", (text) => text.replace('"topic": "text-jobs"', '"topic": "text jobs"'));
    const result = cli(["generate", "--out", "out"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^schemas\/job-status\.json:\d+:\d+ {2}\/\$defs\/JobProcessing\/properties\/attempt {2}property "attempt" needs a "description"/m);
    expect(result.stderr).toMatch(/^schemas\/text-job\.json:\d+:\d+ {2}\/x-kafka\/topic {2}"x-kafka.topic" must be a Kafka topic name/m);
    expect(result.stderr).toContain("2 problems found; nothing was written.");
  });

  it("generates only the targets named with --target and keeps the other folders", () => {
    const { dir, out } = workspace();
    cli(["generate", "--out", "out"], { cwd: dir });
    const goTypes = path.join(out, "go/types.go");
    writeFileSync(goTypes, "// edited by hand\n");
    const result = cli(["generate", "--out", "out", "--target", "ts", "--target", "python"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readFileSync(goTypes, "utf8")).toBe("// edited by hand\n");
    expect(cli(["generate", "--out", "out", "--check", "--target", "ts"], { cwd: dir }).status).toBe(0);
    const check = cli(["generate", "--out", "out", "--check", "--target", "go"], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("changed: go/types.go");
    expect(cli(["generate", "--target", "cobol", "--check"]).status).toBe(2);
  });

  it("exits 2 when the schemas folder does not exist", () => {
    const result = cli(["generate", "--schemas", "no-such-folder", "--check"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("cannot read the schemas folder");
  });

  it("exits 2 on an invalid config file, naming the setting", () => {
    const { dir } = workspace();
    writeFileSync(path.join(dir, "event-contracts.config.json"), '{ "schemas": "schemas", "typescript": { "packageName": "Not A Name" }, "colour": "blue" }');
    const result = cli(["generate", "--check"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/event-contracts\.config\.json:1:\d+ {2}\/typescript\/packageName {2}"packageName" must be an npm package name/);
    expect(result.stderr).toContain('unknown setting "colour"');
  });

  it("exits 2 when --config names a missing file", () => {
    const result = cli(["generate", "--config", "missing.config.json", "--check"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("cannot read the config file");
  });
});

describe("event-contracts usage", () => {
  it("documents the commands and exit codes in --help", () => {
    const result = cli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("event-contracts generate");
    expect(result.stdout).toContain("event-contracts validate <input>");
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it("offers exactly the pipeline's targets for --target", async () => {
    const [{ TARGET_CHOICES }, { TARGET_NAMES }] = await Promise.all([import("../generators/cli/main.js"), import("../generators/pipeline.js")]);
    expect([...TARGET_CHOICES]).toEqual([...TARGET_NAMES]);
  });

  it("prints its version with --version and -V, and its help with -h", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) expect(cli([flag])).toMatchObject({ status: 0, stdout: `event-contracts ${version}\n` });
    expect(cli(["-h"]).stdout).toContain("event-contracts generate");
  });

  it("suggests the command or flag that was probably meant", () => {
    for (const [args, hint] of [[["gen"], "did you mean generate?"], [["genrate"], "did you mean generate?"], [["generate", "--chek"], "did you mean --check?"], [["compat", "--formt", "json"], "did you mean --format?"]] as const) {
      const result = cli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(hint);
    }
    expect(cli(["frobnicate"]).stderr).not.toContain("did you mean");
  });

  it("colours only for a terminal: FORCE_COLOR turns it on, NO_COLOR, TERM=dumb or a pipe off", async () => {
    const { styleFor } = await import("../generators/style.js");
    const coloured = (style: { error: (text: string) => string }): boolean => style.error("x") !== "x";
    expect(coloured(styleFor({ isTTY: true }, {}))).toBe(true);
    expect(coloured(styleFor({ isTTY: true }, { NO_COLOR: "1" }))).toBe(false);
    expect(coloured(styleFor({ isTTY: true }, { TERM: "dumb" }))).toBe(false);
    expect(coloured(styleFor({ isTTY: false }, {}))).toBe(false);
    expect(coloured(styleFor({ isTTY: false }, { FORCE_COLOR: "1", NO_COLOR: "1" }))).toBe(true);
    // The real CLI, its standard error a pipe: plain unless forced.
    const { dir, schemas } = workspace();
    editSchema(schemas, "text-job.json", (text) => text.replace('"title": "Text job requested",', '"title": "Text job requested"'));
    expect(cli(["generate"], { cwd: dir, env: { NO_COLOR: "", FORCE_COLOR: "" } }).stderr).not.toContain("\u001b[");
    expect(cli(["generate"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stderr).toContain("\u001b[1;31m1 problem found\u001b[0m");
  });

  it("reports as one JSON object with --format json, for results and for problems alike", () => {
    const inSync = JSON.parse(cli(["generate", "--check", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(inSync).toMatchObject({ command: "generate", exitCode: 0, check: true, inSync: true, drift: [] });
    const { dir, schemas } = workspace();
    writeFileSync(path.join(dir, "events.ndjson"), `${JSON.stringify(JSON.parse(readFileSync(path.join(SCHEMAS, "text-job.json"), "utf8")).examples[0])}\n{"eventType":"NOPE"}\n`);
    const validated = cli(["validate", "events.ndjson", "--format=json"], { cwd: dir });
    expect(validated.status).toBe(1);
    expect(JSON.parse(validated.stdout)).toMatchObject({ command: "validate", exitCode: 1, events: 2, valid: 1, invalid: 1, invalidEvents: [{ number: 2, line: 2, eventType: "NOPE" }] });
    editSchema(schemas, "text-job.json", (text) => text.replace('"title": "Text job requested",', '"title": "Text job requested"'));
    const refused = cli(["generate", "--format", "json"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ command: "generate", exitCode: 2, problems: [{ code: "MALFORMED_JSON", file: "schemas/text-job.json", line: 5, column: 3 }] });
    expect(refused.stderr).toBe("");
  });

  it("regenerates on every change with generate --watch, printing problems and carrying on, until interrupted", async () => {
    const { dir, schemas, out } = workspace();
    const child = spawn(process.execPath, [CLI, "generate", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const until = async (pattern: RegExp, count: number): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while ((said.match(new RegExp(pattern.source, "g")) ?? []).length < count) {
        if (Date.now() > deadline) throw new Error(`waited for ${count} x ${pattern.source} in:\n${said}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await until(/watching schemas/, 1);
      expect(existsSync(path.join(out, "ts/src/types.ts"))).toBe(true);
      editSchema(schemas, "text-job.json", (text) => text.replace('"title": "Text job requested",', '"title": "Text job requested"'));
      await until(/1 problem found/, 1);
      await until(/watching schemas/, 2);
      editSchema(schemas, "text-job.json", (text) => text.replace('"title": "Text job requested"\n', '"title": "Text job requested",\n'));
      await until(/Generated \d+ files/, 2);
      await until(/watching schemas/, 3);
    } finally {
      child.kill("SIGINT");
    }
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
  }, 120_000);

  it("prints only problems with --quiet", () => {
    const quiet = cli(["generate", "--check", "--quiet"]);
    expect(quiet).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(cli(["generate", "--check"]).stdout).toContain("in sync");
  });

  it("exits 2 when gofmt is not installed, saying what to install or which targets to keep", () => {
    const { dir } = workspace();
    const result = cli(["generate", "--schemas", SCHEMAS, "--out", path.join(dir, "out")], { env: { PATH: path.dirname(process.execPath) } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("gofmt is not on the PATH");
    expect(result.stderr).toContain("--target ts --target python");
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("exits 2 on an unknown flag or command, or none", () => {
    expect(cli(["generate", "--frobnicate"]).status).toBe(2);
    expect(cli(["publish"]).status).toBe(2);
    const none = cli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("name a command");
  });
});

describe("event-contracts validate", () => {
  const example = JSON.parse(readFileSync(path.join(SCHEMAS, "text-job.json"), "utf8")).examples[0];

  it("exits 0 on valid events", () => {
    const { dir } = workspace();
    writeFileSync(path.join(dir, "one.json"), JSON.stringify(example));
    const result = cli(["validate", path.join(dir, "one.json")], { cwd: ACTIVITY });
    expect(result.stdout.trim()).toBe("1 event: 1 valid, 0 invalid");
    expect(result.status).toBe(0);
  });

  it("exits 1 on a JSON array with invalid events, printing index, eventType and errors", () => {
    const { dir } = workspace();
    const bad = { ...example, payload: { ...example.payload, prompt: "" }, extra: 1 };
    writeFileSync(path.join(dir, "batch.json"), JSON.stringify([example, bad, { eventType: "NOPE" }]));
    const result = cli(["validate", path.join(dir, "batch.json")], { cwd: ACTIVITY });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("#2 TEXT_JOB_REQUESTED: 2 problems");
    expect(result.stderr).toContain("/payload/prompt  must not be empty [minLength]");
    expect(result.stderr).toContain("/extra  is not a property of this contract [additionalProperties]");
    expect(result.stderr).toContain("#3 NOPE: 1 problem");
    expect(result.stderr).toContain("3 events: 1 valid, 2 invalid");
  });

  it("reads NDJSON from standard input and reports malformed lines", () => {
    const input = `${JSON.stringify(example)}\n\n{not json\n${JSON.stringify({ ...example, version: 2 })}\n`;
    const result = cli(["validate", "-"], { input, cwd: ACTIVITY });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("#2 (line 3): malformed JSON");
    expect(result.stderr).toContain("#3 (line 4) TEXT_JOB_REQUESTED: 1 problem");
    expect(result.stderr).toContain("/version  must be one of the versions the contracts keep: 1 [version]");
  });

  it("judges with the validators generated in out/ when out/ was made from these schemas, else builds them", () => {
    const { dir, out } = workspace();
    cpSync(path.join(ACTIVITY, "out"), out, { recursive: true });
    rmSync(path.join(dir, "schemas"), { recursive: true });
    cpSync(path.join(ACTIVITY, "schemas"), path.join(dir, "schemas"), { recursive: true });
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ ...example, payload: { ...example.payload, prompt: "" } }));
    // A stand-in for out/'s compiled validators that accepts everything: if it is what judges, it was loaded.
    const compiled = path.join(out, "ts/dist/esm/validators.js");
    writeFileSync(compiled, "export function validateEvent() { return { ok: true }; }\n");
    expect(cli(["validate", "bad.json"], { cwd: dir })).toMatchObject({ status: 0, stdout: "1 event: 1 valid, 0 invalid\n" });
    // A schema that differs from the copy out/ ships: out/ was not made from it, so the validators are built.
    editSchema(path.join(dir, "schemas"), "text-job.json", (text) => text.replace('"Text job requested"', '"Text job requested" '));
    expect(cli(["validate", "bad.json"], { cwd: dir }).status).toBe(1);
  });

  it("reports a broken JSON array where it is broken, not as NDJSON", () => {
    const { dir } = workspace();
    writeFileSync(path.join(dir, "batch.json"), `[\n${JSON.stringify(example, null, 2)},\n]\n`);
    const result = cli(["validate", "batch.json"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^batch\.json:\d+:2 {2}malformed JSON: a trailing comma: JSON allows no ',' before '\]'; remove it \[MALFORMED_JSON\]$/m);
    expect(result.stderr).not.toContain("invalid");
  });

  it("exits 2 when the input cannot be read or is empty", () => {
    expect(cli(["validate", path.join(ROOT, "no-such-file.json")], { cwd: ACTIVITY }).status).toBe(2);
    const empty = cli(["validate", "-"], { input: "  \n", cwd: ACTIVITY });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("standard input holds no events");
  });
});
