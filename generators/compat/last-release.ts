import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { LastRelease } from "./release.js";
import { snapshotOfGitRef } from "./sources.js";
import type { Envelope } from "../ir/envelope.js";

const run = promisify(execFile);

/**
 * Releases are git tags: `<tagPrefix><version>` (by default `contracts-v1.2.0`) on the commit whose `out/` was
 * published. A release is made with `event-contracts release` (or `git tag` by hand) and never moves, as
 * published events never change.
 */
const VERSION = /^\d+\.\d+\.\d+$/;

/**
 * The newest release reachable from HEAD in the repository that holds the schemas; undefined outside a git
 * repository or before the first release.
 */
export async function lastReleaseTag(schemasDir: string, tagPrefix: string): Promise<{ readonly tag: string; readonly version: string } | undefined> {
  const listing = await git(schemasDir, "tag", "--list", `${tagPrefix}*`, "--merged", "HEAD", "--sort=-version:refname").catch(() => "");
  for (const tag of listing.split("\n")) {
    const version = tag.slice(tagPrefix.length);
    if (tag.startsWith(tagPrefix) && VERSION.test(version)) return { tag, version };
  }
  return undefined;
}

/**
 * The last release, which the next version is computed from: its version, its contracts (the schemas folder at
 * its tag) and its changelog (the output folder's CHANGELOG.md at its tag). What the output folder holds now
 * plays no part, so generating after any sequence of edits gives what generating once gives.
 */
export async function readLastRelease(schemasDir: string, outDir: string, tagPrefix: string, envelope: Envelope): Promise<LastRelease | undefined> {
  const release = await lastReleaseTag(schemasDir, tagPrefix);
  if (release === undefined) return undefined;
  const snapshot = await snapshotOfGitRef(release.tag, schemasDir, envelope);
  const top = (await git(schemasDir, "rev-parse", "--show-toplevel")).trim();
  const changelogPath = path.relative(top, path.join(path.resolve(outDir), "CHANGELOG.md")).split(path.sep).join("/");
  const changelog = await git(schemasDir, "show", `${release.tag}:${changelogPath}`).catch(() => "");
  return { version: release.version, tag: release.tag, model: snapshot.model, ...(snapshot.tree === undefined ? {} : { tree: snapshot.tree }), changelog };
}

async function git(dir: string, ...args: string[]): Promise<string> {
  return (await run("git", args, { cwd: path.resolve(dir), maxBuffer: 64 * 1024 * 1024, encoding: "utf8" })).stdout;
}
