import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../targets/target.js";

/**
 * Replaces the output folder with exactly these files, atomically as far as the file system allows: the new
 * tree is built in a temporary folder beside it, then swapped in with two renames. If anything fails before
 * the swap, the old folder is untouched; stale files disappear because the old tree is dropped whole.
 */
export async function writeTree(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outDir)}.new-`));
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const retired = `${staging}.old`;
  let hadOld = true;
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    hadOld = false;
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(retired, outDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(retired, { recursive: true, force: true });
}
