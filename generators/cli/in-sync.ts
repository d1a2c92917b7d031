import path from "node:path";
import { findDrift } from "../output/check.js";
import { manifestFile, readOutputRecord } from "../output/out-folder.js";
import { generate, type Generation } from "../pipeline.js";
import { UsageError } from "../problems.js";
import type { Settings } from "./settings.js";

/**
 * The generation the output folder holds, for the commands that act on it as a release (`release`, `publish`):
 * the files generate made there must be exactly what the schemas generate now; files it did not make are no
 * part of a release and play no part. Throws ReleaseViolationsError as generate does.
 */
export async function generationInSync(settings: Settings, allowViolations: boolean): Promise<Generation> {
  const record = await readOutputRecord(settings.outDir, settings);
  const generation = await generate({ ...settings, allowViolations });
  const { files } = generation;
  const drift = await findDrift(settings.outDir, [...files, manifestFile(files.map((file) => file.path))], (file) => record.generated.has(file));
  if (drift.length > 0) {
    const shown = path.relative(process.cwd(), settings.outDir) || ".";
    throw new UsageError(`${shown} is not in sync with the schemas (${drift.length} files differ); run generate and commit the result first`);
  }
  return generation;
}
