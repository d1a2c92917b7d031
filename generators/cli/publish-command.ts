import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { lastReleaseTag } from "../compat/last-release.js";
import { ReleaseViolationsError } from "../compat/release.js";
import { readOutputRecord } from "../output/out-folder.js";
import { UsageError } from "../problems.js";
import { publishGo } from "../publish/go.js";
import { publishNpm } from "../publish/npm.js";
import type { Publication, PublishInput } from "../publish/package.js";
import { publishPython } from "../publish/python.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { reportViolations } from "./generate-command.js";
import { generationInSync } from "./in-sync.js";
import type { Output } from "./io.js";
import { resolveSettings, type PathFlags } from "./settings.js";

export const PUBLISH_TARGETS = ["ts", "go", "python"] as const;
export type PublishTarget = (typeof PUBLISH_TARGETS)[number];

export interface PublishFlags extends PathFlags {
  readonly dryRun?: boolean;
  readonly targets?: readonly PublishTarget[] | undefined;
}

const PUBLISHERS: Readonly<Record<PublishTarget, (input: PublishInput) => Promise<readonly Publication[]>>> = {
  ts: async (input) => [await publishNpm(input)],
  go: publishGo,
  python: async (input) => [await publishPython(input)],
};

/**
 * `publish`: sends each package of the output folder to its ecosystem's registry, for the released version
 * only: the output folder must be in sync with the schemas and its version the last release (`release` made its
 * tag). A version already published with the same files is left alone; with other files it is refused, since
 * published packages are immutable like events. `--dry-run` asks the registries and changes nothing.
 */
export async function runPublish(flags: PublishFlags, output: Output): Promise<ExitCode> {
  const settings = await resolveSettings(flags);
  let generation;
  try {
    generation = await generationInSync(settings, false);
  } catch (error) {
    if (!(error instanceof ReleaseViolationsError)) throw error;
    reportViolations(error, settings.schemasDir, output);
    return EXIT.PROBLEMS;
  }
  const { version } = generation.release;
  const last = await lastReleaseTag(settings.schemasDir, settings.config.tagPrefix);
  if (last?.version !== version) {
    const tag = `${settings.config.tagPrefix}${version}`;
    throw new UsageError(`${version} is not released (no tag ${tag} in the history of HEAD); only a release is published: commit the output folder and run \`event-contracts release\` first`);
  }
  const record = await readOutputRecord(settings.outDir, settings);
  const generated = [...record.generated];
  const targets = flags.targets === undefined || flags.targets.length === 0 ? PUBLISH_TARGETS : PUBLISH_TARGETS.filter((target) => flags.targets?.includes(target));
  let refused = 0;
  const publications: Publication[] = [];
  for (const target of targets) {
    const prefix = `${target}/`;
    const files = generated.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length));
    if (files.length === 0) throw new UsageError(`${path.relative(process.cwd(), settings.outDir) || "."} has no ${target} package: generate it first`);
    const work = await mkdtemp(path.join(os.tmpdir(), `event-contracts-publish-${target}-`));
    try {
      const made = await PUBLISHERS[target]({
        config: settings.config,
        version,
        folder: path.join(settings.outDir, target),
        files,
        work,
        configDir: path.dirname(settings.configFile),
        dryRun: flags.dryRun === true,
      });
      for (const publication of made) {
        output.out(describePublication(publication));
        publications.push(publication);
        if (publication.outcome.status === "refused") refused++;
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  output.report?.({ version, publications });
  if (refused > 0) {
    output.err(`${refused} ${refused === 1 ? "package is" : "packages are"} already published with other content; a published version never changes: change the contracts so that the version goes up, generate, release and publish that`);
    return EXIT.PROBLEMS;
  }
  return EXIT.OK;
}

function describePublication({ ecosystem, release, destination, outcome }: Publication): string {
  const head = `${ecosystem.padEnd(7)}${release} -> ${destination}: `;
  switch (outcome.status) {
    case "published":
      return `${head}published (${outcome.files} files)`;
    case "would-publish":
      return `${head}would publish ${outcome.files} files (dry run)`;
    case "unchanged":
      return `${head}already published with the same content; nothing to do`;
    case "refused":
      return `${head}REFUSED: already published with other content:\n${outcome.differences
        .slice(0, 20)
        .map((difference) => `  ${difference}`)
        .join("\n")}${outcome.differences.length > 20 ? `\n  ... and ${outcome.differences.length - 20} more` : ""}`;
  }
}
