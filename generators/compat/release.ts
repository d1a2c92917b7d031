import { type ContractsModel, latestEvents } from "../ir/model.js";
import { diffSnapshots, type Finding, type Severity } from "./diff.js";
import { releaseLevel, sortFindings, subjectOf } from "./report.js";

/** This generation's version, and what changed since the last release. */
export interface Release {
  readonly version: string;
  /** The last release's version; undefined before the first. */
  readonly previousVersion?: string | undefined;
  readonly findings: readonly Finding[];
  /** How reports name the last release's schema files, for findings about something it had. */
  readonly previousTree?: string | undefined;
  /** The whole CHANGELOG.md: this release's section (if anything changed) above the previous ones. */
  readonly changelog: string;
}

/** The last release: its version, its contracts and its changelog. */
export interface LastRelease {
  readonly version: string;
  /** The git tag that records it, when it is one. */
  readonly tag?: string;
  readonly model: ContractsModel;
  /** How reports name the release's schema files (`contracts-v1.0.0:schemas/`). */
  readonly tree?: string;
  readonly changelog: string;
}

const HEADING = "# Changelog\n\nReleases of the generated packages, newest first: what changed in the contracts, by compat rule.\n";

/**
 * Semantic versioning from the contracts' diff against the last release: a breaking change (allowed with a
 * version bump or not) or a violation makes a major release, an additive change a minor one, documentation a
 * patch; no change keeps the version. The baseline is the release, never the previous generation, so any
 * sequence of edits and generates ends where generating once does.
 */
export function nextRelease(previous: LastRelease | undefined, current: ContractsModel, initialVersion: string, forced = false): Release {
  if (previous === undefined) {
    const events = latestEvents(current).map((event) => `${event.eventType} (version ${event.version})`).join(", ");
    return { version: initialVersion, findings: [], changelog: `${HEADING}\n## ${initialVersion}\n\nFirst release: ${events}.\n` };
  }
  const findings = sortFindings(diffSnapshots({ model: previous.model, sources: new Map() }, { model: current, sources: new Map() }));
  const level = releaseLevel(findings);
  if (level === "none") return { version: previous.version, previousVersion: previous.version, previousTree: previous.tree, findings, changelog: previous.changelog };
  const version = bump(previous.version, level);
  const lines = findings.map((finding) => `- ${finding.severity}: ${subjectOf(finding)} \`${finding.pointer || "/"}\`: ${finding.message.replace(/\n/g, " ")} (${finding.rule})`);
  const violations = findings.filter((finding) => finding.severity === "violation").length;
  const forcedNote = forced && violations > 0 ? ` Released with ${violations} ${violations === 1 ? "violation" : "violations"} of the contract rules, forced with --allow-violations.` : "";
  const section = `## ${version}\n\n${level[0]?.toUpperCase()}${level.slice(1)} release (from ${previous.version}):${forcedNote}\n\n${lines.join("\n")}\n`;
  const earlier = previous.changelog.startsWith(HEADING) ? previous.changelog.slice(HEADING.length).trimStart() : previous.changelog;
  return { version, previousVersion: previous.version, previousTree: previous.tree, findings, changelog: `${HEADING}\n${section}\n${earlier}` };
}

function bump(version: string, level: "major" | "minor" | "patch"): string {
  const [major = 0, minor = 0, patch = 0] = version.split("-")[0]?.split(".").map(Number) ?? [];
  if (level === "major") return `${major + 1}.0.0`;
  if (level === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Go modules take a /vN suffix from version 2 on. */
export function goModulePath(module: string, version: string): string {
  const major = Number(version.split(".")[0]);
  return major >= 2 ? `${module}/v${major}` : module;
}

/**
 * The contracts break a rule against the last release (a property removed without a version bump, say): such
 * a release is never made unless forced. The CLI prints the findings and exits 1, writing nothing.
 */
export class ReleaseViolationsError extends Error {
  constructor(readonly release: Release) {
    super(`the contracts break ${release.findings.filter((finding) => finding.severity === "violation").length} rule(s) against the last release ${release.previousVersion ?? ""}`);
    this.name = "ReleaseViolationsError";
  }
}

/** One line for people: `@shared/events 1.0.0 -> 1.1.0 (minor): 1 additive change`. */
export function releaseLine(packageName: string, release: Release): string {
  if (release.previousVersion === undefined) return `${packageName} ${release.version} (first release)`;
  if (release.version === release.previousVersion) return `${packageName} ${release.version} (no change since the last release)`;
  const counts = (Object.entries(COUNTED) as [Severity, readonly [string, string]][])
    .map(([severity, [one, many]]) => {
      const count = release.findings.filter((finding) => finding.severity === severity).length;
      return count === 0 ? "" : `${count} ${count === 1 ? one : many}`;
    })
    .filter((text) => text !== "");
  return `${packageName} ${release.previousVersion} -> ${release.version} (${bumpLevel(release.previousVersion, release.version)}): ${counts.join(", ")}`;
}

const COUNTED: Readonly<Record<Severity, readonly [string, string]>> = {
  violation: ["violation", "violations"],
  breaking: ["breaking change", "breaking changes"],
  api: ["package API change", "package API changes"],
  additive: ["additive change", "additive changes"],
  documentation: ["documentation change", "documentation changes"],
};

function bumpLevel(from: string, to: string): string {
  const [a = 0, b = 0] = from.split(".").map(Number);
  const [c = 0, d = 0] = to.split(".").map(Number);
  return c !== a ? "major" : d !== b ? "minor" : "patch";
}
