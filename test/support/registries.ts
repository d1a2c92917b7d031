import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./paths.js";
import { freePort } from "./ports.js";

/**
 * Real package registries for the publish tests, each started on 127.0.0.1 on a free port with its storage in a
 * scratch folder: Verdaccio (an npm registry, installed by npm ci), pypiserver (a PyPI-protocol index, installed
 * into .venv from test/python/requirements.txt) and a static web server over a folder, which is all a Go module
 * proxy is.
 */
export interface Registry {
  readonly url: string;
  stop(): Promise<void>;
}

export interface NpmRegistry extends Registry {
  /** A token of a user created on the registry, for .npmrc's `//host/:_authToken=`. */
  readonly token: string;
}

export interface PythonIndex extends Registry {
  /** The simple API pip installs from. */
  readonly index: string;
}

export async function startVerdaccio(): Promise<NpmRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-verdaccio-"));
  const config = path.join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
      "auth:",
      `  htpasswd: { file: ${JSON.stringify(path.join(dir, "htpasswd"))}, max_users: 10 }`,
      "uplinks: {}",
      "packages:",
      "  '**': { access: $all, publish: $authenticated, unpublish: $authenticated }",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/verdaccio/bin/verdaccio"), "--config", config, "--listen", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = stopper(child, dir);
  try {
    await waitFor(child, `${url}-/ping`, "Verdaccio");
    const user = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "publisher", password: "publisher-password" }),
    });
    const { token } = (await user.json()) as { token?: string };
    if (token === undefined) throw new Error(`Verdaccio created no user: HTTP ${user.status}`);
    return { url, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function startPypiserver(): Promise<PythonIndex> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-pypiserver-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // Uploads need no password (-a . -P .); what it does not hold, it sends to PyPI, as a company index does.
  const child = spawn(path.join(ROOT, ".venv/bin/pypi-server"), ["run", "--host", "127.0.0.1", "--port", String(port), "-a", ".", "-P", ".", dir], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = stopper(child, dir);
  try {
    await waitFor(child, `${url}simple/`, "pypiserver");
    return { url, index: `${url}simple/`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Serves a folder read-only over HTTP: a GOPROXY for the module proxy folder `publish` writes. Python's static
 * file server, in a process of its own: the tests wait on tools synchronously, so a server in the test's own
 * process would never answer them.
 */
export async function serveFolder(folder: string): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(path.join(ROOT, ".venv/bin/python"), ["-m", "http.server", "--bind", "127.0.0.1", "--directory", folder, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = stopper(child);
  try {
    await waitFor(child, url, "the Go module proxy (python -m http.server)");
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor(child: ChildProcess, url: string, name: string, timeoutMs = 60_000): Promise<void> {
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start:\n${log.split("\n").slice(-20).join("\n")}`);
    const up = await fetch(url).then((response) => response.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stopper(child: ChildProcess, dir?: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  };
}
