import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../generators/config.js";
import { findDrift } from "../generators/output/check.js";
import { manifestFile } from "../generators/output/out-folder.js";
import { generate } from "../generators/pipeline.js";
import { textOf } from "../generators/targets/target.js";
import { listFiles } from "../generators/output/tree.js";
import { FIXTURES, LIVE_OUT, LIVE_SCHEMAS, ROOT } from "./support/paths.js";
import { typeCheck } from "./support/tsc.js";

// The committed output folders are the golden files: generation must reproduce them byte for byte.
// To update a fixture's golden files: `node bin/event-contracts.js generate --config test/fixtures/<name>/event-contracts.config.json`.
// This is the one test that reads the live schemas/ and out/ (the CI drift check in a test's clothes).
const fixture = (name: string, schemas = "schemas", out = "out") => ({
  name: `the ${name} fixture`,
  config: path.join(FIXTURES, name, "event-contracts.config.json"),
  schemas: path.join(FIXTURES, name, schemas),
  out: path.join(FIXTURES, name, out),
});
const GOLDEN_TREES = [
  { name: "the canonical schemas", config: path.join(ROOT, "event-contracts.config.json"), schemas: LIVE_SCHEMAS, out: LIVE_OUT },
  fixture("activity"),
  fixture("hostile"),
  fixture("versions"),
  // Another team's project: its own envelope (orderId as the key, occurredAt as the time, data), folders and names.
  fixture("orders", "contracts", "generated"),
];

describe.each(GOLDEN_TREES)("golden output of $name", ({ config, schemas, out }) => {
  it("is reproduced byte for byte by generate", async () => {
    const { files } = await generate({ schemasDir: schemas, outDir: out, config: await loadConfig(config, true) });
    // What the CLI writes: the pipeline's files and the manifest that lists them.
    const drift = await findDrift(out, [...files, manifestFile(files.map((file) => file.path))]);
    expect(drift.map((entry) => `${entry.kind} ${entry.path}${entry.kind === "changed" ? `\n${entry.diff}` : ""}`)).toEqual([]);
  });

  it("is the same on a second run (deterministic)", async () => {
    const loaded = await loadConfig(config, true);
    const [first, second] = await Promise.all([generate({ schemasDir: schemas, outDir: out, config: loaded }), generate({ schemasDir: schemas, outDir: out, config: loaded })]);
    expect(second.files).toEqual(first.files);
  });

  it("has no generation time or absolute paths in it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-02-03T04:05:06Z"));
    try {
      const { files } = await generate({ schemasDir: schemas, outDir: out, config: await loadConfig(config, true) });
      for (const file of files) {
        expect(textOf(file), file.path).not.toContain(ROOT);
        expect(textOf(file), file.path).not.toMatch(/2001-02-03|981173106/);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("compiles under tsc with the strictest settings", async () => {
    const sources = (await listFiles(path.join(out, "ts/src"))).filter((file) => file.endsWith(".ts")).map((file) => path.join(out, "ts/src", file));
    expect(sources.length).toBeGreaterThan(0);
    const result = typeCheck(sources);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("ships declarations that type-check for ESM and CommonJS", async () => {
    for (const flavour of ["esm", "cjs"]) {
      const declarations = (await listFiles(path.join(out, "ts/dist", flavour))).filter((file) => file.endsWith(".d.ts"));
      const result = typeCheck(declarations.map((file) => path.join(out, "ts/dist", flavour, file)));
      expect(result.stdout + result.stderr, flavour).toBe("");
    }
  });
});
