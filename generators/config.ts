import { readFile } from "node:fs/promises";
import { parseJsonSource } from "./schema/json-source.js";
import { ContractProblemsError, type Problem } from "./problems.js";

/** `event-contracts.config.json`: where things are, and how the generated packages are named. */
export interface Config {
  readonly schemas: string;
  readonly out: string;
  /** Folder of hand-written upcasters for steps between versions that the schemas cannot declare. */
  readonly upcasters: string;
  /**
   * The packages' version at their first generation. After that, `generate` computes each release's version
   * from the changes since the previous generation (out/release.json).
   */
  readonly version: string;
  readonly typescript: TypeScriptConfig;
  readonly go: GoConfig;
  readonly python: PythonConfig;
}

export interface TypeScriptConfig {
  readonly packageName: string;
  readonly description: string;
}

export interface GoConfig {
  /** The Go module path, e.g. `contracts.activity-builder.dev/events`. */
  readonly module: string;
  /** The Go package name. */
  readonly package: string;
}

export interface PythonConfig {
  /** The distribution name on PyPI, e.g. `activity-builder-events`. */
  readonly distribution: string;
  /** The import name, e.g. `activity_events`. */
  readonly package: string;
}

export const DEFAULT_CONFIG: Config = {
  schemas: "schemas",
  out: "out",
  upcasters: "upcasters",
  version: "1.0.0",
  typescript: {
    packageName: "@shared/events",
    description: "Typed events, validators, topics and factories generated from the event contracts.",
  },
  go: { module: "example.com/events", package: "events" },
  python: { distribution: "shared-events", package: "shared_events" },
};

type Section = Record<string, unknown>;
interface Rule {
  readonly check: RegExp;
  readonly what: string;
}

const ANY_TEXT: Rule = { check: /\S/, what: "a non-empty string" };
const SEMVER: Rule = { check: /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, what: "a semantic version, e.g. 1.0.0" };
const RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  "": { schemas: ANY_TEXT, out: ANY_TEXT, upcasters: ANY_TEXT, version: SEMVER },
  typescript: {
    packageName: { check: /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, what: "an npm package name, e.g. @shared/events" },
    description: ANY_TEXT,
  },
  go: {
    module: { check: /^[a-z0-9][a-z0-9.-]*\.[a-z]+(\/[A-Za-z0-9._~-]+)+$/, what: "a Go module path, e.g. example.com/events" },
    package: { check: /^[a-z][a-z0-9]*$/, what: "a Go package name: lower-case letters and digits" },
  },
  python: {
    distribution: { check: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/, what: "a Python distribution name, e.g. shared-events" },
    package: { check: /^[a-z_][a-z0-9_]*$/, what: "a Python package name: lower-case letters, digits and underscores" },
  },
};

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
  const root = parsed.source.value;
  if (!isSection(root)) throw new ContractProblemsError([{ code: "CONFIG", file, message: "the config must be a JSON object" }]);

  const read = (name: string, defaults: Readonly<Record<string, string>>): Record<string, string> => {
    const pointer = name === "" ? "" : `/${name}`;
    const raw = name === "" ? root : (root[name] ?? {});
    if (!isSection(raw)) {
      problem(pointer, `"${name}" must be an object`);
      return { ...defaults };
    }
    const rules = RULES[name] ?? {};
    const allowed = name === "" ? [...Object.keys(rules), ...Object.keys(RULES).filter((key) => key !== ""), "$schema"] : Object.keys(rules);
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) problem(`${pointer}/${key}`, `unknown setting "${key}"; the settings are ${allowed.join(", ")}`);
    }
    const values: Record<string, string> = { ...defaults };
    for (const [key, rule] of Object.entries(rules)) {
      const value = raw[key];
      if (value === undefined) continue;
      if (typeof value === "string" && rule.check.test(value)) values[key] = value;
      else problem(`${pointer}/${key}`, `"${key}" must be ${rule.what}`);
    }
    return values;
  };
  const top = read("", { schemas: DEFAULT_CONFIG.schemas, out: DEFAULT_CONFIG.out, upcasters: DEFAULT_CONFIG.upcasters, version: DEFAULT_CONFIG.version });
  const config: Config = {
    schemas: top["schemas"] ?? DEFAULT_CONFIG.schemas,
    out: top["out"] ?? DEFAULT_CONFIG.out,
    upcasters: top["upcasters"] ?? DEFAULT_CONFIG.upcasters,
    version: top["version"] ?? DEFAULT_CONFIG.version,
    typescript: read("typescript", { ...DEFAULT_CONFIG.typescript }) as unknown as TypeScriptConfig,
    go: read("go", { ...DEFAULT_CONFIG.go }) as unknown as GoConfig,
    python: read("python", { ...DEFAULT_CONFIG.python }) as unknown as PythonConfig,
  };
  if (problems.length > 0) throw new ContractProblemsError(problems);
  return config;
}

function isSection(value: unknown): value is Section {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
