import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import typescript from "typescript";
import { ACTIVITY, median } from "./harness.js";
import { runMeasuringTree } from "./tree-memory.js";

export interface ColdStart {
  readonly name: string;
  readonly ms: number;
}

/**
 * Import + first validation, each in a fresh Node.js process (the time a service pays before its first
 * event), measured inside the child from just before the first import to just after the first verdict.
 */
export function coldStarts(root: string, message: string, runs = 9): ColdStart[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-bench-"));
  try {
    const zodSource = typescript.transpileModule(readFileSync(path.join(root, "bench/zod-text-job.ts"), "utf8"), {
      compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(dir, "zod-text-job.mjs"), zodSource.replace('from "zod"', `from ${JSON.stringify(pathToFileURL(path.join(root, "node_modules/zod/index.js")).href)}`));
    const url = (file: string): string => JSON.stringify(pathToFileURL(path.join(root, file)).href);
    const schemaFiles = ["schemas/common.json", "schemas/text-job.json"].map((file) => readFileSync(path.join(root, ACTIVITY, file), "utf8"));
    const cases: Record<string, string> = {
      "generated validator": `const { validateEvent } = await import(${url(`${ACTIVITY}/out/ts/dist/esm/index.js`)});
        ok = validateEvent(JSON.parse(message)).ok;`,
      "ajv 8 (compiled at run time)": `const { Ajv2020 } = await import(${url("node_modules/ajv/dist/2020.js")});
        const addFormats = (await import(${url("node_modules/ajv-formats/dist/index.js")})).default.default;
        const ajv = new Ajv2020(); addFormats(ajv); ajv.addKeyword("x-kafka");
        const schemas = ${JSON.stringify(schemaFiles)}.map((text) => JSON.parse(text));
        ajv.addSchema(schemas[0]);
        ok = ajv.compile(schemas[1])(JSON.parse(message));`,
      "zod 4 (hand-written schema)": `const { zodTextJobRequested } = await import(${JSON.stringify(pathToFileURL(path.join(dir, "zod-text-job.mjs")).href)});
        ok = zodTextJobRequested.safeParse(JSON.parse(message)).success;`,
    };
    return Object.entries(cases).map(([name, body]) => {
      const script = path.join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
      writeFileSync(script, `const message = ${JSON.stringify(message)}; let ok = false;
        const start = performance.now();
        ${body}
        const end = performance.now();
        if (ok !== true) throw new Error("the first validation must pass");
        process.stdout.write(String(end - start));`);
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        const child = spawnSync(process.execPath, [script], { encoding: "utf8" });
        if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
        samples.push(Number(child.stdout));
      }
      return { name, ms: median(samples) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of `event-contracts generate` for the shipped schemas, as a user runs it. */
export function generateWallMs(root: string, runs = 3): number {
  const out = mkdtempSync(path.join(os.tmpdir(), "event-contracts-bench-out-"));
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [path.join(root, "bin/event-contracts.js"), "generate", "--out", out], { cwd: root, encoding: "utf8" });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (child.status !== 0) throw new Error(child.stderr);
    }
    return median(samples);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface ScaleFigure {
  readonly schemas: number;
  readonly ms: number;
  readonly peakMiB: number;
}

/**
 * Wall time and peak memory of one `generate` over a synthetic set of `count` event schemas: clones of the
 * text-job.json of the Activity Builder fixture, each with its own names, eventType, topic and $id, beside its
 * common.json. Memory is that of the CLI's whole process tree (Biome, gofmt and esbuild run beside it).
 */
export async function generateAtScale(root: string, count: number): Promise<ScaleFigure> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-bench-scale-"));
  try {
    const schemas = path.join(scratch, "schemas");
    mkdirSync(schemas);
    copyFileSync(path.join(root, ACTIVITY, "schemas/common.json"), path.join(schemas, "common.json"));
    const template = readFileSync(path.join(root, ACTIVITY, "schemas/text-job.json"), "utf8");
    for (let index = 1; index <= count; index++) {
      const clone = template
        .replaceAll("TextJobPayload", `TextJobPayload${index}`)
        .replaceAll("TextJobOptions", `TextJobOptions${index}`)
        .replaceAll("TEXT_JOB_REQUESTED", `TEXT_JOB_REQUESTED_${index}`)
        .replaceAll('"text-jobs"', `"text-jobs-${index}"`)
        .replaceAll("/text-job.json", `/text-job-${index}.json`)
        .replaceAll('"Text job requested"', `"Text job requested ${index}"`);
      writeFileSync(path.join(schemas, `text-job-${index}.json`), clone);
    }
    // The CLI as users run it (bin/event-contracts.js).
    const run = await runMeasuringTree(process.execPath, [path.join(root, "bin/event-contracts.js"), "generate", "--schemas", "schemas", "--out", "out"], scratch);
    if (run.status !== 0) throw new Error(run.stderr);
    return { schemas: count, ms: run.ms, peakMiB: run.peakMiB };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Wall time of `event-contracts validate` on 10,000 NDJSON events (1 in 50 invalid), as a user runs it, with
 * the generated validators of out/ and, for comparison, with validators built from the schemas (an output
 * folder that is not there); the baseline is a Node.js process that reads the file and parses every line.
 */
export function validateWallMs(root: string, runs = 3): { readonly generated: number; readonly built: number; readonly baseline: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-bench-validate-"));
  try {
    const examples = (JSON.parse(readFileSync(path.join(root, "schemas/text-job.json"), "utf8")) as { examples: Record<string, unknown>[] }).examples;
    const lines = Array.from({ length: 10_000 }, (_, index) => {
      const example = examples[index % examples.length] ?? {};
      return JSON.stringify(index % 50 === 0 ? { ...example, payload: { ...(example["payload"] as object), prompt: "" } } : example);
    });
    const input = path.join(dir, "events.ndjson");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const wall = (args: readonly string[], expected: readonly number[]): number => {
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (!expected.includes(child.status ?? -1)) throw new Error(child.stderr);
      }
      return median(samples);
    };
    const cli = path.join(root, "bin/event-contracts.js");
    return {
      generated: wall([cli, "validate", input], [1]),
      built: wall([cli, "validate", input, "--out", path.join(dir, "no-output")], [1]),
      baseline: wall(["-e", `require("node:fs").readFileSync(${JSON.stringify(input)}, "utf8").split("\\n").filter(Boolean).forEach((line) => JSON.parse(line))`], [0]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
