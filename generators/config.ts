import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseJsonSource } from "./schema/json-source.js";
import { ContractProblemsError, type Problem } from "./problems.js";
import { DEFAULT_ENVELOPE, ENVELOPE_NAME, envelopeProblems, type Envelope } from "./ir/envelope.js";

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
  /**
   * Releases are git tags `<tagPrefix><version>`. Each project in a repository needs its own prefix, so that
   * one project's release is never taken for another's.
   */
  readonly tagPrefix: string;
  /** A phrase naming the contracts in the packages' docs, the catalog and AsyncAPI ("Event contracts of ..."). */
  readonly title: string;
  /** The command that regenerates the packages, shown in the header of every generated file. */
  readonly command: string;
  /** Who owns the contracts, for the AsyncAPI document's `info.contact`; left out when absent. */
  readonly contact?: { readonly name?: string; readonly url?: string; readonly email?: string };
  /** The properties every event carries, its record key, and what CloudEvents and the factories read of them. */
  readonly envelope: Envelope;
  readonly typescript: TypeScriptConfig;
  readonly go: GoConfig;
  readonly python: PythonConfig;
}

export interface TypeScriptConfig {
  readonly packageName: string;
  readonly description: string;
  /** The npm registry the package is published to and installed from; npm's own config (.npmrc) when absent. */
  readonly registry?: string;
}

export interface GoConfig {
  /** The Go module path, e.g. `contracts.activity-builder.dev/events`. */
  readonly module: string;
  /** The Go package name. */
  readonly package: string;
  /** The GOPROXY URL the module is installed from: the web address of `proxyFolder`. */
  readonly proxy?: string;
  /** The folder `publish` writes the module into, laid out as a GOPROXY (served as `proxy`). */
  readonly proxyFolder?: string;
}

export interface PythonConfig {
  /** The distribution's summary on PyPI; the TypeScript package's description when absent. */
  readonly description?: string;
  /** The distribution name on PyPI, e.g. `activity-builder-events`. */
  readonly distribution: string;
  /** The import name, e.g. `activity_events`. */
  readonly package: string;
  /** The package index's upload URL (the PyPI upload protocol); PyPI's when absent. */
  readonly repository?: string;
  /** The package index's simple API, which pip installs from; PyPI's when absent. */
  readonly index?: string;
}

export const DEFAULT_CONFIG: Config = {
  schemas: "schemas",
  out: "out",
  upcasters: "upcasters",
  version: "1.0.0",
  tagPrefix: "contracts-v",
  title: "Event contracts",
  command: "npx event-contracts generate",
  envelope: DEFAULT_ENVELOPE,
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
  /** The language's own rules beyond the shape: why the value is refused, or undefined. */
  readonly refuse?: (value: string) => string | undefined;
}

const GO_KEYWORDS = new Set("break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var".split(" "));
const PYTHON_KEYWORDS = new Set("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "));
/** Names Windows reserves, which Go refuses as a path element (before any dot), in any case. */
const WINDOWS_RESERVED = new Set(["con", "prn", "aux", "nul", ...Array.from({ length: 9 }, (_, index) => `com${index + 1}`), ...Array.from({ length: 9 }, (_, index) => `lpt${index + 1}`)]);

/** Go's module path rules (golang.org/x/mod/module.CheckPath), so that `go` never refuses what was generated. */
function goModuleProblem(path: string): string | undefined {
  const elements = path.split("/");
  for (const element of elements) {
    if (element.startsWith(".") || element.endsWith(".")) return `the path element "${element}" starts or ends with a dot, which Go refuses`;
    if (WINDOWS_RESERVED.has((element.split(".")[0] ?? "").toLowerCase())) return `the path element "${element}" is a name Windows reserves, which Go refuses in module paths`;
    if (/~[0-9]+$/.test(element)) return `the path element "${element}" looks like a Windows short name, which Go refuses`;
  }
  if (/^v[0-9]+$/.test(elements[elements.length - 1] ?? "")) return "the path ends in a major version; leave it out, generate adds /vN from version 2 on";
  return undefined;
}

const ANY_TEXT: Rule = { check: /\S/, what: "a non-empty string" };
/**
 * Registry addresses are printed into install commands in the package READMEs, so they are held to characters
 * that mean nothing to a shell, and to no credentials (those belong in .npmrc, the environment or netrc).
 */
const URL_RULE: Rule = {
  check: /^https?:\/\/[A-Za-z0-9._~%:/+-]+$/,
  what: "an http(s) URL of letters, digits and ._~%:/+- only, e.g. https://npm.example.com/",
  refuse: (value) => (URL.canParse(value) ? undefined : `"${value}" is not a URL`),
};
const SEMVER: Rule = { check: /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, what: "a semantic version, e.g. 1.0.0" };
const RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  "": {
    schemas: ANY_TEXT,
    out: ANY_TEXT,
    upcasters: ANY_TEXT,
    version: SEMVER,
    title: { check: /^[^\x00-\x1f\x7f\u0085\u2028\u2029]*\S[^\x00-\x1f\x7f\u0085\u2028\u2029]*$/, what: "one line of text, e.g. Event contracts of the shop" },
    command: { check: /^[^\x00-\x1f\x7f\u0085\u2028\u2029`]*\S[^\x00-\x1f\x7f\u0085\u2028\u2029`]*$/, what: "one line of text without backquotes, e.g. npm run generate" },
    // What git check-ref-format accepts as the start of a tag name that a version completes.
    tagPrefix: { check: /^(?![-./])(?!.*(\.\.|\/\/|@\{|\/\.|\.lock\/))[^\s~^:?*[\\\x00-\x1f\x7f]*[A-Za-z_/-]$/, what: "a git tag prefix ending in a letter, -, _ or /, e.g. contracts-v" },
  },
  typescript: {
    packageName: { check: /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, what: "an npm package name, e.g. @shared/events" },
    description: ANY_TEXT,
    registry: URL_RULE,
  },
  go: {
    module: { check: /^[a-z0-9][a-z0-9.-]*\.[a-z]+(\/[A-Za-z0-9._~-]+)+$/, what: "a Go module path, e.g. example.com/events", refuse: goModuleProblem },
    package: {
      check: /^[a-z][a-z0-9]*$/,
      what: "a Go package name: lower-case letters and digits",
      refuse: (name) => (GO_KEYWORDS.has(name) ? `"${name}" is a Go keyword; choose another package name` : name === "main" ? `"main" is the package of a program, not of a library; choose another name` : undefined),
    },
    proxy: URL_RULE,
    proxyFolder: ANY_TEXT,
  },
  contact: {
    name: ANY_TEXT,
    url: URL_RULE,
    email: { check: /^[^\s@<>"]+@[^\s@<>"]+$/, what: "an e-mail address" },
  },
  python: {
    description: ANY_TEXT,
    distribution: { check: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/, what: "a Python distribution name, e.g. shared-events" },
    package: {
      check: /^[a-z_][a-z0-9_]*$/,
      what: "a Python package name: lower-case letters, digits and underscores",
      refuse: (name) => (PYTHON_KEYWORDS.has(name) ? `"${name}" is a Python keyword, so \`import ${name}\` cannot be written; choose another package name` : undefined),
    },
    repository: URL_RULE,
    index: URL_RULE,
  },
};

/** Reads the config file; a missing file means the defaults. Unknown keys are errors, not silently ignored. */
export async function loadConfig(file: string, required: boolean): Promise<Config> {
  // Problems name the file as the user would: relative to where the command runs.
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_CONFIG;
    throw new ContractProblemsError([{ code: "CONFIG", file: shown, message: `cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  return parseConfig(shown, text);
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
    const allowed = name === "" ? [...Object.keys(rules), ...Object.keys(RULES).filter((key) => key !== ""), "envelope", "$schema"] : Object.keys(rules);
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) problem(`${pointer}/${key}`, `unknown setting "${key}"; the settings are ${allowed.join(", ")}`);
    }
    const values: Record<string, string> = { ...defaults };
    for (const [key, rule] of Object.entries(rules)) {
      const value = raw[key];
      if (value === undefined) continue;
      const refused = typeof value === "string" && rule.check.test(value) ? rule.refuse?.(value) : undefined;
      if (typeof value === "string" && rule.check.test(value) && refused === undefined) values[key] = value;
      else problem(`${pointer}/${key}`, refused ?? `"${key}" must be ${rule.what}`);
    }
    return values;
  };
  const top = read("", { schemas: DEFAULT_CONFIG.schemas, out: DEFAULT_CONFIG.out, upcasters: DEFAULT_CONFIG.upcasters, version: DEFAULT_CONFIG.version, tagPrefix: DEFAULT_CONFIG.tagPrefix, title: DEFAULT_CONFIG.title, command: DEFAULT_CONFIG.command });
  const contact = root["contact"] === undefined ? undefined : read("contact", {});
  const config: Config = {
    schemas: top["schemas"] ?? DEFAULT_CONFIG.schemas,
    out: top["out"] ?? DEFAULT_CONFIG.out,
    upcasters: top["upcasters"] ?? DEFAULT_CONFIG.upcasters,
    version: top["version"] ?? DEFAULT_CONFIG.version,
    tagPrefix: top["tagPrefix"] ?? DEFAULT_CONFIG.tagPrefix,
    title: top["title"] ?? DEFAULT_CONFIG.title,
    command: top["command"] ?? DEFAULT_CONFIG.command,
    ...(contact === undefined ? {} : { contact }),
    envelope: readEnvelope(root["envelope"], (pointer, message) => problem(`/envelope${pointer}`, message)),
    typescript: read("typescript", { ...DEFAULT_CONFIG.typescript }) as unknown as TypeScriptConfig,
    go: read("go", { ...DEFAULT_CONFIG.go }) as unknown as GoConfig,
    python: read("python", { ...DEFAULT_CONFIG.python }) as unknown as PythonConfig,
  };
  if (problems.length > 0) throw new ContractProblemsError(problems);
  return config;
}

/**
 * The `envelope` section; each field left out is the default's (the Activity Builder's envelope). The names
 * are checked against each other (envelope.ts): the key and the CloudEvents fields must be envelope properties.
 */
function readEnvelope(raw: unknown, problem: (pointer: string, message: string) => void): Envelope {
  if (raw === undefined) return DEFAULT_ENVELOPE;
  if (!isSection(raw)) {
    problem("", `"envelope" must be an object { properties, key, cloudEvents, generated }`);
    return DEFAULT_ENVELOPE;
  }
  let valid = true;
  const fail = (pointer: string, message: string): void => {
    problem(pointer, message);
    valid = false;
  };
  for (const key of Object.keys(raw)) if (!["properties", "key", "cloudEvents", "generated"].includes(key)) fail(`/${key}`, `unknown setting "${key}"; the settings are properties, key, cloudEvents, generated`);
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === "string");
  const properties = raw["properties"] ?? DEFAULT_ENVELOPE.properties;
  if (!strings(properties)) fail("/properties", `"properties" must be a list of property names, e.g. ["eventType", "version", "eventId", "timestamp", "payload"]`);
  const key = raw["key"] ?? DEFAULT_ENVELOPE.key;
  if (typeof key !== "string") fail("/key", `"key" must be the name of an envelope property`);
  const cloudEvents = raw["cloudEvents"] ?? DEFAULT_ENVELOPE.cloudEvents;
  if (!isSection(cloudEvents) || Object.entries(cloudEvents).some(([field, value]) => !["id", "time", "subject"].includes(field) || typeof value !== "string") || typeof cloudEvents["id"] !== "string" || typeof cloudEvents["time"] !== "string") {
    fail("/cloudEvents", `"cloudEvents" must be { "id": <property>, "time": <property>, "subject"?: <property> }`);
  }
  const generated = raw["generated"] ?? DEFAULT_ENVELOPE.generated;
  if (!isSection(generated)) fail("/generated", `"generated" must map property names to "uuid" or "now", e.g. { "eventId": "uuid", "timestamp": "now" }`);
  if (!valid) return DEFAULT_ENVELOPE;
  const envelope = { properties, key, cloudEvents, generated } as unknown as Envelope;
  for (const found of envelopeProblems(envelope)) fail(found.pointer, found.message);
  return envelope;
}

function isSection(value: unknown): value is Section {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What each setting is, for the config's JSON Schema (what it must be comes from its rule). */
const SETTING_DOCS: Readonly<Record<string, string>> = {
  schemas: "The folder of the event contracts, relative to this file.",
  out: "The folder of the generated packages, relative to this file.",
  upcasters: "The folder of hand-written upcasters, relative to this file.",
  version: "The packages' version before the first release.",
  tagPrefix: "Releases are git tags <tagPrefix><version>.",
  title: "Names the contracts in the Python package, the catalog and AsyncAPI.",
  command: "The command every generated file's header tells readers to run.",
  "typescript.packageName": "The npm package.",
  "typescript.description": "The npm package's description, also the AsyncAPI document's.",
  "typescript.registry": "The npm registry the package is published to and installed from.",
  "go.module": "The Go module path (without /vN: generate adds it from version 2 on).",
  "go.package": "The Go package name.",
  "go.proxy": "The GOPROXY URL the module is installed from.",
  "go.proxyFolder": "The folder publish writes the module into, laid out as a GOPROXY.",
  "python.description": "The distribution's summary; the TypeScript package's description when absent.",
  "python.distribution": "The distribution name on the package index.",
  "python.package": "The import name.",
  "python.repository": "The package index's upload URL.",
  "python.index": "The package index's simple API, which pip installs from.",
  "contact.name": "Who owns the contracts.",
  "contact.url": "Where to reach them.",
  "contact.email": "Their e-mail address.",
};

/**
 * The config's JSON Schema (config.schema.json, for editors to complete and check the file), made from the
 * same rules parseConfig applies: each setting's pattern and what it must be. What a pattern cannot say (a
 * module path Go refuses) is left to the CLI, which stays the judge; the schema refuses each language's
 * keywords as names, and knows every setting, so that a typo is flagged as it is typed.
 */
export function configJsonSchema(): Record<string, unknown> {
  const settings = (section: string, required: readonly string[] = []): Record<string, unknown> => ({
    type: "object",
    additionalProperties: false,
    ...(required.length === 0 ? {} : { required }),
    properties: Object.fromEntries(
      Object.entries(RULES[section] ?? {}).map(([key, rule]) => {
        const keywords = section === "go" && key === "package" ? [...GO_KEYWORDS, "main"] : section === "python" && key === "package" ? [...PYTHON_KEYWORDS] : [];
        const what = SETTING_DOCS[`${section}.${key}`.replace(/^\./, "")];
        return [key, { type: "string", pattern: rule.check.source, description: `${what === undefined ? "" : `${what} `}It must be ${rule.what}.`, ...(keywords.length === 0 ? {} : { not: { enum: keywords } }) }];
      }),
    ),
  });
  const name = { type: "string", pattern: ENVELOPE_NAME.source };
  const top = settings("");
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://event-contracts.dev/config.schema.json",
    title: "event-contracts.config.json",
    description: "The folders, the envelope and the packages of a contracts repository (see TOOLKIT.md, Config reference).",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      ...(top["properties"] as object),
      contact: { ...settings("contact"), description: "Who owns the contracts: the AsyncAPI document's info.contact." },
      envelope: {
        type: "object",
        additionalProperties: false,
        description: "The properties every event carries, its record key, and what CloudEvents and the factories read of them.",
        properties: {
          properties: { type: "array", items: name, uniqueItems: true, allOf: [{ contains: { const: "eventType" } }, { contains: { const: "version" } }], description: "The top-level properties every event must declare and require, in wire order." },
          key: { ...name, description: "The record key of an event whose x-kafka names none." },
          cloudEvents: { type: "object", additionalProperties: false, required: ["id", "time"], properties: { id: name, time: name, subject: name }, description: "The properties ce_id, ce_time and ce_subject are read from." },
          generated: { type: "object", propertyNames: name, additionalProperties: { enum: ["uuid", "now"] }, description: "Properties a factory fills in when left out: a random UUID or the current time." },
        },
      },
      typescript: settings("typescript"),
      go: settings("go"),
      python: settings("python"),
    },
  };
}
