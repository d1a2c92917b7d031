import { type ContractsModel, latestEvents } from "../ir/model.js";
import { diffSnapshots, type Finding } from "./diff.js";
import { releaseLevel, sortFindings } from "./report.js";

/** This generation's version, and what changed since the previous one. */
export interface Release {
  readonly version: string;
  readonly previousVersion?: string | undefined;
  readonly findings: readonly Finding[];
  /** The whole CHANGELOG.md: this release's section (if anything changed) above the previous ones. */
  readonly changelog: string;
}

export interface PreviousGeneration {
  readonly version: string;
  readonly model: ContractsModel;
  readonly changelog: string;
}

const HEADING = "# Changelog\n\nReleases of the generated packages, newest first: what changed in the contracts, by compat rule.\n";

/**
 * Semantic versioning from the contracts' diff: a breaking change (allowed with a version bump or not) or a
 * violation makes a major release, an additive change a minor one, documentation a patch; no change keeps
 * the version, so generating twice gives the same output.
 */
export function nextRelease(previous: PreviousGeneration | undefined, current: ContractsModel, initialVersion: string): Release {
  if (previous === undefined) {
    const events = latestEvents(current).map((event) => `${event.eventType} (version ${event.version})`).join(", ");
    return { version: initialVersion, findings: [], changelog: `${HEADING}\n## ${initialVersion}\n\nFirst release: ${events}.\n` };
  }
  const findings = sortFindings(diffSnapshots({ model: previous.model, sources: new Map() }, { model: current, sources: new Map() }));
  const level = releaseLevel(findings);
  if (level === "none") return { version: previous.version, previousVersion: previous.version, findings, changelog: previous.changelog };
  const version = bump(previous.version, level);
  const lines = findings.map((finding) => `- ${finding.severity}: ${finding.eventType} v${finding.version} \`${finding.pointer || "/"}\`: ${finding.message.replace(/\n/g, " ")} (${finding.rule})`);
  const section = `## ${version}\n\n${level[0]?.toUpperCase()}${level.slice(1)} release (from ${previous.version}):\n\n${lines.join("\n")}\n`;
  const earlier = previous.changelog.startsWith(HEADING) ? previous.changelog.slice(HEADING.length).trimStart() : previous.changelog;
  return { version, previousVersion: previous.version, findings, changelog: `${HEADING}\n${section}\n${earlier}` };
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
