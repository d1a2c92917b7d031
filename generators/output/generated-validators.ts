import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateEvent } from "./load-validators.js";
import { listFiles } from "./tree.js";

/**
 * The validators of the TypeScript package already generated in the output folder, when that package was made
 * from exactly these schemas: it ships a copy of every schema file (`ts/schemas/`), and each must equal the
 * schemas folder's, with none missing or extra. Then `validate` loads the compiled validators as they are
 * (a few milliseconds) instead of building the model and compiling them again (seconds); otherwise undefined.
 */
export async function generatedValidators(schemasDir: string, outDir: string): Promise<ValidateEvent | undefined> {
  const shipped = path.join(outDir, "ts/schemas");
  const module = path.join(outDir, "ts/dist/esm/validators.js");
  const [ours, theirs] = await Promise.all([listFiles(schemasDir), listFiles(shipped)]);
  const schemas = ours.filter((file) => file.endsWith(".json"));
  if (schemas.length === 0 || schemas.join("\n") !== theirs.filter((file) => file.endsWith(".json")).join("\n")) return undefined;
  const same = await Promise.all(schemas.map(async (file) => (await readFile(path.join(schemasDir, file), "utf8")) === (await readFile(path.join(shipped, file), "utf8").catch(() => undefined))));
  if (!same.every(Boolean)) return undefined;
  try {
    return ((await import(pathToFileURL(module).href)) as { validateEvent: ValidateEvent }).validateEvent;
  } catch {
    return undefined;
  }
}
