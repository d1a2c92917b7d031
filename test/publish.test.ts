import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeModulePath } from "../generators/publish/go.js";
import { ACTIVITY, CLI, ROOT } from "./support/paths.js";
import { serveFolder, startPypiserver, startVerdaccio, type NpmRegistry, type PythonIndex, type Registry } from "./support/registries.js";
import { run, type RunResult } from "./support/run.js";

/**
 * `publish` against real registries started here (Verdaccio, pypiserver, a folder served as a Go module
 * proxy), from scratch git repositories made with the real CLI; then fresh consumer projects install the
 * published release with the very lines the package READMEs give, and run it.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-publish-"));
const gitEnv = { GIT_AUTHOR_NAME: "Tests", GIT_AUTHOR_EMAIL: "tests@example.com", GIT_COMMITTER_NAME: "Tests", GIT_COMMITTER_EMAIL: "tests@example.com" };
let npm: NpmRegistry;
let pypi: PythonIndex;
let goProxy: Registry;
let env: Record<string, string>;
const proxyFolder = path.join(scratch, "goproxy");
const MODULE = "contracts.activity-builder.dev/events";

/** A contracts repository holding the activity fixture's schemas, configured for the registries started here. */
function contractsRepository(name: string, edit: (textJob: Record<string, unknown>) => void = () => {}): { dir: string; ec: (...args: string[]) => RunResult } {
  const dir = path.join(scratch, name);
  cpSync(path.join(ACTIVITY, "schemas"), path.join(dir, "schemas"), { recursive: true });
  const { tagPrefix: _fixtures, ...config } = JSON.parse(readFileSync(path.join(ACTIVITY, "event-contracts.config.json"), "utf8")) as Record<string, Record<string, string>>;
  Object.assign(config["typescript"] ?? {}, { registry: npm.url });
  Object.assign(config["python"] ?? {}, { repository: pypi.url, index: pypi.index });
  Object.assign(config["go"] ?? {}, { proxy: goProxy.url, proxyFolder: path.relative(dir, proxyFolder) });
  writeFileSync(path.join(dir, "event-contracts.config.json"), `${JSON.stringify(config, null, 2)}\n`);
  const textJob = path.join(dir, "schemas/text-job.json");
  const schema = JSON.parse(readFileSync(textJob, "utf8")) as Record<string, unknown>;
  edit(schema);
  writeFileSync(textJob, `${JSON.stringify(schema, null, 2)}\n`);
  const git = (...args: string[]): void => expect(run("git", args, { cwd: dir, env: gitEnv }).status).toBe(0);
  const ec = (...args: string[]): RunResult => run(process.execPath, [CLI, ...args], { cwd: dir, env });
  git("init", "--quiet", "--initial-branch=main");
  expect(ec("generate").status).toBe(0);
  git("add", "-A");
  git("commit", "--quiet", "-m", "contracts");
  return { dir, ec };
}

/** The shell lines of a package README's install block. */
/** The README's install lines: the first sh block, or the `index`th. */
function installLines(readme: string, index = 0): string {
  const block = [...readFileSync(readme, "utf8").matchAll(/```sh\n([\s\S]*?)\n```/g)][index]?.[1];
  expect(block).toBeDefined();
  return block ?? "";
}

function sh(script: string, cwd: string, extra: Record<string, string> = {}): RunResult {
  const result = run("sh", ["-ec", script], { cwd, env: { ...env, ...extra } });
  expect(result.status, `${script}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(async () => {
  mkdirSync(proxyFolder);
  [npm, pypi, goProxy] = await Promise.all([startVerdaccio(), startPypiserver(), serveFolder(proxyFolder)]);
  const npmrc = path.join(scratch, ".npmrc");
  writeFileSync(npmrc, `//${new URL(npm.url).host}/:_authToken=${npm.token}\n`);
  env = {
    ...gitEnv,
    // npm reads its credentials from this user config, twine from these (pypiserver asks for none), and
    // python is the test interpreter that has build and twine.
    NPM_CONFIG_USERCONFIG: npmrc,
    npm_config_cache: path.join(scratch, "npm-cache"),
    TWINE_USERNAME: "publisher",
    TWINE_PASSWORD: "unused",
    PYTHON: path.join(ROOT, ".venv/bin/python"),
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([npm?.stop(), pypi?.stop(), goProxy?.stop()]);
  run("chmod", ["-R", "u+w", scratch]);
  rmSync(scratch, { recursive: true, force: true });
});

describe("event-contracts publish", () => {
  let contracts: ReturnType<typeof contractsRepository>;

  it("publishes only a release", () => {
    contracts = contractsRepository("contracts");
    const unreleased = contracts.ec("publish", "--dry-run");
    expect(unreleased.status).toBe(2);
    expect(unreleased.stderr).toContain("1.0.0 is not released (no tag contracts-v1.0.0");
    expect(contracts.ec("release").status).toBe(0);
  });

  it("with --dry-run asks the registries and changes nothing", () => {
    const dry = contracts.ec("publish", "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`^npm +@shared/events@1\\.0\\.0 -> ${npm.url}: would publish \\d+ files \\(dry run\\)$`, "m"));
    expect(dry.stdout).toMatch(/^go +contracts\.activity-builder\.dev\/events@v1\.0\.0 -> .*goproxy: would publish \d+ files \(dry run\)$/m);
    expect(dry.stdout).toMatch(/^python +activity-builder-events==1\.0\.0 -> .*: would publish \d+ files \(dry run\)$/m);
    expect(existsSync(path.join(proxyFolder, escapeModulePath(MODULE)))).toBe(false);
    expect(run("npm", ["view", "@shared/events", "--registry", npm.url], { cwd: scratch, env }).status).not.toBe(0);
  }, 180_000);

  it("publishes each package to its registry, and leaves the output folder as it was", () => {
    const published = contracts.ec("publish");
    expect(published.stderr).toBe("");
    expect(published.status).toBe(0);
    // npm, Python, and the two Go modules: the events module and its franz module.
    expect(published.stdout.match(/: published \(\d+ files\)$/gm)).toHaveLength(4);
    expect(published.stdout).toMatch(/^go +contracts\.activity-builder\.dev\/events\/franz@v1\.0\.0 -> .*: published \(2 files\)$/m);
    expect(run("git", ["status", "--porcelain", "--ignored"], { cwd: contracts.dir }).stdout).toBe("");
    expect(readFileSync(path.join(proxyFolder, MODULE, "@v/list"), "utf8")).toBe("v1.0.0\n");
  }, 300_000);

  it("does nothing when the same release is published again", () => {
    const again = contracts.ec("publish");
    expect(again.status).toBe(0);
    expect(again.stdout.match(/: already published with the same content; nothing to do$/gm)).toHaveLength(4);
  }, 300_000);

  it("refuses to publish other content under a version that is already published", () => {
    // Another repository whose first release is also 1.0.0, with a different description.
    const other = contractsRepository("other", (schema) => {
      schema["description"] = "A reworded description: the same version, other content.";
    });
    expect(other.ec("release").status).toBe(0);
    const refused = other.ec("publish");
    expect(refused.status).toBe(1);
    expect(refused.stdout.match(/REFUSED: already published with other content:/g)).toHaveLength(3);
    // The franz module does not depend on the schemas' text: it is the same, so it is left alone.
    expect(refused.stdout).toMatch(/^go +contracts\.activity-builder\.dev\/events\/franz@v1\.0\.0 -> .*: already published with the same content; nothing to do$/m);
    expect(refused.stdout).toContain("  changed schemas/text-job.json\n");
    expect(refused.stdout).toContain("  changed activity_events/schemas/text-job.json\n");
    expect(refused.stdout).toContain(`changed ${MODULE}@v1.0.0/schemas/text-job.json`);
    expect(refused.stderr).toContain("a published version never changes");
  }, 300_000);

  it("gives README install lines that install the release in a fresh project of each language", () => {
    const out = path.join(contracts.dir, "out");
    // npm: the README's lines, then code that builds and validates an event.
    const npmProject = path.join(scratch, "npm-consumer");
    mkdirSync(npmProject);
    writeFileSync(path.join(npmProject, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
    sh(installLines(path.join(out, "ts/README.md")), npmProject);
    expect(readFileSync(path.join(npmProject, ".npmrc"), "utf8")).toBe(`@shared:registry=${npm.url}\n`);
    writeFileSync(path.join(npmProject, "make.mjs"), `import { createTextJobRequested, validateEvent } from "@shared/events";\nconsole.log(validateEvent(createTextJobRequested(${JSON.stringify(firstExample())})).ok);\n`);
    const made = sh("node make.mjs", npmProject);
    expect(made.stdout.trim()).toBe("true");

    // Go: `go env -w` writes to GOENV, here a scratch file; the module cache is a scratch one too, so that the
    // module really comes from the proxy.
    const goProject = path.join(scratch, "go-consumer");
    mkdirSync(goProject);
    const goEnv = { GOENV: path.join(scratch, "go.env"), GOMODCACHE: path.join(scratch, "gomodcache"), GOFLAGS: "-modcacherw" };
    sh("go mod init example.com/consumer", goProject, goEnv);
    sh(installLines(path.join(out, "go/README.md")), goProject, goEnv);
    // The event as a Go string literal: JSON's string escapes are all Go escapes too.
    writeFileSync(
      path.join(goProject, "main.go"),
      `package main\n\nimport (\n\t"fmt"\n\n\tevents "${MODULE}"\n)\n\nfunc main() {\n\t_, err := events.Decode([]byte(${JSON.stringify(JSON.stringify(firstExample(true)))}))\n\tfmt.Println(err == nil)\n}\n`,
    );
    expect(sh("go run .", goProject, goEnv).stdout.trim()).toBe("true");
    // The franz module from the same proxy, with franz-go from the Go module proxy: a publisher over a client.
    sh(installLines(path.join(out, "go/README.md"), 1), goProject, goEnv);
    writeFileSync(
      path.join(goProject, "main.go"),
      `package main\n\nimport (\n\t"fmt"\n\n\t"${MODULE}/franz"\n\t"github.com/twmb/franz-go/pkg/kgo"\n)\n\nfunc main() {\n\tclient, err := kgo.NewClient(kgo.SeedBrokers("127.0.0.1:1"))\n\tfmt.Println(err == nil && franz.NewPublisher(client, "consumer") != nil)\n}\n`,
    );
    sh("go mod tidy", goProject, goEnv);
    expect(sh("go run .", goProject, goEnv).stdout.trim()).toBe("true");

    // Python: a new virtual environment, the README's pip line, then an import and a decode.
    const venv = path.join(scratch, "python-consumer");
    sh(`"${env["PYTHON"]}" -m venv "${venv}"`, scratch);
    const pythonEnv = { PATH: `${path.join(venv, "bin")}:${process.env["PATH"] ?? ""}`, PIP_DISABLE_PIP_VERSION_CHECK: "1" };
    sh(installLines(path.join(out, "python/README.md")), scratch, pythonEnv);
    writeFileSync(path.join(scratch, "event.json"), JSON.stringify(firstExample(true)));
    const decoded = sh(`python -c 'import activity_events, pathlib; print(type(activity_events.decode(pathlib.Path("event.json").read_bytes())).__name__)'`, scratch, pythonEnv);
    expect(decoded.stdout.trim()).toBe("TextJobRequested");
  }, 600_000);
});

/** The text-job contract's first example: whole, or as factory input (no eventType, version, eventId, timestamp). */
function firstExample(whole = false): Record<string, unknown> {
  const example = (JSON.parse(readFileSync(path.join(ACTIVITY, "schemas/text-job.json"), "utf8")) as { examples: Record<string, unknown>[] }).examples[0] ?? {};
  if (whole) return example;
  const { eventType: _type, version: _version, eventId: _id, timestamp: _time, ...input } = example;
  return input;
}

