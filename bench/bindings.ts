import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface BindingFigures {
  readonly language: string;
  /** ns per operation, by operation name; the first one is the parsing baseline. */
  readonly figures: readonly (readonly [string, number])[];
  readonly skipped?: string;
}

/** Go: `testing.B` benchmarks in test/go (validation and decoding beside encoding/json of the same message). */
export function goFigures(root: string): BindingFigures {
  const run = spawnSync("go", ["test", "-run", "^$", "-bench", ".", "-benchtime", "2000x", "-count", "3", "./..."], { cwd: path.join(root, "test/go"), encoding: "utf8" });
  if (run.status !== 0) return { language: "Go", figures: [], skipped: `go test -bench failed: ${run.stderr.trim().split("\n").at(-1) ?? ""}` };
  const samples = new Map<string, number[]>();
  for (const match of run.stdout.matchAll(/^Benchmark(\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns\/op/gm)) {
    const [, name = "", ns = "0"] = match;
    samples.set(name, [...(samples.get(name) ?? []), Number(ns)]);
  }
  const best = (name: string): number => Math.min(...(samples.get(name) ?? [Number.NaN]));
  return { language: "Go", figures: [["encoding/json Unmarshal (baseline)", best("JSONUnmarshal")], ["Validate", best("Validate")], ["Decode (validate + unmarshal)", best("Decode")]] };
}

/** Python: timeit in the test virtual environment (made by `npm test`). */
export function pythonFigures(root: string): BindingFigures {
  const python = path.join(root, ".venv/bin/python");
  if (!existsSync(python)) return { language: "Python", figures: [], skipped: "no .venv yet: run `npm test` once to create it" };
  const run = spawnSync(python, [path.join(root, "bench/bindings.py")], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) return { language: "Python", figures: [], skipped: `bench/bindings.py failed: ${run.stderr.trim().split("\n").at(-1) ?? ""}` };
  const results = JSON.parse(run.stdout) as Record<string, number>;
  return {
    language: "Python",
    figures: [["json.loads (baseline)", results["json.loads"] ?? Number.NaN], ["validate", results["validate"] ?? Number.NaN], ["decode (validate + model)", results["decode"] ?? Number.NaN]],
  };
}
