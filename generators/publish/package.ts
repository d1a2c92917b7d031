import { execFile } from "node:child_process";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import { UsageError } from "../problems.js";

/** What `publish` knows of one package before it acts. */
export interface PublishInput {
  readonly config: Config;
  /** The release's version (out/release.json), without a leading v. */
  readonly version: string;
  /** The package's folder in the output folder (out/ts, out/go, out/python). */
  readonly folder: string;
  /** The package's files that generate made, relative to `folder`: foreign files are never published. */
  readonly files: readonly string[];
  /** A scratch folder of this package's own, removed afterwards. */
  readonly work: string;
  /** The folder relative paths in the config are resolved from. */
  readonly configDir: string;
  readonly dryRun: boolean;
}

/**
 * The verdict on one package: published now, or would be (--dry-run); already published with the same files
 * (nothing to do); or already published with other files, which is refused: a published version never changes.
 */
export type PublishOutcome =
  | { readonly status: "published" | "would-publish"; readonly files: number }
  | { readonly status: "unchanged" }
  | { readonly status: "refused"; readonly differences: readonly string[] };

export interface Publication {
  readonly ecosystem: "npm" | "go" | "python";
  /** The package as its ecosystem names a release: `@shared/events@1.0.0`, `module@v1.0.0`, `name==1.0.0`. */
  readonly release: string;
  /** Where it goes: a registry URL or a folder. */
  readonly destination: string;
  readonly outcome: PublishOutcome;
}

/**
 * Copies the package's generated files into a staging folder, which the package tools then build and pack: they
 * never see a file generate did not make (a `build/` left by pip, say) and never write into the output folder.
 */
export async function stage(input: PublishInput, name: string): Promise<string> {
  const staging = path.join(input.work, name);
  for (const file of input.files) {
    await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
    await copyFile(path.join(input.folder, file), path.join(staging, file));
  }
  return staging;
}

export interface ToolResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a package tool; a tool that cannot be started is a usage error that says what to install. */
export function runTool(command: string, args: readonly string[], options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly install: string }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === "ENOENT") reject(new UsageError(`publishing needs \`${command}\`, which is not on the PATH: ${options.install}`));
      else resolve({ status: error === null ? 0 : typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

/** A tool's failure as a usage error: its own last lines say what went wrong (a registry refusing, say). */
export function toolFailure(what: string, result: ToolResult): UsageError {
  // npm's --json commands report an error as JSON on standard output: its summary says it all.
  const summary = (() => {
    try {
      return (JSON.parse(result.stdout) as { error?: { summary?: unknown } }).error?.summary;
    } catch {
      return undefined;
    }
  })();
  const said = typeof summary === "string" ? summary : `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-12).join("\n");
  return new UsageError(`${what} failed (exit ${result.status}):\n${said}`);
}
