import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { buildModel } from "../ir/build.js";
import type { Envelope } from "../ir/envelope.js";
import { DEFAULT_PROJECT } from "../ir/project.js";
import { ContractProblemsError, UsageError, compareText } from "../problems.js";
import { loadSchemas, parseSchemaTexts, type LoadedSchema } from "../schema/load.js";
import type { Snapshot } from "./diff.js";

const run = promisify(execFile);

/** The contracts in a schemas folder on disk. */
export async function snapshotOfDirectory(schemasDir: string, envelope: Envelope): Promise<Snapshot> {
  return { ...snapshotOf(await loadSchemas(schemasDir), envelope), tree: folderPrefix(schemasDir) };
}

/** How reports name the files of a folder: relative to the working folder, with forward slashes (`schemas/`). */
export function folderPrefix(dir: string): string {
  return `${path.relative(process.cwd(), dir).split(path.sep).join("/") || "."}/`;
}

/**
 * The contracts as they were at a git commit, read with `git show` (nothing is checked out). A folder that
 * did not exist at that commit is an empty snapshot: every event is then new.
 */
export async function snapshotOfGitRef(ref: string, schemasDir: string, envelope: Envelope): Promise<Snapshot> {
  const dir = path.resolve(schemasDir);
  const git = async (...args: string[]): Promise<string> => (await run("git", args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" })).stdout;
  let top: string;
  try {
    top = (await git("rev-parse", "--show-toplevel")).trim();
  } catch {
    throw new UsageError(`${path.relative(process.cwd(), dir) || "."} is not inside a git repository; pass --against a folder of schemas instead`);
  }
  try {
    await git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    const shallow = (await git("rev-parse", "--is-shallow-repository").catch(() => "false")).trim() === "true";
    throw new UsageError(
      shallow
        ? `git ref ${ref} is not in this shallow clone; fetch it first, e.g. \`git fetch --deepen=1\` (or \`git fetch origin ${ref}\`), or clone with full history`
        : `unknown git ref ${ref}`,
    );
  }
  const prefix = path.relative(top, dir).split(path.sep).join("/");
  // Paths from the top of the repository, whatever the working directory.
  const listing = (await git("ls-tree", "-r", "--name-only", "--full-tree", ref, "--", prefix === "" ? "." : `:(top)${prefix}`))
    .split("\n")
    .filter((line) => line.endsWith(".json"));
  const files = await Promise.all(
    listing.sort(compareText).map(async (file) => ({
      file: prefix === "" ? file : file.slice(prefix.length + 1),
      text: await git("show", `${ref}:${file}`),
    })),
  );
  // `ref:path` from the top of the repository, as `git show` reads it.
  const tree = `${ref}:${prefix === "" ? "" : `${prefix}/`}`;
  if (files.length === 0) return { model: { envelope, project: DEFAULT_PROJECT, events: [], types: [], schemas: [] }, sources: new Map(), tree };
  try {
    return { ...snapshotOf(parseSchemaTexts(files), envelope), tree };
  } catch (error) {
    if (error instanceof ContractProblemsError) throw new UsageError(`the schemas at ${ref} do not load:\n${error.message}`);
    throw error;
  }
}

/** A directory when one exists at that path, a git ref otherwise. */
export async function snapshotOfAgainst(against: string, schemasDir: string, envelope: Envelope): Promise<Snapshot> {
  const isDirectory = await stat(against).then((info) => info.isDirectory(), () => false);
  return isDirectory ? snapshotOfDirectory(against, envelope) : snapshotOfGitRef(against, schemasDir, envelope);
}

function snapshotOf(schemas: readonly LoadedSchema[], envelope: Envelope): Snapshot {
  return { model: buildModel(schemas, { envelope }), sources: new Map(schemas.map((schema) => [schema.file, schema.source])) };
}
