import { readFile } from "node:fs/promises";
import { parseJsonSource } from "./schema/json-source.js";
import { ContractProblemsError, type Problem } from "./problems.js";

/** `event-contracts.config.json`: where things are, and how the generated packages are named. */
export interface Config {
  readonly schemas: string;
  readonly out: string;
  readonly typescript: TypeScriptConfig;
}

export interface TypeScriptConfig {
  readonly packageName: string;
  readonly version: string;
  readonly description: string;
}

export const DEFAULT_CONFIG: Config = {
  schemas: "schemas",
  out: "out",
  typescript: {
    packageName: "@shared/events",
    version: "1.0.0",
    description: "Typed events, validators, topics and factories generated from the event contracts.",
  },
};

const NPM_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** Reads the config file; a missing file means the defaults. Unknown keys are errors, not silently ignored. */
export async function loadConfig(file: string, required: boolean): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_CONFIG;
    throw new ContractProblemsError([{ code: "CONFIG", file, message: `cannot read the config file: ${(error as Error).message}` }]);
  }
  return parseConfig(file, text);
}

export function parseConfig(file: string, text: string): Config {
  const parsed = parseJsonSource(file, text);
  if (!parsed.ok) throw new ContractProblemsError(parsed.problems);
  const problems: Problem[] = [];
  const problem = (pointer: string, message: string): void => {
    problems.push({ code: "CONFIG", file, position: parsed.source.positionOf(pointer), pointer, message });
  };
  const raw = parsed.source.value;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ContractProblemsError([{ code: "CONFIG", file, message: "the config must be a JSON object" }]);
  }
  const root = raw as Record<string, unknown>;
  const known = (object: Record<string, unknown>, pointer: string, keys: readonly string[]): void => {
    for (const key of Object.keys(object)) if (!keys.includes(key)) problem(`${pointer}/${key}`, `unknown setting "${key}"; the settings are ${keys.join(", ")}`);
  };
  known(root, "", ["$schema", "schemas", "out", "typescript"]);
  const setting = (object: Record<string, unknown>, pointer: string, key: string, fallback: string, check?: RegExp, what?: string): string => {
    const value = object[key];
    if (value === undefined) return fallback;
    if (typeof value !== "string" || value === "" || (check !== undefined && !check.test(value))) {
      problem(`${pointer}/${key}`, `"${key}" must be ${what ?? "a non-empty string"}`);
      return fallback;
    }
    return value;
  };
  const tsRaw = root["typescript"] ?? {};
  const tsSection = typeof tsRaw === "object" && tsRaw !== null && !Array.isArray(tsRaw) ? (tsRaw as Record<string, unknown>) : {};
  if (tsSection !== tsRaw) problem("/typescript", `"typescript" must be an object`);
  known(tsSection, "/typescript", ["packageName", "version", "description"]);
  const defaults = DEFAULT_CONFIG.typescript;
  const config: Config = {
    schemas: setting(root, "", "schemas", DEFAULT_CONFIG.schemas),
    out: setting(root, "", "out", DEFAULT_CONFIG.out),
    typescript: {
      packageName: setting(tsSection, "/typescript", "packageName", defaults.packageName, NPM_NAME, "an npm package name, e.g. @shared/events"),
      version: setting(tsSection, "/typescript", "version", defaults.version, SEMVER, "a semantic version, e.g. 1.0.0"),
      description: setting(tsSection, "/typescript", "description", defaults.description),
    },
  };
  if (problems.length > 0) throw new ContractProblemsError(problems);
  return config;
}
