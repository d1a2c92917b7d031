import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface BindingFigure {
  readonly name: string;
  readonly ns: number;
  /** The baseline this figure is a ratio of (a name in the same list), and the target ratio, if any. */
  readonly of?: string;
  readonly target?: number;
}

export interface BindingFigures {
  readonly language: string;
  readonly figures: readonly BindingFigure[];
  readonly skipped?: string;
}

/** Go: `testing.B` benchmarks in test/go (validation and decoding beside encoding/json of the same message). */
export function goFigures(root: string): BindingFigures {
  const run = spawnSync("go", ["test", "-run", "^$", "-bench", ".", "-benchtime", "20000x", "-count", "5", "./..."], { cwd: path.join(root, "test/go"), encoding: "utf8" });
  if (run.status !== 0) return { language: "Go", figures: [], skipped: `go test -bench failed: ${run.stderr.trim().split("\n").at(-1) ?? ""}` };
  const samples = new Map<string, number[]>();
  for (const match of run.stdout.matchAll(/^Benchmark(\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns\/op/gm)) {
    const [, name = "", ns = "0"] = match;
    samples.set(name, [...(samples.get(name) ?? []), Number(ns)]);
  }
  const best = (name: string): number => Math.min(...(samples.get(name) ?? [Number.NaN]));
  const map = "encoding/json into map[string]any";
  const struct = "encoding/json into the struct";
  return {
    language: "Go",
    figures: [
      { name: map, ns: best("JSONUnmarshal") },
      { name: struct, ns: best("JSONUnmarshalStruct") },
      { name: "Validate(bytes)", ns: best("Validate"), of: map, target: 1.2 },
      { name: "Decode(bytes)", ns: best("Decode"), of: struct, target: 1.5 },
      { name: "santhosh-tekuri/jsonschema v6", ns: best("SanthoshTekuri"), of: map },
    ],
  };
}

/** Python: timeit in the test virtual environment (made by `npm test`). */
export function pythonFigures(root: string): BindingFigures {
  const python = path.join(root, ".venv/bin/python");
  if (!existsSync(python)) return { language: "Python", figures: [], skipped: "no .venv yet: run `npm test` once to create it" };
  const run = spawnSync(python, [path.join(root, "bench/bindings.py")], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) return { language: "Python", figures: [], skipped: `bench/bindings.py failed: ${run.stderr.trim().split("\n").at(-1) ?? ""}` };
  const results = JSON.parse(run.stdout) as Record<string, number>;
  const loads = "json.loads";
  return {
    language: "Python",
    figures: [
      { name: loads, ns: results["json.loads"] ?? Number.NaN },
      { name: "validate(bytes)", ns: results["validate"] ?? Number.NaN, of: loads, target: 3 },
      { name: "decode(bytes)", ns: results["decode"] ?? Number.NaN, of: loads, target: 6 },
      { name: "jsonschema-rs (json.loads + is_valid)", ns: results["jsonschema-rs"] ?? Number.NaN, of: loads },
      { name: "python-jsonschema (json.loads + is_valid)", ns: results["python-jsonschema"] ?? Number.NaN, of: loads },
    ],
  };
}
