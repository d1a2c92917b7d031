import path from "node:path";
import { describeDrift, findDrift } from "../output/check.js";
import { manifestFile, MANIFEST, readOutputRecord } from "../output/out-folder.js";
import { foreignEntries, writeTree } from "../output/write.js";
import { readTree } from "../output/tree.js";
import { isReleaseFile } from "../targets/release.js";
import { TARGET_NAMES, generate } from "../pipeline.js";
import { ReleaseViolationsError, releaseLine } from "../compat/release.js";
import { textReport } from "../compat/report.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { resolveSettings, schemasPrefix, withPathsFromHere, type PathFlags } from "./settings.js";

export interface GenerateFlags extends PathFlags {
  readonly check: boolean;
  /** Release even when the contracts break a rule against the last release. */
  readonly allowViolations?: boolean;
  /** Targets to generate; all when absent. */
  readonly targets?: readonly string[] | undefined;
}

/** `generate`: writes `out/` from `schemas/`, or with `--check` reports how `out/` differs. */
export async function runGenerate(flags: GenerateFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  // Refused before anything is generated: a folder generate may not write into is left as it is.
  const record = await readOutputRecord(settings.outDir, settings);
  const selected = flags.targets === undefined || flags.targets.length === 0 ? TARGET_NAMES : flags.targets;
  let generation;
  try {
    generation = await withPathsFromHere(settings, () => generate({ ...settings, targets: selected, allowViolations: flags.allowViolations === true }));
  } catch (error) {
    if (!(error instanceof ReleaseViolationsError)) throw error;
    reportViolations(error, settings.schemasDir, output);
    return EXIT.PROBLEMS;
  }
  const { files, model, release } = generation;
  const outName = path.relative(process.cwd(), settings.outDir) || ".";
  const ownedNow = (file: string): boolean => file === MANIFEST || isReleaseFile(file) || selected.some((target) => file.startsWith(`${target}/`));
  // The generated files of targets not generated this time are carried over unchanged into the new tree.
  const kept = [...(await readTree(settings.outDir, (file) => record.generated.has(file) && !ownedNow(file)))].map(([file, content]) => ({ path: file, content }));
  const tree = [...files, ...kept];
  const complete = [...tree, manifestFile(tree.map((file) => file.path))];
  if (flags.check) {
    const drift = await findDrift(settings.outDir, complete.filter((file) => ownedNow(file.path)), (file) => record.generated.has(file) && ownedNow(file));
    const foreign = await foreignEntries(settings.outDir, record);
    if (foreign.length > 0) output.out(foreign.map((entry) => `foreign: ${entry} (${foreignReason(entry)})`).join("\n"));
    output.report?.({ check: true, inSync: drift.length === 0, out: outName, files: files.length, drift: drift.map((entry) => ({ kind: entry.kind, path: entry.path })), foreign });
    if (drift.length === 0) {
      output.out(`${outName} is in sync with the schemas (${files.length} files).`);
      return EXIT.OK;
    }
    output.err(drift.map(describeDrift).join("\n"));
    output.err(`\n${outName} has drifted from the schemas: ${drift.length} ${drift.length === 1 ? "file differs" : "files differ"}. Run \`${settings.config.command}\` and commit the result.`);
    return EXIT.PROBLEMS;
  }
  await writeTree(settings.outDir, complete, record);
  const types = new Set(model.events.map((event) => event.eventType)).size;
  const versions = model.events.length > types ? ` (${model.events.length} versions)` : "";
  output.out(`Generated ${files.length} ${files.length === 1 ? "file" : "files"} for ${types} ${types === 1 ? "event type" : "event types"}${versions} into ${outName}.`);
  output.out(releaseLine(settings.config.typescript.packageName, release));
  output.report?.({ out: outName, files: files.length, eventTypes: types, versions: model.events.length, release: { package: settings.config.typescript.packageName, version: release.version, previousVersion: release.previousVersion ?? null } });
  return EXIT.OK;
}

/** The findings that stop a release, and what to do about them. */
export function reportViolations(error: ReleaseViolationsError, schemasDir: string, output: Output): void {
  const prefix = schemasPrefix(schemasDir);
  output.report?.({ lastRelease: error.release.previousVersion ?? null, violations: error.release.findings.filter((finding) => finding.severity === "violation") });
  output.err(textReport(error.release.findings.filter((finding) => finding.severity === "violation"), { old: error.release.previousTree ?? prefix, new: prefix }));
  output.err(
    `\nThe contracts break the rules above against the last release ${error.release.previousVersion ?? ""}; nothing was written. ` +
      "Fix the schemas (bump `version` for a breaking change, keep removed properties, ...), or release anyway with --allow-violations, which the changelog records.",
  );
}

/**
 * What a foreign entry of the output folder is. The packages' own tools leave build products in the folders they
 * build (pip and setuptools: build/, *.egg-info; npm: node_modules); say so, since publish and the registries
 * never use them.
 */
function foreignReason(entry: string): string {
  const leftover = /(^|\/)(build|dist|node_modules|__pycache__|\.mypy_cache|\.ruff_cache|\.pytest_cache|[^/]+\.egg-info)$/.test(entry);
  if (!leftover) return "not made by event-contracts; generate leaves it as it is";
  return "a build leftover of a package tool such as pip or npm: generate keeps it, publish ignores it; delete it, or install from a registry or from a copy of the folder";
}
