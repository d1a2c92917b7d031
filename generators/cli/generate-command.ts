import path from "node:path";
import { describeDrift, findDrift } from "../output/check.js";
import { writeTree } from "../output/write.js";
import { readTree } from "../output/tree.js";
import { isReleaseFile } from "../targets/release.js";
import { TARGET_NAMES, generate } from "../pipeline.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";
import { resolveSettings, type PathFlags } from "./settings.js";

export interface GenerateFlags extends PathFlags {
  readonly check: boolean;
  /** Targets to generate; all when absent. */
  readonly targets?: readonly string[] | undefined;
}

/** `generate`: writes `out/` from `schemas/`, or with `--check` reports how `out/` differs. */
export async function runGenerate(flags: GenerateFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  const selected = flags.targets === undefined || flags.targets.length === 0 ? TARGET_NAMES : flags.targets;
  const { files, model } = await generate({ schemasDir: settings.schemasDir, outDir: settings.outDir, config: settings.config, targets: selected, upcastersDir: settings.upcastersDir });
  const outName = path.relative(process.cwd(), settings.outDir) || ".";
  if (flags.check) {
    const drift = await findDrift(settings.outDir, files, (file) => isReleaseFile(file) || selected.some((target) => file.startsWith(`${target}/`)));
    if (drift.length === 0) {
      output.out(`${outName} is in sync with the schemas (${files.length} files).`);
      return EXIT.OK;
    }
    output.err(drift.map(describeDrift).join("\n"));
    output.err(`\n${outName} has drifted from the schemas: ${drift.length} ${drift.length === 1 ? "file differs" : "files differ"}. Run \`npm run generate\` and commit the result.`);
    return EXIT.PROBLEMS;
  }
  // The folders of targets not generated this time are carried over unchanged into the new tree.
  const kept = [...(await readTree(settings.outDir))]
    .filter(([file]) => !isReleaseFile(file) && !selected.some((target) => file.startsWith(`${target}/`)))
    .map(([file, content]) => ({ path: file, content }));
  await writeTree(settings.outDir, [...files, ...kept]);
  output.out(`Generated ${files.length} files for ${model.events.length} ${model.events.length === 1 ? "event" : "events"} into ${outName}.`);
  return EXIT.OK;
}
