import { existsSync } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { loadConfig, type Config } from "../config.js";
import { ContractProblemsError, UsageError } from "../problems.js";

export const DEFAULT_CONFIG_FILE = "event-contracts.config.json";

export interface PathFlags {
  readonly schemas?: string | undefined;
  readonly out?: string | undefined;
  readonly config?: string | undefined;
}

export interface Settings {
  readonly config: Config;
  /** The config file, whether or not it exists. */
  readonly configFile: string;
  readonly schemasDir: string;
  readonly outDir: string;
  readonly upcastersDir: string;
}

/**
 * Flags win over the config file; paths in the config file are relative to the file itself, so the CLI
 * works the same from any working directory.
 */
export async function resolveSettings(flags: PathFlags, cwd: string = process.cwd()): Promise<Settings> {
  for (const [flag, value] of Object.entries(flags)) {
    // `--out=` would mean the working folder itself: a path flag needs a value.
    if (value === "") throw new UsageError(`--${flag} needs a path`);
  }
  const configFile = path.resolve(cwd, flags.config ?? DEFAULT_CONFIG_FILE);
  const config = await loadConfig(configFile, flags.config !== undefined);
  const configDir = (await exists(configFile)) ? path.dirname(configFile) : cwd;
  return {
    config,
    configFile,
    schemasDir: flags.schemas !== undefined ? path.resolve(cwd, flags.schemas) : path.resolve(configDir, config.schemas),
    outDir: flags.out !== undefined ? path.resolve(cwd, flags.out) : path.resolve(configDir, config.out),
    upcastersDir: path.resolve(configDir, config.upcasters),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** How reports name schema files: relative to the working folder, with forward slashes (`schemas/`). */
export { folderPrefix as schemasPrefix } from "../compat/sources.js";

/**
 * Runs a command's work so that every problem it reports names its file one way: relative to the working
 * folder (`schemas/text-job.json:12:5`), however the pass that found it named it. Passes over the schemas name
 * a file below the schemas folder, the upcaster checks one below the upcasters folder.
 */
export async function withPathsFromHere<T>(settings: Settings, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ContractProblemsError)) throw error;
    const fromHere = (file: string): string => {
      if (file === "" || path.isAbsolute(file)) return file;
      const folder = [settings.schemasDir, settings.upcastersDir].find((candidate) => existsSync(path.join(candidate, file)));
      return folder === undefined ? file : path.relative(process.cwd(), path.join(folder, file)).split(path.sep).join("/");
    };
    throw new ContractProblemsError(error.problems.map((problem) => ({ ...problem, file: fromHere(problem.file) })));
  }
}
