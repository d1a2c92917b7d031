import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import { UsageError } from "../problems.js";
import { archiveDifferences, readZip } from "./archive.js";
import type { Publication, PublishInput } from "./package.js";

/** The zip entries' time: fixed, so that publishing one release twice writes the same bytes. */
const ZIP_TIME = new Date("1980-01-01T00:00:00Z");

/**
 * The Go module: written into a folder laid out as a module proxy (the GOPROXY protocol: `<module>/@v/list`,
 * `<version>.info`, `.mod` and `.zip`), which any static web server can serve as `GOPROXY`. The zip holds the
 * module's files under `<module>@<version>/`, as golang.org/x/mod/zip makes them; `go` checks its hash
 * against go.sum, so a version, once written, is never rewritten: a different one is refused. The franz module
 * (franz/, its own go.mod) is published beside the events module, at the same version.
 */
export async function publishGo(input: PublishInput): Promise<Publication[]> {
  // A folder with a go.mod of its own (franz/) is a module of its own: Go leaves it out of the module above it.
  const nested = input.files.filter((file) => file.endsWith("/go.mod")).map((file) => file.slice(0, -"go.mod".length));
  const owner = (file: string): string => nested.filter((folder) => file.startsWith(folder)).sort((a, b) => b.length - a.length)[0] ?? "";
  const publications: Publication[] = [];
  for (const folder of ["", ...nested.sort()]) {
    const files = input.files.filter((file) => owner(file) === folder).map((file) => file.slice(folder.length));
    publications.push(await publishModule({ ...input, folder: path.join(input.folder, folder), files }));
  }
  return publications;
}

async function publishModule(input: PublishInput): Promise<Publication> {
  const { proxyFolder } = input.config.go;
  if (proxyFolder === undefined) {
    throw new UsageError('publishing the Go module needs "proxyFolder" in the config\'s "go" section: the folder, served as the GOPROXY "proxy", that the module is written into');
  }
  const folder = path.resolve(input.configDir, proxyFolder);
  const goMod = await readFile(path.join(input.folder, "go.mod"), "utf8");
  const module = /^module\s+(\S+)/m.exec(goMod)?.[1];
  if (module === undefined) throw new UsageError(`${path.join(input.folder, "go.mod")} has no module line; run generate`);
  const version = `v${input.version}`;
  const release = `${module}@${version}`;
  const files = new Map<string, Uint8Array>();
  for (const file of input.files) files.set(`${release}/${file}`, await readFile(path.join(input.folder, file)));

  const versions = path.join(folder, escapeModulePath(module), "@v");
  const zipFile = path.join(versions, `${version}.zip`);
  const existing = await readFile(zipFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing !== undefined) {
    const differences = archiveDifferences(readZip(existing), files);
    return { ecosystem: "go", release, destination: folder, outcome: differences.length === 0 ? { status: "unchanged" } : { status: "refused", differences } };
  }
  if (!input.dryRun) {
    await mkdir(versions, { recursive: true });
    const entries: Zippable = {};
    for (const name of [...files.keys()].sort()) entries[name] = [files.get(name) ?? new Uint8Array(), { mtime: ZIP_TIME }];
    // The list is written last: a client that sees the version in it finds all of its files.
    await writeAtomically(path.join(versions, `${version}.mod`), goMod);
    await writeAtomically(zipFile, zipSync(entries, { level: 9 }));
    await writeAtomically(path.join(versions, `${version}.info`), `${JSON.stringify({ Version: version, Time: new Date().toISOString().replace(/\.\d+Z$/, "Z") })}\n`);
    const list = await readFile(path.join(versions, "list"), "utf8").catch(() => "");
    const listed = new Set(list.split("\n").filter((line) => line !== ""));
    listed.add(version);
    await writeAtomically(path.join(versions, "list"), `${[...listed].join("\n")}\n`);
  }
  return { ecosystem: "go", release, destination: folder, outcome: { status: input.dryRun ? "would-publish" : "published", files: files.size } };
}

/** The proxy protocol's case encoding of module paths: each upper-case letter becomes "!" and its lower case. */
export function escapeModulePath(module: string): string {
  return module.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
