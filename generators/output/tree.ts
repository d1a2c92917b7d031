import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compareText } from "../problems.js";

/** Every file below a folder, as sorted paths relative to it with forward slashes; empty when it is missing. */
export async function listFiles(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .sort(compareText);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The files below a folder (those `only` accepts, when given) and their text. */
export async function readTree(root: string, only?: (file: string) => boolean): Promise<Map<string, string>> {
  const files = (await listFiles(root)).filter((file) => only === undefined || only(file));
  const contents = await Promise.all(files.map((file) => readFile(path.join(root, file), "utf8")));
  return new Map(files.map((file, index) => [file, contents[index] ?? ""]));
}
