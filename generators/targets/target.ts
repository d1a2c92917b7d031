import type { Release } from "../compat/release.js";
import type { ContractsModel } from "../ir/model.js";
import type { Config } from "../config.js";

/** One file of generated output, path relative to the output folder with forward slashes. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
  /**
   * Already in its final form, so formatting skips it: large JSON written by `canonicalJson`, compiler output,
   * static templates kept formatted, verbatim copies of the schemas.
   */
  readonly formatted?: boolean;
}

/** Everything a target may read: the model, the configuration and the static templates. No file system. */
export interface TargetContext {
  readonly model: ContractsModel;
  readonly config: Config;
  /** Template files by path relative to `templates/`, e.g. `typescript/runtime.ts`. */
  readonly templates: ReadonlyMap<string, string>;
  /** Hand-written upcasters by path relative to the upcasters folder, e.g. `task-assigned/v1-to-v2.ts`. */
  readonly upcasters: ReadonlyMap<string, string>;
  /** This generation's version and what changed since the previous one. */
  readonly release: Release;
}

/**
 * A target is a pure function from the model to files. `afterFormat`, when present, derives more files from
 * the formatted ones (the TypeScript target compiles its formatted sources to JavaScript), in their final form.
 */
export interface Target {
  readonly name: string;
  generate(context: TargetContext): readonly GeneratedFile[];
  afterFormat?(files: readonly GeneratedFile[], context: TargetContext): Promise<readonly GeneratedFile[]>;
}

export function template(context: TargetContext, name: string): string {
  const text = context.templates.get(name);
  if (text === undefined) throw new Error(`internal error: missing template ${name}`);
  return text;
}
