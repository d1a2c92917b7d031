import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/paths.js";
import { run, type RunResult } from "./support/run.js";

/**
 * bin/event-contracts.js runs a bundle of generators/ cached under a hash of the sources. A copy of the toolkit
 * (its own generators/, the same node_modules) is edited here as a developer would, to show that the bundle
 * never runs stale sources, that runs in parallel share it, and that stack traces still name the sources.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-bin-"));
const tool = path.join(scratch, "tool");
const cache = path.join(scratch, "cache");
for (const folder of ["bin", "generators", "templates"]) cpSync(path.join(ROOT, folder), path.join(tool, folder), { recursive: true });
cpSync(path.join(ROOT, "package.json"), path.join(tool, "package.json"));
symlinkSync(path.join(ROOT, "node_modules"), path.join(tool, "node_modules"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = { EVENT_CONTRACTS_CACHE_DIR: cache };
const ec = (...args: string[]): RunResult => run(process.execPath, [path.join(tool, "bin/event-contracts.js"), ...args], { cwd: scratch, env });
const bundles = (): string[] => readdirSync(cache).filter((name) => name.startsWith("cli-")).sort();
const edit = (file: string, from: string, to: string): void => {
  const source = path.join(tool, "generators", file);
  const text = readFileSync(source, "utf8");
  expect(text).toContain(from);
  writeFileSync(source, text.replace(from, to));
};

describe("the CLI's bundle cache", () => {
  it("is made by the first run and reused by the next", () => {
    expect(ec("--help").status).toBe(0);
    const [first, ...rest] = bundles();
    expect(rest).toEqual([]);
    expect(ec("--help").stdout).toContain("Turns JSON Schema event contracts into typed, validated packages.");
    expect(bundles()).toEqual([first]);
  });

  it("never runs stale sources: an edit makes a new bundle at the next run", () => {
    edit("cli/main.ts", "Turns JSON Schema event contracts into typed, validated packages.", "An edited description.");
    const help = ec("--help");
    expect(help.stdout).toContain("An edited description.");
    expect(bundles()).toHaveLength(2);
  });

  it("is shared by runs in parallel that find none", async () => {
    rmSync(cache, { recursive: true, force: true });
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => new Promise<number | null>((resolve) => spawn(process.execPath, [path.join(tool, "bin/event-contracts.js"), "--help"], { env: { ...process.env, ...env }, stdio: "ignore" }).once("exit", resolve))),
    );
    expect(runs).toEqual([0, 0, 0, 0]);
    expect(bundles()).toHaveLength(1);
    expect(readdirSync(cache).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps stack traces naming the source files (EVENT_CONTRACTS_DEBUG=1)", () => {
    edit("cli/validate-command.ts", "export async function runValidate(", 'export async function runValidate(...never: never[]): Promise<never> {\n  throw new TypeError("a planted bug");\n}\nasync function unused(');
    const result = run(process.execPath, [path.join(tool, "bin/event-contracts.js"), "validate", "-"], { cwd: scratch, env: { ...env, EVENT_CONTRACTS_DEBUG: "1" }, input: "{}" });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("a planted bug");
    const line = readFileSync(path.join(tool, "generators/cli/validate-command.ts"), "utf8").split("\n").findIndex((text) => text.includes("a planted bug")) + 1;
    expect(result.stderr).toContain(`generators/cli/validate-command.ts:${line}:9`);
  });

  it("falls back to running the sources through tsx where no cache folder can be made", () => {
    writeFileSync(path.join(scratch, "a-file"), "");
    const result = run(process.execPath, [path.join(tool, "bin/event-contracts.js"), "--help"], { cwd: scratch, env: { EVENT_CONTRACTS_CACHE_DIR: path.join(scratch, "a-file/cache") } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Commands:");
  });
});
