import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../generators/output/tree.js";
import { CLI, ROOT } from "./support/paths.js";
import { cli, run } from "./support/run.js";
import { typeCheck } from "./support/tsc.js";

/**
 * Another team adopts the toolkit: `init` scaffolds its contracts repository, the toolkit is installed there
 * from its packed tarball (as `npm pack` makes it, with only the files it ships), and the repository's own npm
 * scripts generate, check and compare its contracts, with nothing of this repository's in them.
 */
describe("a contracts repository of another team, from init and the packed toolkit", () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-adoption-"));
  const repo = path.join(scratch, "shop");
  mkdirSync(repo);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const git = (...args: string[]): string => execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

  it("scaffolds config, an example schema, npm scripts, a CI workflow and a README, and never overwrites", () => {
    const result = cli(["init", "--name", "shop"], { cwd: repo });
    expect(result.status, result.stderr).toBe(0);
    for (const file of ["event-contracts.config.json", "schemas/example-created.json", ".github/workflows/contracts.yml", "README.md", ".gitignore", "package.json"]) expect(existsSync(path.join(repo, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(manifest.scripts).toMatchObject({ generate: "event-contracts generate", check: "event-contracts generate --check", compat: "event-contracts compat" });
    const workflow = readFileSync(path.join(repo, ".github/workflows/contracts.yml"), "utf8");
    expect(workflow).toContain("npm run check");
    expect(workflow).toContain("event-contracts compat");
    const again = cli(["init", "--name", "shop"], { cwd: repo });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("init writes only new files");
  });

  it("works there when installed from the packed tarball: generate, check, compat, validate", () => {
    const pack = run("npm", ["pack", ROOT, "--pack-destination", scratch, "--json"], { cwd: scratch });
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string }[];
    const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(scratch, info?.filename ?? "")], { cwd: repo });
    expect(install.status, install.stderr).toBe(0);
    const npm = (...args: string[]) => run("npm", ["run", "--silent", ...args], { cwd: repo });
    const generated = npm("generate");
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toContain("@shop/events 0.1.0 (first release)");
    expect(npm("check").status).toBe(0);
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "contracts");
    expect(npm("compat").stdout).toContain("no release yet");
    const example = (JSON.parse(readFileSync(path.join(repo, "schemas/example-created.json"), "utf8")) as { examples: unknown[] }).examples[0];
    writeFileSync(path.join(scratch, "event.json"), JSON.stringify(example));
    expect(npm("validate", "--", path.join(scratch, "event.json")).stdout).toContain("1 event: 1 valid, 0 invalid");
    // The installed toolkit is the one that ran, not this checkout.
    expect(realBin(repo)).not.toBe(CLI);
  }, 600_000);

  it("installs from a git URL as well (the commit checked out here) and generates there", () => {
    const other = path.join(scratch, "from-git");
    mkdirSync(other);
    expect(cli(["init", "--name", "warehouse"], { cwd: other }).status).toBe(0);
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `git+file://${ROOT}#${head}`], { cwd: other });
    expect(install.status, install.stderr).toBe(0);
    const generated = run("npm", ["run", "--silent", "generate"], { cwd: other });
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toContain("@warehouse/events 0.1.0 (first release)");
  }, 600_000);

  it("generates packages of its own: its names, its envelope, no Activity Builder text, compiling under tsc strictest", async () => {
    const out = path.join(repo, "out");
    const texts = (await listFiles(out)).map((file) => readFileSync(path.join(out, file), "utf8"));

    // Nothing of the Activity Builder's, its services or its scripts (outside the schemas, which are the team's).
    const files = await listFiles(out);
    files.forEach((file, index) => {
      if (!/(^|\/)schemas\//.test(file)) expect(texts[index], file).not.toMatch(/Activity Builder|activity-builder|jobId|userId|api-gateway|text-service|npm run kafka/);
    });
    expect(readFileSync(path.join(out, "python/pyproject.toml"), "utf8")).toContain('name = "shop-events"');
    expect(readFileSync(path.join(out, "ts/src/factories.ts"), "utf8")).toContain("eventId and time are filled in when left out");
    const sources = readdirSync(path.join(out, "ts/src")).filter((file) => file.endsWith(".ts")).map((file) => path.join(out, "ts/src", file));
    const result = typeCheck(sources);
    expect(result.stdout + result.stderr).toBe("");
  });
});

function realBin(repo: string): string {
  return path.resolve(repo, "node_modules/event-contracts/bin/event-contracts.js");
}
