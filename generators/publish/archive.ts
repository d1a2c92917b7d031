import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";

/** The files of a package archive, by path; what "the same content" means for a published version. */
export type ArchiveFiles = ReadonlyMap<string, Uint8Array>;

/**
 * The regular files of a .tar.gz (an npm tarball, a Python sdist). Node has gzip but no tar, and a reader of
 * the ustar and pax headers these archives use is a few lines; a dependency would add more than it saves.
 */
export function readTarGz(bytes: Uint8Array): ArchiveFiles {
  const tar = gunzipSync(bytes);
  const files = new Map<string, Uint8Array>();
  let paxPath: string | undefined;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number): string => new TextDecoder().decode(header.subarray(start, start + length)).replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const prefix = field(257, 6).startsWith("ustar") ? field(345, 155) : "";
    const name = paxPath ?? (prefix === "" ? field(0, 100) : `${prefix}/${field(0, 100)}`);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    paxPath = undefined;
    if (type === "x") paxPath = paxRecord(body, "path");
    else if (type === "0" || type === "") files.set(name, body);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The files of a .zip (a wheel, a Go module zip). */
export function readZip(bytes: Uint8Array): ArchiveFiles {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

/** A pax extended header's value for one keyword (`<length> <keyword>=<value>\n` records). */
function paxRecord(body: Uint8Array, keyword: string): string | undefined {
  const text = Buffer.from(body).toString("utf8");
  for (let offset = 0; offset < text.length; ) {
    const space = text.indexOf(" ", offset);
    const length = Number.parseInt(text.slice(offset, space), 10);
    if (!(length > 0)) return undefined;
    const record = text.slice(space + 1, offset + length - 1);
    if (record.startsWith(`${keyword}=`)) return record.slice(keyword.length + 1);
    offset += length;
  }
  return undefined;
}

/**
 * How two archives of one package version differ, path by path (with a top folder stripped from each side:
 * `package/` in npm tarballs, `<name>-<version>/` in sdists): an empty list when their files are the same.
 */
export function archiveDifferences(published: ArchiveFiles, local: ArchiveFiles, strip: (path: string) => string | undefined = (path) => path): string[] {
  const index = (files: ArchiveFiles): Map<string, string> => {
    const hashes = new Map<string, string>();
    for (const [path, bytes] of files) {
      const stripped = strip(path);
      if (stripped !== undefined) hashes.set(stripped, createHash("sha256").update(bytes).digest("hex"));
    }
    return hashes;
  };
  const [before, after] = [index(published), index(local)];
  const differences: string[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [old, now] = [before.get(path), after.get(path)];
    if (old === now) continue;
    differences.push(old === undefined ? `added ${path}` : now === undefined ? `removed ${path}` : `changed ${path}`);
  }
  return differences;
}
