import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { canonicalJson } from "../code/json.js";
import { compareText, UsageError } from "../problems.js";
import type { GeneratedFile } from "../targets/target.js";
import { listFiles } from "./tree.js";

/**
 * The output folder belongs to the tool, and only what the tool made in it does. Its record is `manifest.json`:
 * every file the last generation wrote. Anything else in the folder is foreign: generate moves it into the new
 * tree as it is (never read, never rewritten) and `--check` lists it without counting it as drift.
 */
export const MANIFEST = "manifest.json";

/** What the output folder holds before a generation: the files an earlier generation made. */
export interface OutputRecord {
  /** Paths relative to the folder, with forward slashes. Empty when the folder is new or empty. */
  readonly generated: ReadonlySet<string>;
}

/** The top-level entries of the layout generate wrote before the manifest existed (release.json was its record). */
const LEGACY_LAYOUT = /^(release\.json|CHANGELOG\.md|(schemas|ts|go|python|vectors|docs)\/.*)$/;

/**
 * Reads the record of the output folder, after checking that generate may write there at all: a folder that is
 * (or holds) the schemas, the config file or a repository root is refused, and so is a folder that is not
 * empty and holds no record of a generation. The refusal says which rule, and changes nothing.
 */
export async function readOutputRecord(outDir: string, protectedPaths: { readonly schemasDir: string; readonly configFile: string }): Promise<OutputRecord> {
  const out = path.resolve(outDir);
  for (const [what, inside] of [["the schemas folder", protectedPaths.schemasDir], ["the config file", protectedPaths.configFile]] as const) {
    const resolved = path.resolve(inside);
    if (resolved === out || resolved.startsWith(`${out}${path.sep}`)) {
      throw new UsageError(`the output folder ${display(out)} is or holds ${what} (${display(resolved)}); generate replaces its output folder, so choose another one (--out or "out" in the config)`);
    }
  }
  const entries = await entriesOf(out);
  if (entries === undefined || entries.length === 0) return { generated: new Set() };
  if (entries.includes(".git")) throw new UsageError(`the output folder ${display(out)} is the root of a repository (it holds .git); choose another one (--out or "out" in the config)`);
  const manifest = await readFile(path.join(out, MANIFEST), "utf8").catch(() => undefined);
  if (manifest !== undefined) return { generated: new Set(manifestFiles(out, manifest)) };
  if (entries.includes("release.json")) {
    // A folder generate wrote before it kept a manifest: its own files are those of the layout it wrote.
    return { generated: new Set((await listFiles(out)).filter((file) => LEGACY_LAYOUT.test(file))) };
  }
  throw new UsageError(
    `the output folder ${display(out)} is not empty and was not made by event-contracts (it has no ${MANIFEST}); generate writes only into a new or empty folder or one it generated before, so choose another one or empty it`,
  );
}

/** The manifest of a generation: the sorted paths of its files (the manifest itself aside). */
export function manifestFile(paths: readonly string[]): GeneratedFile {
  const files = paths.filter((file) => file !== MANIFEST).sort(compareText);
  return { path: MANIFEST, content: canonicalJson({ generator: "event-contracts", files }) };
}

function manifestFiles(out: string, text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const files = (parsed as { files?: unknown } | undefined)?.files;
  if (!Array.isArray(files) || !files.every((file): file is string => typeof file === "string" && isSafePath(file))) {
    throw new UsageError(`${display(path.join(out, MANIFEST))} is not a manifest event-contracts wrote; restore it from version control, or empty the folder`);
  }
  return [...files, MANIFEST];
}

/** A relative path inside the folder: no absolute paths, no `..`, so a manifest can name nothing outside it. */
function isSafePath(file: string): boolean {
  return file !== "" && !file.startsWith("/") && file.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

async function entriesOf(folder: string): Promise<string[] | undefined> {
  try {
    const stat = await lstat(folder);
    if (!stat.isDirectory()) throw new UsageError(`the output folder ${display(folder)} is not a folder`);
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function display(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}
