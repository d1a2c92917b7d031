import type { Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { FormatterRefusal } from "./batch-formatter.js";

let ruff: Promise<Workspace> | undefined;

/**
 * Formats Python with ruff's own formatter, compiled to WebAssembly (an npm package), so generating needs no
 * Python tools; the tests run the same ruff version from PyPI with `ruff format --check`. `path` names the
 * source in errors.
 */
export async function formatPython(path: string, source: string): Promise<string> {
  // Loaded on first use: compiling the WebAssembly costs start-up time that commands without Python output skip.
  ruff ??= import("@astral-sh/ruff-wasm-nodejs").then(({ PositionEncoding, Workspace }) => new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16));
  const workspace = await ruff;
  try {
    return workspace.format(source);
  } catch (error) {
    throw new FormatterRefusal(`internal error: generated ${path} does not parse as Python: ${String(error)}`, String(error));
  }
}
