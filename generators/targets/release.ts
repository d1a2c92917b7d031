import type { GeneratedFile, Target, TargetContext } from "./target.js";

/**
 * The files at the top of the output folder that record a generation: its version, the schemas it was made
 * from (what the next generation diffs against to compute its version), and the changelog.
 */
export const releaseTarget: Target = {
  name: "",
  generate(context: TargetContext): readonly GeneratedFile[] {
    const { release, model } = context;
    return [
      { path: "release.json", content: `${JSON.stringify({ version: release.version }, null, 2)}\n` },
      { path: "CHANGELOG.md", content: release.changelog },
      ...model.schemas.map((schema) => ({ path: `schemas/${schema.file}`, content: schema.text, formatted: true })),
    ];
  },
};

/** Whether a path in the output folder belongs to the release record rather than to a target's folder. */
export function isReleaseFile(file: string): boolean {
  return file === "release.json" || file === "CHANGELOG.md" || file.startsWith("schemas/");
}
