import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { archiveDifferences, readTarGz } from "./archive.js";
import { runTool, stage, toolFailure, type Publication, type PublishInput } from "./package.js";

const INSTALL_NPM = "it comes with Node.js";

/**
 * The npm package: packed by npm from the staged files and published with `npm publish`, to the config's
 * registry, else wherever npm's own config (.npmrc, publishConfig) sends the package's scope. npm reads its
 * credentials from .npmrc as always. A version already there is downloaded (`npm pack name@version`) and
 * compared file by file with the local tarball.
 */
export async function publishNpm(input: PublishInput): Promise<Publication> {
  const { packageName, registry } = input.config.typescript;
  const release = `${packageName}@${input.version}`;
  const scope = /^(@[^/]+)\//.exec(packageName)?.[1];
  // A scope's registry in .npmrc would win over --registry alone; the config's registry wins over both.
  const registryFlags = registry === undefined ? [] : [`--registry=${registry}`, ...(scope === undefined ? [] : [`--${scope}:registry=${registry}`])];
  const npm = (args: readonly string[], cwd: string) => runTool("npm", [...args, ...registryFlags], { cwd, install: INSTALL_NPM });
  const configured = async (key: string): Promise<string> => (await npm(["config", "get", key], input.work)).stdout.trim().replace(/^undefined$/, "");
  const destination = registry ?? ((scope === undefined ? "" : await configured(`${scope}:registry`)) || (await configured("registry")));

  const staged = await stage(input, "package");
  const packed = await npm(["pack", staged, "--pack-destination", input.work, "--json", "--ignore-scripts"], input.work);
  if (packed.status !== 0) throw toolFailure(`npm pack ${path.relative(process.cwd(), input.folder)}`, packed);
  const tarball = path.join(input.work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "");
  const local = readTarGz(await readFile(tarball));

  const viewed = await npm(["view", release, "dist.tarball", "--json"], input.work);
  const missing = viewed.status !== 0 && /\bE404\b/.test(viewed.stdout + viewed.stderr);
  if (viewed.status !== 0 && !missing) throw toolFailure(`npm view ${release}`, viewed);
  // npm view prints nothing for a version that a known package does not have.
  if (missing || viewed.stdout.trim() === "") {
    if (!input.dryRun) {
      const published = await npm(["publish", tarball, "--ignore-scripts"], input.work);
      if (published.status !== 0) throw toolFailure(`npm publish ${release}`, published);
    }
    return { ecosystem: "npm", release, destination, outcome: { status: input.dryRun ? "would-publish" : "published", files: local.size } };
  }
  const download = path.join(input.work, "published");
  await mkdir(download);
  const fetched = await npm(["pack", release, "--pack-destination", download, "--json", "--ignore-scripts"], input.work);
  if (fetched.status !== 0) throw toolFailure(`npm pack ${release}`, fetched);
  const published = readTarGz(await readFile(path.join(download, (JSON.parse(fetched.stdout) as { filename: string }[])[0]?.filename ?? "")));
  const strip = (file: string): string | undefined => file.replace(/^package\//, "");
  const differences = archiveDifferences(published, local, strip);
  return { ecosystem: "npm", release, destination, outcome: differences.length === 0 ? { status: "unchanged" } : { status: "refused", differences } };
}
