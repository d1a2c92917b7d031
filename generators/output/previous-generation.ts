import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PreviousGeneration } from "../compat/release.js";
import { buildModel } from "../ir/build.js";
import { ContractProblemsError } from "../problems.js";
import { parseSchemaTexts } from "../schema/load.js";
import { readTree } from "./tree.js";

/**
 * What the previous `generate` left in the output folder: its version (release.json), the schemas it was
 * made from (schemas/) and its changelog. Undefined before the first generation.
 */
export async function readPreviousGeneration(outDir: string): Promise<PreviousGeneration | undefined> {
  let release: { version?: unknown };
  try {
    release = JSON.parse(await readFile(path.join(outDir, "release.json"), "utf8")) as { version?: unknown };
  } catch {
    return undefined;
  }
  if (typeof release.version !== "string") return undefined;
  const schemas = await readTree(path.join(outDir, "schemas"));
  const changelog = await readFile(path.join(outDir, "CHANGELOG.md"), "utf8").catch(() => "");
  try {
    const model = buildModel(parseSchemaTexts([...schemas].map(([file, text]) => ({ file, text }))));
    return { version: release.version, model, changelog };
  } catch (error) {
    if (!(error instanceof ContractProblemsError)) throw error;
    // The previous generation's schemas no longer load (the rules grew stricter): start the history anew.
    return { version: release.version, model: { events: [], types: [], schemas: [] }, changelog };
  }
}
