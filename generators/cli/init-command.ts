import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Handlebars from "handlebars";
import { markdownText } from "../code/markdown.js";
import { parseConfig } from "../config.js";
import { loadTemplates } from "../pipeline.js";
import { UsageError } from "../problems.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./io.js";

export interface InitFlags {
  /** The folder to scaffold; the working folder when absent. */
  readonly dir?: string | undefined;
  /** The project's name, for its packages; the folder's name when absent. */
  readonly name?: string | undefined;
  /** The toolkit's version, for the devDependency the new package.json gets. */
  readonly toolkitVersion: string;
}

const SCRIPTS: Readonly<Record<string, string>> = {
  generate: "event-contracts generate",
  check: "event-contracts generate --check",
  compat: "event-contracts compat",
  validate: "event-contracts validate",
};

/**
 * `init`: scaffolds a contracts repository: the config (a neutral envelope, packages named after the project),
 * one example event schema, the npm scripts, a CI workflow that runs `generate --check` and `compat`, and a
 * README. It never overwrites: a file that exists is refused (nothing is written), except package.json, which
 * gets the scripts it lacks. The config it writes is checked as `generate` would check it.
 */
export async function runInit(flags: InitFlags, output: Output): Promise<ExitCode> {
  const dir = path.resolve(flags.dir ?? ".");
  const name = projectName(flags.name ?? path.basename(dir));
  const templates = await loadTemplates();
  const handlebars = Handlebars.create();
  handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));
  handlebars.registerHelper("md", (value: unknown) => markdownText(String(value)));
  const data = {
    title: `Event contracts of ${name}`,
    npmName: `@${name}/events`,
    description: `Typed events, validators, topics and factories of ${name}'s Kafka event contracts.`,
    goModule: `example.com/${name}/events`,
    goPackage: name.replace(/[^a-z0-9]/g, "") || "events",
    pythonDistribution: `${name}-events`,
    pythonPackage: `${name.replace(/[^a-z0-9]/g, "_")}_events`,
  };
  const render = (template: string): string => handlebars.compile(templates.get(template) ?? "", { noEscape: true, strict: true })(data);
  const files: { readonly path: string; readonly content: string }[] = [
    { path: "event-contracts.config.json", content: render("init/event-contracts.config.json.hbs") },
    { path: "schemas/example-created.json", content: templates.get("init/schemas/example-created.json") ?? "" },
    { path: ".github/workflows/contracts.yml", content: templates.get("init/workflow.yml") ?? "" },
    { path: "README.md", content: render("init/README.md.hbs") },
    { path: ".gitignore", content: templates.get("init/gitignore") ?? "" },
  ];
  // What the project would be configured with must be a config generate accepts.
  parseConfig("event-contracts.config.json", files[0]?.content ?? "");
  const taken = files.filter((file) => existsSync(path.join(dir, file.path))).map((file) => file.path);
  if (taken.length > 0) throw new UsageError(`${display(dir)} already has ${taken.join(", ")}; init writes only new files (nothing was written)`);
  const manifest = await packageJson(dir, name, flags.toolkitVersion);
  for (const file of [...files, { path: "package.json", content: manifest.content }]) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.content);
  }
  output.report?.({ dir: display(dir), files: [...files.map((file) => file.path), "package.json"], scriptsKept: manifest.kept });
  output.out(`Scaffolded the contracts of ${name} in ${display(dir)}: ${[...files.map((file) => file.path), "package.json"].join(", ")}.`);
  if (manifest.kept.length > 0) output.out(`package.json already had the scripts ${manifest.kept.join(", ")}; they were left as they are.`);
  output.out("Next: npm install, then npm run generate.");
  return EXIT.OK;
}

/** An npm-scope-like name: lower-case letters, digits and dashes, starting with a letter. */
function projectName(raw: string): string {
  const name = raw.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+/, "").replace(/-+$/, "");
  if (name === "") throw new UsageError(`"${raw}" makes no project name; pass --name with letters, e.g. --name shop`);
  return name;
}

async function packageJson(dir: string, name: string, toolkitVersion: string): Promise<{ readonly content: string; readonly kept: readonly string[] }> {
  const file = path.join(dir, "package.json");
  if (!existsSync(file)) {
    const manifest = { name: `${name}-contracts`, private: true, type: "module", scripts: SCRIPTS, devDependencies: { "event-contracts": `^${toolkitVersion}` } };
    return { content: `${JSON.stringify(manifest, null, 2)}\n`, kept: [] };
  }
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${display(file)} is not JSON (${(error as Error).message}); fix it, or init in another folder`);
  }
  const scripts = typeof manifest["scripts"] === "object" && manifest["scripts"] !== null ? (manifest["scripts"] as Record<string, string>) : {};
  const kept = Object.keys(SCRIPTS).filter((script) => script in scripts);
  manifest["scripts"] = { ...SCRIPTS, ...scripts };
  return { content: `${JSON.stringify(manifest, null, 2)}\n`, kept };
}

function display(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}
