import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, SCHEMAS } from "./support/paths.js";
import { run, type RunResult } from "./support/run.js";

/**
 * Versions come from the last release (a git tag), never from what the output folder holds: a user's edits,
 * reverts and generates, run with the real CLI and git in a scratch repository, in order.
 */
const repo = mkdtempSync(path.join(os.tmpdir(), "event-contracts-release-"));
const env = { GIT_AUTHOR_NAME: "Tests", GIT_AUTHOR_EMAIL: "tests@example.com", GIT_COMMITTER_NAME: "Tests", GIT_COMMITTER_EMAIL: "tests@example.com" };
const textJob = path.join(repo, "schemas/text-job.json");
let original = "";

const git = (...args: string[]): RunResult => run("git", args, { cwd: repo, env });
const ec = (...args: string[]): RunResult => run(process.execPath, [CLI, ...args], { cwd: repo, env });
const editTextJob = (edit: (schema: { $defs: { TextJobPayload: { properties: Record<string, unknown>; required: string[] } } }) => void): void => {
  const schema = JSON.parse(original) as Parameters<typeof edit>[0];
  edit(schema);
  writeFileSync(textJob, `${JSON.stringify(schema, null, 2)}\n`);
};
const version = (): string => (JSON.parse(readFileSync(path.join(repo, "out/release.json"), "utf8")) as { version: string }).version;

beforeAll(() => {
  cpSync(SCHEMAS, path.join(repo, "schemas"), { recursive: true });
  cpSync(path.join(ROOT, "event-contracts.config.json"), path.join(repo, "event-contracts.config.json"));
  original = readFileSync(textJob, "utf8");
  expect(git("init", "--quiet", "--initial-branch=main").status).toBe(0);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("releases", () => {
  it("start with the first release, recorded by `release` as the tag contracts-v1.0.0", () => {
    const first = ec("generate");
    expect(first.stdout).toContain("@shared/events 1.0.0 (first release)");
    git("add", "-A");
    git("commit", "--quiet", "-m", "contracts");
    const release = ec("release");
    expect(release.stdout, release.stderr).toContain("tagged contracts-v1.0.0");
    expect(git("tag", "--list").stdout.trim()).toBe("contracts-v1.0.0");
    expect(ec("release").stdout).toContain("nothing to release");
  });

  it("give the same version whatever edits and generates came before: a typo fixed in a new field stays a minor release", () => {
    editTextJob((schema) => (schema.$defs.TextJobPayload.properties["adddedLater"] = { type: "string", description: "A field added later." }));
    expect(ec("generate").stdout).toContain("@shared/events 1.0.0 -> 1.1.0 (minor): 1 additive change");
    editTextJob((schema) => (schema.$defs.TextJobPayload.properties["addedLater"] = { type: "string", description: "A field added later." }));
    const fixed = ec("generate");
    expect(fixed.stdout).toContain("@shared/events 1.0.0 -> 1.1.0 (minor): 1 additive change");
    expect(version()).toBe("1.1.0");
    expect(readFileSync(path.join(repo, "out/go/go.mod"), "utf8")).not.toContain("/v2");
    expect(readFileSync(path.join(repo, "out/CHANGELOG.md"), "utf8")).not.toContain("adddedLater");
  });

  it("restore the committed output exactly when an edit is reverted", () => {
    writeFileSync(textJob, original);
    expect(ec("generate").stdout).toContain("@shared/events 1.0.0 (no change since the last release)");
    expect(git("status", "--porcelain").stdout).toBe("");
  });

  it("are refused when they break a rule against the last release: exit 1, nothing written", () => {
    // A bound tightened without a version bump: producers' events valid yesterday are refused today.
    editTextJob((schema) => ((schema.$defs.TextJobPayload.properties["prompt"] as { maxLength: number }).maxLength = 3999));
    const refused = ec("generate");
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain("[BOUND_CHANGED]");
    expect(refused.stderr).toContain("nothing was written");
    expect(git("status", "--porcelain", "--", "out").stdout).toBe("");
    // compat compares with the last release by default, as CI does.
    expect(ec("compat").status).toBe(1);
  });

  it("are made anyway with --allow-violations, which the changelog records", () => {
    const forced = ec("generate", "--allow-violations");
    expect(forced.status, forced.stderr).toBe(0);
    expect(version()).toBe("2.0.0");
    expect(readFileSync(path.join(repo, "out/CHANGELOG.md"), "utf8")).toContain("forced with --allow-violations");
  });

  it("are recorded only from a committed output folder in sync with the schemas", () => {
    const dirty = ec("release");
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toContain("not committed");
    writeFileSync(textJob, original);
    expect(ec("generate").status).toBe(0);
    expect(git("status", "--porcelain").stdout).toBe("");
    // A schema committed without generating.
    editTextJob((schema) => ((schema.$defs.TextJobPayload.properties["prompt"] as { description: string }).description = "Reworded."));
    git("commit", "--quiet", "-am", "reword");
    const stale = ec("release");
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain("not in sync");
    expect(git("tag", "--list").stdout.trim()).toBe("contracts-v1.0.0");
  });
});
