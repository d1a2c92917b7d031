import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { lastReleaseTag } from "../compat/last-release.js";
import { ReleaseViolationsError, releaseLine } from "../compat/release.js";
import { UsageError } from "../problems.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { reportViolations } from "./generate-command.js";
import { generationInSync } from "./in-sync.js";
import { resolveSettings, type PathFlags } from "./settings.js";

const run = promisify(execFile);

/**
 * `release`: records the output folder's version as released, with the git tag `<tagPrefix><version>` on HEAD.
 * Only a committed output folder in sync with the committed schemas is released; a release never moves.
 */
export interface ReleaseFlags extends PathFlags {
  /** Release even when the contracts break a rule against the last release (as generated with it). */
  readonly allowViolations?: boolean;
}

export async function runRelease(flags: ReleaseFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  const git = async (...args: string[]): Promise<string> => (await run("git", args, { cwd: settings.schemasDir, encoding: "utf8" })).stdout;
  await git("rev-parse", "--show-toplevel").catch(() => {
    throw new UsageError(`${display(settings.schemasDir)} is not inside a git repository: releases are git tags`);
  });
  const dirty = (await git("status", "--porcelain", "--", path.resolve(settings.schemasDir), path.resolve(settings.outDir))).trim();
  if (dirty !== "") throw new UsageError(`the schemas or the output folder have changes that are not committed; commit them first:\n${dirty}`);
  let release;
  try {
    ({ release } = await generationInSync(settings, flags.allowViolations === true));
  } catch (error) {
    if (!(error instanceof ReleaseViolationsError)) throw error;
    reportViolations(error, settings.schemasDir, output);
    return EXIT.PROBLEMS;
  }
  const tag = `${settings.config.tagPrefix}${release.version}`;
  const head = (await git("rev-parse", "HEAD")).trim();
  const tagged = (await git("rev-parse", "--verify", "--quiet", `${tag}^{commit}`).catch(() => "")).trim();
  if (tagged === head) {
    output.report?.({ released: false, tag, version: release.version });
    output.out(`${tag} is already this commit: nothing to release.`);
    return EXIT.OK;
  }
  if (tagged !== "") throw new UsageError(`${tag} was released at another commit (${tagged.slice(0, 12)}); a release never moves: change the contracts so that the version goes up`);
  const last = await lastReleaseTag(settings.schemasDir, settings.config.tagPrefix);
  if (last?.version === release.version) {
    output.report?.({ released: false, version: release.version });
    output.out(`${release.version} is the last release and nothing changed since: nothing to release.`);
    return EXIT.OK;
  }
  const line = releaseLine(settings.config.typescript.packageName, release);
  await git("tag", "--annotate", tag, "--message", line);
  output.report?.({ released: true, tag, version: release.version, previousVersion: release.previousVersion ?? null });
  output.out(`Released ${line}: tagged ${tag}. Push the tag with \`git push origin ${tag}\`.`);
  return EXIT.OK;
}

function display(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}
