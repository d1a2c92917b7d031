import { loadConfig } from "../generators/config.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../generators/ir/build.js";
import { loadSchemas } from "../generators/schema/load.js";
import { buildCorpus } from "./support/corpus.js";
import { AGREEMENT, compareOutcomes, runHarness, typescriptOutcome, type TypeScriptPackage } from "./support/differential.js";
import { FIXTURES, OUT, ROOT, SCHEMAS } from "./support/paths.js";
import { Reference } from "./support/reference.js";

/** The generated packages under test, and how many documents each gets: 20,000 in all. */
const PACKAGES = [
  { name: "canonical", schemas: SCHEMAS, ts: path.join(OUT, "ts/dist/esm/index.js"), python: "activity_events", documents: 8000 },
  { name: "versions", schemas: path.join(FIXTURES, "versions/schemas"), ts: path.join(FIXTURES, "versions/out/ts/dist/esm/index.js"), python: "versions_events", documents: 6000 },
  { name: "hostile", schemas: path.join(FIXTURES, "hostile/schemas"), ts: path.join(FIXTURES, "hostile/out/ts/dist/esm/index.js"), python: "hostile_events", documents: 3500 },
  // Another project's envelope (orderId, occurredAt, data), read from its config.
  { name: "orders", schemas: path.join(FIXTURES, "orders/contracts"), config: path.join(FIXTURES, "orders/event-contracts.config.json"), ts: path.join(FIXTURES, "orders/generated/ts/dist/esm/index.js"), python: "order_events", documents: 2500 },
] as const;

const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-differential-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(PACKAGES)("the $name packages: TypeScript, Go and Python agree with each other and with the reference", (pkg) => {
  it(`on ${pkg.documents} generated and mutated documents: verdicts, error lists and decoded values`, async () => {
    const envelope = "config" in pkg ? (await loadConfig(pkg.config, true)).envelope : undefined;
    const model = buildModel(await loadSchemas(pkg.schemas), envelope === undefined ? {} : { envelope });
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

    const { counts, problems } = compareOutcomes(corpus, reference, { typescript, go, python });
    expect({ counts, problems }).toMatchObject(AGREEMENT);
    // The corpus must exercise every verdict in earnest.
    expect(counts.valid).toBeGreaterThan(corpus.length * 0.15);
    expect(counts.invalid).toBeGreaterThan(corpus.length * 0.3);
    expect(counts.tolerantOnly).toBeGreaterThan(0);
  }, 300_000);
});
