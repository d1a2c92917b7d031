import { formatProblem } from "../problems.js";
import type { Counterexample, Finding, Severity } from "./diff.js";

const ORDER: readonly Severity[] = ["violation", "breaking", "additive", "documentation"];

export interface CompatSummary {
  readonly violations: number;
  readonly breaking: number;
  readonly additive: number;
  readonly documentation: number;
  /** The release the changes call for: breaking -> major, additive -> minor, documentation -> patch. */
  readonly release: "major" | "minor" | "patch" | "none";
}

export function summarize(findings: readonly Finding[]): CompatSummary {
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return { violations: count("violation"), breaking: count("breaking"), additive: count("additive"), documentation: count("documentation"), release: releaseLevel(findings) };
}

/**
 * The release a set of changes calls for: a breaking change (allowed with a version bump or not) or any
 * other violation makes a major release, an additive change a minor one, documentation a patch.
 */
export function releaseLevel(findings: readonly Finding[]): CompatSummary["release"] {
  const has = (severity: Severity): boolean => findings.some((finding) => finding.severity === severity);
  return has("violation") || has("breaking") ? "major" : has("additive") ? "minor" : has("documentation") ? "patch" : "none";
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
export function textReport(findings: readonly Finding[], schemasPrefix: string): string {
  const summary = summarize(findings);
  const lines = sortFindings(findings).map((finding) => {
    const head = `${finding.severity.toUpperCase().padEnd(13)} ${formatProblem({ code: finding.rule, file: `${schemasPrefix}${finding.file}`, position: finding.position, pointer: finding.pointer, message: `${finding.eventType} v${finding.version}: ${finding.message}` })}`;
    const indent = " ".repeat(14);
    if (finding.counterexample === undefined) return finding.unproven === undefined ? head : `${head}\n${indent}no counterexample: ${finding.unproven}`;
    return `${head}\n${indent}${counterexampleText(finding.counterexample)}: ${JSON.stringify(finding.counterexample.event, abbreviate)}`;
  });
  const tally = `${summary.violations} violations, ${summary.breaking} breaking (version bumped), ${summary.additive} additive, ${summary.documentation} documentation; release: ${summary.release}`;
  return [...lines, lines.length === 0 ? "no changes" : "", tally].filter((line) => line !== "").join("\n");
}

export function jsonReport(findings: readonly Finding[], schemasPrefix: string): string {
  return JSON.stringify({ summary: summarize(findings), findings: sortFindings(findings).map((finding) => ({ ...finding, file: `${schemasPrefix}${finding.file}` })) }, null, 2);
}

/** GitHub workflow commands: violations as errors, allowed breaking changes as warnings, the rest as notices. */
export function githubReport(findings: readonly Finding[], schemasPrefix: string): string {
  const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return sortFindings(findings)
    .map((finding) => {
      const level = finding.severity === "violation" ? "error" : finding.severity === "breaking" ? "warning" : "notice";
      const location = [`file=${escapeProperty(`${schemasPrefix}${finding.file}`)}`, ...(finding.position ? [`line=${finding.position.line}`, `col=${finding.position.column}`] : []), `title=${escapeProperty(finding.rule)}`];
      const example =
        finding.counterexample === undefined
          ? finding.unproven === undefined
            ? ""
            : `\nno counterexample: ${finding.unproven}`
          : `\n${counterexampleText(finding.counterexample)}: ${JSON.stringify(finding.counterexample.event)}`;
      return `::${level} ${location.join(",")}::${escapeData(`${finding.eventType} v${finding.version} ${finding.pointer || "/"}: ${finding.message}${example}`)}`;
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
