import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { compareText, ContractProblemsError, type Problem, ProblemCollector, UsageError } from "../problems.js";
import { parseJsonSource, type JsonSource } from "./json-source.js";

/** A schema file read from disk, parsed with positions and checked against the JSON Schema 2020-12 meta-schema. */
export interface LoadedSchema {
  /** Path relative to the schemas folder, with forward slashes: how every message and output names it. */
  readonly file: string;
  readonly source: JsonSource;
}

const metaValidator = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/**
 * Reads every `*.json` file of a folder (sorted, so runs are deterministic) and reports every syntax and
 * meta-schema problem of every file at once.
 */
export async function loadSchemas(schemasDir: string): Promise<readonly LoadedSchema[]> {
  let names: string[];
  try {
    // Files only: a folder named like a schema (x.json/) is a folder, and is read through like any other.
    names = (await readdir(schemasDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
      .map((entry) => path.relative(schemasDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .sort(compareText);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the schemas folder ${shown(schemasDir)}: ${code === "ENOENT" ? "it does not exist" : code === "ENOTDIR" ? "it is not a folder" : (code ?? (error as Error).message)}; pass --schemas or set "schemas" in the config`);
  }
  if (names.length === 0) throw new UsageError(`no *.json schema files in ${shown(schemasDir)}`);
  // A file that cannot be read (permissions, say) is a problem of the input, reported with the others.
  const unreadable: Problem[] = [];
  const texts = await Promise.all(
    names.map((name) =>
      readFile(path.join(schemasDir, name), "utf8").catch((error: NodeJS.ErrnoException) => {
        unreadable.push({ code: "UNREADABLE_FILE", file: name, message: `cannot read the file (${error.code ?? error.message}); check its permissions` });
        return undefined;
      }),
    ),
  );
  if (unreadable.length > 0) throw new ContractProblemsError(unreadable.sort((a, b) => compareText(a.file, b.file)));
  return parseSchemaTexts(names.map((file, index) => ({ file, text: texts[index] ?? "" })));
}

/** The pure part of loading, shared with `compat`, which reads schemas from git rather than the disk. */
export function parseSchemaTexts(files: readonly { file: string; text: string }[]): readonly LoadedSchema[] {
  const problems = new ProblemCollector();
  const loaded: LoadedSchema[] = [];
  for (const { file, text } of files) {
    const outcome = parseJsonSource(file, text);
    if (!outcome.ok) {
      outcome.problems.forEach((problem) => problems.add(problem));
      continue;
    }
    for (const problem of metaSchemaProblems(outcome.source)) problems.add(problem);
    loaded.push({ file, source: outcome.source });
  }
  problems.throwIfAny();
  return loaded;
}

function metaSchemaProblems(source: JsonSource): Problem[] {
  const { value } = source;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [{ code: "NOT_A_SCHEMA", file: source.file, position: source.positionOf(""), pointer: "", message: "a schema file must hold a JSON object" }];
  }
  if (metaValidator.validateSchema(value as object) === true) return [];
  return (metaValidator.errors ?? []).map((error: ErrorObject) => ({
    code: "META_SCHEMA",
    file: source.file,
    position: source.positionOf(error.instancePath),
    pointer: error.instancePath,
    message: `not valid JSON Schema 2020-12: ${error.message ?? "invalid"}${allowedValues(error)}`,
  }));
}

function allowedValues(error: ErrorObject): string {
  const allowed = (error.params as Record<string, unknown>)["allowedValues"];
  return allowed === undefined ? "" : ` (${JSON.stringify(allowed)})`;
}

/** A path as messages show it: from the working folder. */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}
