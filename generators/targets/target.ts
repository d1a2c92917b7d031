import type { Release } from "../compat/release.js";
import type { ContractsModel } from "../ir/model.js";
import type { Config } from "../config.js";

/** One file of generated output, path relative to the output folder with forward slashes. */
export interface GeneratedFile {
  readonly path: string;
  /**
   * The file's text, or its UTF-8 bytes: the vectors (70 MB at 512 event schemas) come from the oracle thread as
   * bytes, handed over without a copy, where text would be copied, and held twice over (as UTF-16).
   */
  readonly content: string | Uint8Array;
  /**
   * Already in its final form, so formatting skips it: large JSON written by `canonicalJson`, compiler output,
   * static templates kept formatted, verbatim copies of the schemas.
   */
  readonly formatted?: boolean;
}

/** Everything a target may read: the model, the configuration, the static templates, the oracle's vectors. No file system. */
export interface TargetContext {
  readonly model: ContractsModel;
  readonly config: Config;
  /** Template files by path relative to `templates/`, e.g. `typescript/runtime.ts`. */
  readonly templates: ReadonlyMap<string, string>;
  /** Hand-written upcasters by path relative to the upcasters folder, e.g. `task-assigned/v1-to-v2.ts`. */
  readonly upcasters: ReadonlyMap<string, string>;
  /** This generation's version and what changed since the previous one. */
  readonly release: Release;
  /** The shared test vectors document, judged by ajv on a thread of its own (oracle-thread.ts). */
  vectors(): Promise<Uint8Array>;
}

/**
 * A target is a pure function from the model to files. `afterFormat`, when present, derives more files from
 * the formatted ones (the TypeScript target compiles its formatted sources to JavaScript), in their final form.
 */
export interface Target {
  readonly name: string;
  generate(context: TargetContext): readonly GeneratedFile[] | Promise<readonly GeneratedFile[]>;
  afterFormat?(files: readonly GeneratedFile[], context: TargetContext): Promise<readonly GeneratedFile[]>;
}

/** A file's content as text. */
export function textOf(file: GeneratedFile): string {
  return typeof file.content === "string" ? file.content : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString("utf8");
}

export function template(context: TargetContext, name: string): string {
  const text = context.templates.get(name);
  if (text === undefined) throw new Error(`internal error: missing template ${name}`);
  return text;
}
