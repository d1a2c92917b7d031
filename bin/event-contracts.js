#!/usr/bin/env node
// The CLI runs the TypeScript sources in generators/: they are the one source of truth, with no build step to
// forget. Loading them module by module through a TypeScript loader (tsx) cost about 1.2 s of every run, so
// they are bundled once with esbuild into a cache named by a hash of the sources, and every later run loads
// that one file. Editing a source changes the hash, and the next run bundles again (about 0.3 s).
import { createHash } from "node:crypto";
import { isBuiltin } from "node:module";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";

// ruff's formatter is a WebAssembly module of several megabytes. V8 compiles each function quickly (Liftoff),
// then again, optimised (TurboFan), on background threads once it has run a while: for a run of a few
// seconds that second compilation is wasted work (shipped schemas: 0.7 s of CPU, wall 1.4 -> 1.1 s, peak
// memory 240 -> 180 MiB). Set before any WebAssembly is compiled, as V8 requires of its flags.
v8.setFlagsFromString("--liftoff-only");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GENERATORS = path.join(ROOT, "generators");

/** The CLI's main module: the cached bundle of the current sources, made now if there is none. */
async function loadCli() {
  const sources = readdirSync(GENERATORS, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .sort();
  const { build, version } = await import("esbuild");
  // The bundle names the packages' files by absolute path: a move of the toolkit or a new install of its
  // packages (which npm records in node_modules/.package-lock.json) makes a new bundle too, and so does a
  // change of this file, which says how the bundle is made.
  const esbuild = fileURLToPath(import.meta.resolve("esbuild"));
  const modules = esbuild.slice(0, esbuild.lastIndexOf(`${path.sep}node_modules${path.sep}`) + `${path.sep}node_modules`.length);
  const installed = readOrEmpty(path.join(modules, ".package-lock.json"));
  const hash = createHash("sha256").update(`esbuild ${version}\n${process.version}\n${ROOT}\n`).update(installed).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of sources) hash.update(`${file}\n`).update(readFileSync(path.join(GENERATORS, file)));
  const name = `cli-${hash.digest("hex").slice(0, 24)}`;
  for (const folder of cacheFolders()) {
    const bundle = path.join(folder, name);
    const main = pathToFileURL(path.join(bundle, "main.js")).href;
    try {
      return await import(main);
    } catch (error) {
      if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    }
    try {
      mkdirSync(folder, { recursive: true });
      const temporary = `${bundle}.${process.pid}.tmp`;
      await build({
        // The oracle thread's module beside the chunks, where generators/oracle-thread.ts looks for it.
        entryPoints: { main: path.join(GENERATORS, "cli/main.ts"), "oracle-worker": path.join(GENERATORS, "oracle-worker.ts") },
        bundle: true,
        // Each command's modules in chunks of their own, loaded when the command runs, as unbundled.
        splitting: true,
        platform: "node",
        format: "esm",
        target: "node20",
        outdir: temporary,
        sourcemap: true,
        logLevel: "silent",
        plugins: [keepModuleUrls, packagesWhereTheyAre],
      });
      // Written whole, then renamed: a run in parallel never sees half a bundle (if one renamed its own first,
      // this rename fails and that bundle, the same, is used).
      try {
        renameSync(temporary, bundle);
      } catch {
        rmSync(temporary, { recursive: true, force: true });
      }
      removeOldBundles(folder, name);
      return await import(main);
    } catch (error) {
      // A folder that cannot be made or written: try the next one.
      if (!["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST"].includes(error?.code)) throw error;
    }
  }
  // No writable cache folder: load the sources through tsx.
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(path.join(GENERATORS, "cli/main.ts")).href);
}

function readOrEmpty(file) {
  try {
    return readFileSync(file);
  } catch {
    return "";
  }
}

/**
 * EVENT_CONTRACTS_CACHE_DIR if set; else beside the toolkit's own node_modules, as tools conventionally cache;
 * else, when that cannot be written, in the system's temp folder.
 */
function cacheFolders() {
  const chosen = process.env.EVENT_CONTRACTS_CACHE_DIR;
  if (chosen) return [path.resolve(chosen)];
  return [path.join(ROOT, "node_modules/.cache/event-contracts"), path.join(os.tmpdir(), `event-contracts-cache-${os.userInfo().uid}`)];
}

/**
 * Removes the bundles of earlier sources, once nothing can still be using them: a run loads a command's chunks
 * when the command starts, so a bundle an hour old is a run that has long finished with it.
 */
function removeOldBundles(folder, current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const old = path.join(folder, entry.name);
    if (entry.name.startsWith("cli-") && entry.name !== current && statSync(old, { throwIfNoEntry: false })?.mtimeMs < hourAgo) rmSync(old, { recursive: true, force: true });
  }
}

/**
 * Each module keeps its own import.meta.url in the bundle (the URL of its source file), so that what it finds
 * relative to itself (the templates, the packages it requires) is found as when it runs unbundled.
 */
const keepModuleUrls = {
  name: "keep-module-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
      loader: "ts",
    }));
  },
};

/**
 * Packages are not bundled: each import of one points at the file it resolves to from the sources, so that the
 * bundle finds the toolkit's node_modules wherever the cache is.
 */
const packagesWhereTheyAre = {
  name: "packages-where-they-are",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      // Resolved from here: the sources and this file share the toolkit's node_modules.
      return { path: import.meta.resolve(args.path), external: true };
    });
  },
};

// Stack traces (EVENT_CONTRACTS_DEBUG=1) name the source files and lines, through the bundle's source map.
if (process.env.EVENT_CONTRACTS_DEBUG === "1") process.setSourceMapsEnabled(true);
// A reader that goes away (`event-contracts validate big.ndjson | head`) is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
process.exitCode = await (await loadCli()).main(process.argv.slice(2), undefined, { version });
