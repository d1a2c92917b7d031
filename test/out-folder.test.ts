import { createHash, randomBytes } from "node:crypto";
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, SCHEMAS } from "./support/paths.js";
import { cli } from "./support/run.js";

/**
 * The output folder is the tool's, and only what the tool made in it is: `generate` refuses a folder it may not
 * own (exit 2, every byte, mode and link as it was), moves the files it did not make into the new tree as they
 * are, and lists them in `--check` without calling them drift. Every case runs the real CLI on a scratch copy.
 */
const scratch: string[] = [];

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-out-"));
  scratch.push(dir);
  cpSync(SCHEMAS, path.join(dir, "schemas"), { recursive: true });
  cpSync(path.join(ROOT, "event-contracts.config.json"), path.join(dir, "event-contracts.config.json"));
  return dir;
}

/** Every entry below a folder: its path, type, mode, and bytes or link target. "Untouched" is the same snapshot. */
function snapshot(folder: string): string {
  const hash = createHash("sha256");
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(folder, relative)).sort()) {
      const entry = path.join(relative, name);
      const full = path.join(folder, entry);
      const stat = lstatSync(full);
      hash.update(`${entry}\u0000${stat.mode}\u0000`);
      if (stat.isSymbolicLink()) hash.update(readlinkSync(full));
      else if (stat.isDirectory()) walk(entry);
      else hash.update(readFileSync(full));
    }
  };
  walk("");
  return hash.digest("hex");
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("generate's output folder", () => {
  it("must be named: --out without a value, or empty, is refused with exit 2 and nothing changes", () => {
    const dir = project();
    const before = snapshot(dir);
    for (const args of [["generate", "--out"], ["generate", "--out="], ["generate", "--out", ""]]) {
      const result = cli(args, { cwd: dir });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/--out|out/);
      expect(snapshot(dir)).toBe(before);
    }
  });

  it("is refused when it is or holds the schemas, the config file or a repository root", () => {
    const dir = project();
    mkdirSync(path.join(dir, ".git"));
    writeFileSync(path.join(dir, ".git/HEAD"), "ref: refs/heads/main\n");
    const before = snapshot(dir);
    const cases: [string, RegExp][] = [
      [".", /is or holds the schemas folder/],
      ["schemas", /is or holds the schemas folder/],
      [path.dirname(dir), /is or holds the schemas folder/],
    ];
    for (const [out, message] of cases) {
      const result = cli(["generate", "--out", out], { cwd: dir });
      expect(result.status, out).toBe(2);
      expect(result.stderr, out).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    // The config file's folder, with the schemas elsewhere.
    const config = cli(["generate", "--out", ".", "--schemas", SCHEMAS], { cwd: dir });
    expect(config.stderr).toMatch(/is or holds the config file/);
    expect(config.status).toBe(2);
    // A repository root that holds neither.
    const repository = path.join(dir, "other-repo");
    mkdirSync(path.join(repository, ".git"), { recursive: true });
    const result = cli(["generate", "--out", repository], { cwd: dir });
    expect(result.stderr).toMatch(/root of a repository/);
    expect(result.status).toBe(2);
    rmSync(repository, { recursive: true });
    expect(snapshot(dir)).toBe(before);
  });

  it("is refused when it holds files and no record of a generation, and is left byte for byte", () => {
    const dir = project();
    const out = path.join(dir, "elsewhere");
    mkdirSync(out);
    writeFileSync(path.join(out, "photo.bin"), randomBytes(4096));
    symlinkSync("photo.bin", path.join(out, "link"));
    chmodSync(path.join(out, "photo.bin"), 0o600);
    const before = snapshot(out);
    const result = cli(["generate", "--out", "elsewhere"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not empty and was not made by event-contracts/);
    expect(snapshot(out)).toBe(before);
  });

  it("keeps the files it did not make byte for byte, with their modes and links, and --check lists them apart", () => {
    const dir = project();
    expect(cli(["generate"], { cwd: dir }).status).toBe(0);
    const out = path.join(dir, "out");
    // What users leave in a generated folder: a binary file, a link, and pip's build leftovers.
    const photo = randomBytes(4096);
    writeFileSync(path.join(out, "photo.bin"), photo);
    chmodSync(path.join(out, "photo.bin"), 0o600);
    symlinkSync("../README.md", path.join(out, "ts/readme-link"));
    mkdirSync(path.join(out, "python/build/lib"), { recursive: true });
    writeFileSync(path.join(out, "python/build/lib/module.py"), "x = 1\n");
    const foreign = (): string => snapshot(path.join(out, "python/build")) + readlinkSync(path.join(out, "ts/readme-link")) + statSync(path.join(out, "photo.bin")).mode;

    const before = foreign();
    expect(cli(["generate"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(out, "photo.bin"))).toEqual(photo);
    expect(foreign()).toBe(before);

    const check = cli(["generate", "--check"], { cwd: dir });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("foreign: photo.bin (not made by event-contracts; generate leaves it as it is)");
    expect(check.stdout).toContain("foreign: python/build (a build leftover of a package tool such as pip or npm: generate keeps it, publish ignores it;");
    expect(check.stdout).toContain("foreign: ts/readme-link ");
    expect(check.stdout).toMatch(/out is in sync with the schemas/);
  });

  it("is an ordinary folder: folders 0777 and files 0666 less the umask", () => {
    const dir = project();
    expect(cli(["generate"], { cwd: dir }).status).toBe(0);
    const umask = process.umask();
    for (const folder of ["out", "out/ts", "out/ts/src"]) expect((statSync(path.join(dir, folder)).mode & 0o777).toString(8), folder).toBe((0o777 & ~umask).toString(8));
    for (const file of ["out/manifest.json", "out/ts/package.json"]) expect((statSync(path.join(dir, file)).mode & 0o777).toString(8), file).toBe((0o666 & ~umask).toString(8));
  });

  it("adopts a folder an earlier version of the tool generated (release.json, no manifest)", () => {
    const dir = project();
    expect(cli(["generate"], { cwd: dir }).status).toBe(0);
    rmSync(path.join(dir, "out/manifest.json"));
    writeFileSync(path.join(dir, "out/notes.txt"), "mine\n");
    expect(cli(["generate"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, "out/notes.txt"), "utf8")).toBe("mine\n");
    expect(JSON.parse(readFileSync(path.join(dir, "out/manifest.json"), "utf8")).files).not.toContain("notes.txt");
  });

  it("never writes over a file it did not make: a foreign folder where a target goes is refused", () => {
    const dir = project();
    expect(cli(["generate", "--target", "ts"], { cwd: dir }).status).toBe(0);
    mkdirSync(path.join(dir, "out/docs"));
    writeFileSync(path.join(dir, "out/docs/mine.md"), "# mine\n");
    const before = snapshot(path.join(dir, "out"));
    const result = cli(["generate"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/generate would write where files it did not make are: out\/docs/);
    expect(snapshot(path.join(dir, "out"))).toBe(before);
  });
});
