import { createTwoFilesPatch } from "diff";
import { textOf, type GeneratedFile } from "../targets/target.js";
import { compareText } from "../problems.js";
import { readTree } from "./tree.js";

export type Drift =
  | { readonly kind: "changed"; readonly path: string; readonly diff: string }
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "extra"; readonly path: string };

const MAX_DIFF_LINES = 40;

/**
 * Compares generated files with the output folder, without writing anything. With `owned`, only the files on
 * disk it accepts are read and compared (the generated files of the targets that were generated); others are
 * neither missing nor extra.
 */
export async function findDrift(outDir: string, files: readonly GeneratedFile[], owned?: (file: string) => boolean): Promise<Drift[]> {
  const onDisk = await readTree(outDir, owned);
  const drift: Drift[] = [];
  for (const file of files) {
    const current = onDisk.get(file.path);
    if (current === undefined) drift.push({ kind: "missing", path: file.path });
    else {
      const generated = textOf(file);
      if (current !== generated) drift.push({ kind: "changed", path: file.path, diff: shortDiff(file.path, current, generated) });
    }
    onDisk.delete(file.path);
  }
  for (const extra of onDisk.keys()) drift.push({ kind: "extra", path: extra });
  return drift.sort((a, b) => compareText(a.path, b.path));
}

function shortDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`${file} (on disk)`, `${file} (generated)`, before, after, undefined, undefined, { context: 2 });
  const lines = patch.split("\n").slice(2).filter((line) => line !== "");
  if (lines.length <= MAX_DIFF_LINES) return lines.join("\n");
  return [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more diff lines`].join("\n");
}

export function describeDrift(drift: Drift): string {
  switch (drift.kind) {
    case "missing":
      return `missing: ${drift.path} (generate would create it)`;
    case "extra":
      return `extra:   ${drift.path} (generate would delete it)`;
    case "changed":
      return `changed: ${drift.path}\n${drift.diff.replace(/^/gm, "    ")}`;
  }
}
