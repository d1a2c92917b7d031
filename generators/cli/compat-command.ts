import { diffSnapshots } from "../compat/diff.js";
import { withCounterexamples } from "../compat/counterexamples.js";
import { githubReport, jsonReport, summarize, textReport } from "../compat/report.js";
import { snapshotOfAgainst, snapshotOfDirectory } from "../compat/sources.js";
import { lastReleaseTag } from "../compat/last-release.js";
import { loadValidators } from "../output/load-validators.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { PLAIN } from "../style.js";
import { resolveSettings, withPathsFromHere, type PathFlags } from "./settings.js";

export type CompatFormat = "text" | "json" | "github";

export interface CompatFlags extends PathFlags {
  /** A git ref or a folder; the last release when absent. */
  readonly against?: string | undefined;
  readonly format: CompatFormat;
}

/** `compat`: the contract rules between the schemas at `--against` and the working tree's. */
export async function runCompat(flags: CompatFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  const against = flags.against ?? (await lastReleaseTag(settings.schemasDir, settings.config.tagPrefix))?.tag;
  if (against === undefined) {
    output.out(`no release yet (no ${settings.config.tagPrefix}* tag): nothing published to compare with`);
    return EXIT.OK;
  }
  const [before, after] = await Promise.all([
    snapshotOfAgainst(against, settings.schemasDir, settings.config.envelope),
    withPathsFromHere(settings, () => snapshotOfDirectory(settings.schemasDir, settings.config.envelope)),
  ]);
  const raw = diffSnapshots(before, after);
  const needsExamples = raw.some((finding) => finding.severity === "breaking" || finding.severity === "violation");
  const findings = needsExamples
    ? withCounterexamples(raw, before, after, await loadValidators(before.model), await loadValidators(after.model))
    : raw;
  const trees = { old: before.tree ?? "", new: after.tree ?? "" };
  const violations = summarize(findings).violations;
  // JSON and workflow annotations are for programs: always on standard output (GitHub reads workflow
  // commands there), the exit code says whether there were violations. Text goes to stderr on violations.
  const toStderr = flags.format === "text" && violations > 0;
  const style = (toStderr ? output.style : output.outStyle) ?? PLAIN;
  const report = flags.format === "json" ? jsonReport(findings, trees) : flags.format === "github" ? githubReport(findings, trees) : textReport(findings, trees, style);
  if (report !== "") (toStderr ? output.err : output.out)(report);
  return violations > 0 ? EXIT.PROBLEMS : EXIT.OK;
}
