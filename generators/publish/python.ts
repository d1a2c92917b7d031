import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../problems.js";
import { archiveDifferences, readZip, type ArchiveFiles } from "./archive.js";
import { runTool, stage, toolFailure, type Publication, type PublishInput } from "./package.js";

export const PYPI_UPLOAD = "https://upload.pypi.org/legacy/";
export const PYPI_INDEX = "https://pypi.org/simple/";
const INSTALL_TOOLS = "install the Python packages build and twine (`python3 -m pip install build twine`), or set PYTHON to an interpreter that has them";

/**
 * The Python package: a wheel and an sdist built by the package's own build backend (setuptools, through the
 * standard `python -m build` front end) and uploaded with twine to a package index's upload URL (the PyPI
 * upload protocol, which pypiserver, devpi and the hosted registries speak); twine reads credentials from
 * TWINE_USERNAME / TWINE_PASSWORD or .pypirc. Whether the version is there is read from the index's simple API
 * (PEP 503), and a wheel already there is compared with the new one file by file.
 */
export async function publishPython(input: PublishInput): Promise<Publication> {
  const { distribution, repository = PYPI_UPLOAD, index = PYPI_INDEX } = input.config.python;
  const release = `${distribution}==${input.version}`;
  const python = process.env["PYTHON"] ?? "python3";
  const tool = (args: readonly string[]) =>
    // Timestamps inside the archives are fixed, so that building one release twice gives the same archives.
    runTool(python, args, { cwd: input.work, env: { ...process.env, SOURCE_DATE_EPOCH: "315532800", PYTHONDONTWRITEBYTECODE: "1" }, install: INSTALL_TOOLS });
  for (const module of ["build", "twine"]) {
    if ((await tool(["-m", module, "--version"])).status !== 0) throw new UsageError(`publishing the Python package needs the ${module} module in ${python}: ${INSTALL_TOOLS}`);
  }
  const staged = await stage(input, "package");
  const dist = path.join(input.work, "dist");
  const built = await tool(["-m", "build", "--sdist", "--wheel", "--outdir", dist, staged]);
  if (built.status !== 0) throw toolFailure(`python -m build ${path.relative(process.cwd(), input.folder)}`, built);
  const archives = (await readdir(dist)).sort();
  const wheel = archives.find((file) => file.endsWith(".whl"));
  if (wheel === undefined) throw toolFailure("python -m build (no wheel)", built);
  const local = wheelContent(readZip(await readFile(path.join(dist, wheel))));

  const listed = await indexFiles(index, distribution);
  const ofVersion = listed.filter((file) => versionOf(file.name) === input.version);
  if (ofVersion.length === 0) {
    if (!input.dryRun) {
      const uploaded = await tool(["-m", "twine", "upload", "--non-interactive", "--disable-progress-bar", "--repository-url", repository, ...archives.map((file) => path.join(dist, file))]);
      if (uploaded.status !== 0) throw toolFailure(`twine upload ${release}`, uploaded);
    }
    return { ecosystem: "python", release, destination: repository, outcome: { status: input.dryRun ? "would-publish" : "published", files: local.size } };
  }
  const published = ofVersion.find((file) => file.name === wheel);
  if (published === undefined) {
    const names = ofVersion.map((file) => file.name).join(", ");
    return { ecosystem: "python", release, destination: repository, outcome: { status: "refused", differences: [`the index has ${names} for this version, not ${wheel}`] } };
  }
  const response = await fetch(published.url);
  if (!response.ok) throw new UsageError(`cannot download ${published.url}: HTTP ${response.status}`);
  const differences = archiveDifferences(wheelContent(readZip(new Uint8Array(await response.arrayBuffer()))), local);
  return { ecosystem: "python", release, destination: repository, outcome: differences.length === 0 ? { status: "unchanged" } : { status: "refused", differences } };
}

/**
 * What a wheel publishes: the package's files and the metadata that installers act on (name, version, Python
 * and dependency requirements). The rest of `.dist-info` records the tools that built it (WHEEL names the
 * setuptools version, RECORD hashes the rest), which may change between builds of the same release.
 */
function wheelContent(files: ArchiveFiles): ArchiveFiles {
  const content = new Map<string, Uint8Array>();
  for (const [file, bytes] of files) {
    if (!/^[^/]+\.dist-info\//.test(file)) content.set(file, bytes);
    else if (file.endsWith(".dist-info/METADATA")) {
      const kept = Buffer.from(bytes).toString("utf8").split(/\r?\n\r?\n/)[0]?.split(/\r?\n/).filter((line) => /^(Name|Version|Requires-Python|Requires-Dist|Provides-Extra): /.test(line)) ?? [];
      content.set("METADATA (name, version and requirements)", Buffer.from(kept.join("\n")));
    }
  }
  return content;
}

/** The version in a wheel or sdist file name (`name-1.0.0-py3-none-any.whl`, `name-1.0.0.tar.gz`). */
function versionOf(file: string): string | undefined {
  return /^[^-]+-([^-]+?)(-.*\.whl|\.tar\.gz|\.zip)$/.exec(file)?.[1];
}

interface IndexFile {
  readonly name: string;
  readonly url: string;
}

/**
 * The files the index lists for a project (PEP 503 HTML). A redirect to another site means the index does not
 * have the project (pypiserver sends what it lacks to PyPI), never that the project there is this one.
 */
async function indexFiles(index: string, distribution: string): Promise<IndexFile[]> {
  let url = new URL(`${distribution.toLowerCase().replace(/[-_.]+/g, "-")}/`, index.endsWith("/") ? index : `${index}/`);
  for (let hops = 0; hops < 5; hops++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", headers: { accept: "text/html" } });
    } catch (error) {
      throw new UsageError(`cannot reach the package index ${index}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
    }
    if (response.status === 404) return [];
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) return [];
      url = next;
      continue;
    }
    if (!response.ok) throw new UsageError(`the package index ${index} answered HTTP ${response.status} for ${url.href}`);
    const page = await response.text();
    return [...page.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi)].map((match) => ({ name: decodeHtml(match[2] ?? "").trim(), url: new URL(decodeHtml(match[1] ?? ""), url).href }));
  }
  throw new UsageError(`the package index ${index} redirects too often for ${distribution}`);
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[entity] ?? "");
}
