import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import { readLastRelease } from "./compat/last-release.js";
import { nextRelease, ReleaseViolationsError, type Release } from "./compat/release.js";
import { buildModel } from "./ir/build.js";
import { locateExampleFailures, type ExampleFailure } from "./ir/examples.js";
import type { ContractsModel } from "./ir/model.js";
import { formatFiles } from "./output/format.js";
import { listFiles } from "./output/tree.js";
import { judgeAside } from "./oracle-thread.js";
import { ContractProblemsError, ProblemCollector, compareText, type Problem } from "./problems.js";
import { loadSchemas, type LoadedSchema } from "./schema/load.js";
import type { GeneratedFile, Target, TargetContext } from "./targets/target.js";
import { docsTarget } from "./targets/docs/index.js";
import { goTarget } from "./targets/go/index.js";
import { pythonTarget } from "./targets/python/index.js";
import { releaseTarget } from "./targets/release.js";
import { typescriptTarget } from "./targets/typescript/index.js";
import { vectorsTarget } from "./targets/vectors/index.js";
import { checkUpcasters } from "./upcasters.js";

export const TARGETS: readonly Target[] = [typescriptTarget, goTarget, pythonTarget, vectorsTarget, docsTarget];

const TEMPLATES_DIR = fileURLToPath(new URL("../templates/", import.meta.url));

export interface Generation {
  readonly model: ContractsModel;
  /** This generation's version and what changed since the last release. */
  readonly release: Release;
  /** Paths relative to the output folder, sorted. */
  readonly files: readonly GeneratedFile[];
}

export const TARGET_NAMES: readonly string[] = TARGETS.map((target) => target.name);

/**
 * The order targets are made in. The TypeScript package goes first: Biome formats it (sources and
 * declarations) and esbuild compiles it while the other targets are made, instead of after all of them (1.3 s
 * of waiting at the end, at 512 event schemas). The vectors are last: this thread only waits for them, made on
 * the oracle thread from the start.
 */
const GENERATION_ORDER: readonly Target[] = [typescriptTarget, goTarget, pythonTarget, docsTarget, vectorsTarget];

export interface GenerateOptions {
  readonly schemasDir: string;
  /** The output folder; its CHANGELOG.md at the last release is the history the changelog continues. */
  readonly outDir: string;
  /** Release even when the contracts break a rule against the last release; the changelog says so. */
  readonly allowViolations?: boolean;
  readonly config: Config;
  /** Targets to generate; all by default. The release record (version, changelog) is always made. */
  readonly targets?: readonly string[];
  /** Hand-written upcasters; by default the `upcasters` folder beside the schemas folder. */
  readonly upcastersDir?: string;
}

/**
 * The whole pipeline but the last step: schemas -> model -> targets -> formatted files, all in memory.
 * Each target owns the folder of its name in the output; the release record sits at the top.
 */
export async function generate(options: GenerateOptions): Promise<Generation> {
  const { schemasDir, outDir, config } = options;
  const schemas = await loadSchemas(schemasDir);
  const model = buildModel(schemas, { checkExamples: false, envelope: config.envelope, project: { title: config.title, schemas: config.schemas, command: config.command } });
  if (model.events.length === 0) {
    const folder = path.relative(process.cwd(), schemasDir) || ".";
    throw new ContractProblemsError([{ code: "NO_EVENTS", file: folder, message: `no event schema: the packages need at least one schema with "x-kafka" (the others hold "$defs" only)` }]);
  }
  const targetNames = options.targets ?? TARGET_NAMES;
  const oracle = judgeAside({ model, vectors: targetNames.includes(vectorsTarget.name) });
  const formatting: Promise<GeneratedFile[]>[] = [];
  try {
    const upcastersDir = options.upcastersDir ?? path.join(path.dirname(schemasDir), "upcasters");
    const [templates, upcasters, previous] = await Promise.all([loadTemplates(), readFolder(upcastersDir), readLastRelease(schemasDir, outDir, config.tagPrefix, config.envelope)]);
    await checkUpcasters(upcastersDir, upcasters);
    const release = nextRelease(previous, model, config.version, options.allowViolations === true);
    const violations = release.findings.filter((finding) => finding.severity === "violation");
    if (violations.length > 0 && options.allowViolations !== true) throw new ReleaseViolationsError(release);
    const context: TargetContext = { model, config, templates, upcasters, release, vectors: oracle.vectors };
    const selected = [...GENERATION_ORDER.filter((candidate) => targetNames.includes(candidate.name)), releaseTarget];
    // Each target's files go to their formatters as soon as it is made: Biome's and gofmt's programs then format
    // them on the other core while this thread makes the next target.
    for (const target of selected) {
      const output = withSchemaPositions(schemas, () => target.generate(context));
      const formatted = Promise.resolve(output).then((files) => formatTarget(target, files, context));
      // Its failure is seen when it is awaited below; until then it must not count as unhandled.
      formatted.catch(() => undefined);
      formatting.push(formatted);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const perTarget = await Promise.all(formatting);
    throwIfExamplesFail(schemas, await oracle.failures);
    return { model, release, files: perTarget.flat().sort((a, b) => compareText(a.path, b.path)) };
  } catch (error) {
    // Nothing is written: what is being formatted is let finish, and dropped. An example its schema refuses
    // is the first thing to report (it used to be found before anything else ran, and what ran after it may
    // have failed because of it).
    await Promise.allSettled(formatting);
    const failures = await oracle.failures.catch(() => []);
    await oracle.stop();
    throwIfExamplesFail(schemas, failures);
    throw error;
  }
}

function throwIfExamplesFail(schemas: readonly LoadedSchema[], failures: readonly ExampleFailure[]): void {
  const problems = new ProblemCollector();
  for (const problem of locateExampleFailures(schemas, failures)) problems.add(problem);
  problems.throwIfAny();
}

/** A target's files, formatted, with those it derives from them; paths below the output folder. */
async function formatTarget(target: Target, output: readonly GeneratedFile[], context: TargetContext): Promise<GeneratedFile[]> {
  const generated = await formatFiles(output);
  const derived = (await target.afterFormat?.(generated, context)) ?? [];
  const prefix = target.name === "" ? "" : `${target.name}/`;
  return [...generated, ...derived].map((file) => ({ path: `${prefix}${file.path}`, content: file.content }));
}

/** The static template files, keyed by their path below `templates/`. */
export async function loadTemplates(): Promise<ReadonlyMap<string, string>> {
  return readFolder(TEMPLATES_DIR);
}

/** Every file below a folder (none when it does not exist), keyed by its relative path. */
async function readFolder(folder: string): Promise<ReadonlyMap<string, string>> {
  const names = await listFiles(folder);
  const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), "utf8")));
  return new Map(names.map((name, index) => [name, texts[index] ?? ""]));
}

/** Targets know a problem's file and pointer but not its line; the loaded schemas do. */
function withSchemaPositions<T>(schemas: readonly LoadedSchema[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ContractProblemsError)) throw error;
    const located = error.problems.map((problem): Problem => {
      if (problem.position !== undefined || problem.pointer === undefined) return problem;
      const position = schemas.find((schema) => schema.file === problem.file)?.source.positionOf(problem.pointer);
      return position === undefined ? problem : { ...problem, position };
    });
    throw new ContractProblemsError(located);
  }
}
