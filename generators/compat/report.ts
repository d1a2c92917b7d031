import { formatProblem } from "../problems.js";
import type { Counterexample, Finding, Severity } from "./diff.js";
import { PLAIN, type Style } from "../style.js";

const ORDER: readonly Severity[] = ["violation", "breaking", "api", "additive", "documentation"];

/**
 * How a report names each side's schema files: a prefix per tree, so that a file removed is named where it
 * was (`v1.2.0:schemas/old.json` for a git ref, the folder given to `--against`) and the rest where it is.
 */
export interface Trees {
  readonly old: string;
  readonly new: string;
}

/** A finding's file as the report names it: in its own tree. */
export function fileOf(finding: Finding, trees: Trees): string {
  return `${trees[finding.side]}${finding.file}`;
}

/** What a finding is about: an event's version, or the packages for a change of their exported names. */
export function subjectOf(finding: Finding): string {
  return finding.eventType === undefined ? "packages" : `${finding.eventType} v${finding.version ?? "?"}`;
}

export interface CompatSummary {
  readonly violations: number;
  readonly breaking: number;
  /** Changes of the packages' exported names: no event notices them, the packages' API does. */
  readonly api: number;
  readonly additive: number;
  readonly documentation: number;
  /** The release the changes call for: breaking or api -> major, additive -> minor, documentation -> patch. */
  readonly release: "major" | "minor" | "patch" | "none";
}

export function summarize(findings: readonly Finding[]): CompatSummary {
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return { violations: count("violation"), breaking: count("breaking"), api: count("api"), additive: count("additive"), documentation: count("documentation"), release: releaseLevel(findings) };
}

/**
 * The release a set of changes calls for: a breaking change (allowed with a version bump or not), a change of
 * the packages' API (an exported type renamed or removed) or any other violation makes a major release, an
 * additive change a minor one, documentation a patch.
 */
export function releaseLevel(findings: readonly Finding[]): CompatSummary["release"] {
  const has = (severity: Severity): boolean => findings.some((finding) => finding.severity === severity);
  return has("violation") || has("breaking") || has("api") ? "major" : has("additive") ? "minor" : has("documentation") ? "patch" : "none";
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0),
  );
}

/** Human-readable: `file:line:col  /pointer  message [RULE]`, a counterexample below a breaking finding. */
export function textReport(findings: readonly Finding[], trees: Trees, style: Style = PLAIN): string {
  const mark: Readonly<Record<Severity, (text: string) => string>> = { violation: style.error, breaking: style.warning, api: style.warning, additive: style.good, documentation: style.faint };
  const summary = summarize(findings);
  const lines = sortFindings(findings).map((finding) => {
    const head = `${mark[finding.severity](finding.severity.toUpperCase().padEnd(13))} ${formatProblem({ code: finding.rule, file: fileOf(finding, trees), position: finding.position, pointer: finding.pointer, message: `${subjectOf(finding)}: ${finding.message}` })}`;
    const indent = " ".repeat(14);
    if (finding.counterexample === undefined) return finding.unproven === undefined ? head : `${head}\n${indent}no counterexample: ${finding.unproven}`;
    return `${head}\n${indent}${counterexampleText(finding.counterexample)}: ${JSON.stringify(finding.counterexample.event, abbreviate)}`;
  });
  const api = summary.api === 0 ? "" : `, ${summary.api} package API`;
  const tally = `${summary.violations} ${summary.violations === 1 ? "violation" : "violations"}, ${summary.breaking} breaking (version bumped)${api}, ${summary.additive} additive, ${summary.documentation} documentation; release: ${summary.release}`;
  return [...lines, lines.length === 0 ? "no changes" : "", tally].filter((line) => line !== "").join("\n");
}

export function jsonReport(findings: readonly Finding[], trees: Trees): string {
  return JSON.stringify({ summary: summarize(findings), findings: sortFindings(findings).map((finding) => ({ ...finding, file: fileOf(finding, trees) })) }, null, 2);
}

/**
 * GitHub workflow commands: violations as errors, allowed breaking changes and changes of the packages' API
 * (both make a major release) as warnings, the rest as notices.
 */
export function githubReport(findings: readonly Finding[], trees: Trees): string {
  const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return sortFindings(findings)
    .map((finding) => {
      const level = finding.severity === "violation" ? "error" : finding.severity === "breaking" || finding.severity === "api" ? "warning" : "notice";
      // GitHub annotates files of the checkout only: a file of the old tree is named in the message instead.
      const inCheckout = finding.side === "new" || trees.old === trees.new;
      const location = [...(inCheckout ? [`file=${escapeProperty(fileOf(finding, trees))}`] : []), ...(inCheckout && finding.position ? [`line=${finding.position.line}`, `col=${finding.position.column}`] : []), `title=${escapeProperty(finding.rule)}`];
      const example =
        finding.counterexample === undefined
          ? finding.unproven === undefined
            ? ""
            : `\nno counterexample: ${finding.unproven}`
          : `\n${counterexampleText(finding.counterexample)}: ${JSON.stringify(finding.counterexample.event)}`;
      return `::${level} ${location.join(",")}::${escapeData(`${subjectOf(finding)} ${inCheckout ? "" : `${fileOf(finding, trees)}${finding.position ? `:${finding.position.line}:${finding.position.column}` : ""} `}${finding.pointer || "/"}: ${finding.message}${example}`)}`;
    })
    .join("\n");
}

/** For reading in a terminal: long strings are shortened (the JSON report keeps them whole). */
function abbreviate(_key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const characters = [...value];
  return characters.length <= 60 ? value : `${characters.slice(0, 20).join("")}… (${characters.length} characters)`;
}

/** Which contract accepts the event, and as which version each side judged it when they differ (a bump). */
function counterexampleText(counterexample: Counterexample): string {
  const { validUnder, versions } = counterexample;
  const as = versions.old === versions.new ? "" : ` (as version ${validUnder === "old" ? versions.old : versions.new}; the ${validUnder === "old" ? "new" : "old"} one refuses it as version ${validUnder === "old" ? versions.new : versions.old})`;
  return `counterexample, valid under the ${validUnder} contract only${as}`;
}
