// The Python suite, as `npm test` runs it: a virtual environment with pinned tools (made once, remade when
// requirements.txt changes), the generated packages installed from their folders, then ruff, mypy --strict
// and pytest. Everything it needs comes from PyPI through pip.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VENV = path.join(ROOT, ".venv");
const BIN = path.join(VENV, "bin");
const REQUIREMENTS = path.join(ROOT, "test/python/requirements.txt");
// The fixtures' packages are installed and tested; the live package (out/python, the same distribution as
// the activity fixture's) is linted and type-checked where it stands.
const INSTALLED = [...["activity", "hostile", "versions"].map((fixture) => path.join(ROOT, "test/fixtures", fixture, "out/python")), path.join(ROOT, "test/fixtures/orders/generated/python")];
const PACKAGES = [path.join(ROOT, "out/python"), ...INSTALLED];

function run(command: string, args: readonly string[], cwd = ROOT): void {
  console.log(`$ ${path.relative(ROOT, command) || command} ${args.map((arg) => path.relative(ROOT, arg) || arg).join(" ")}`);
  // No tool may leave caches or bytecode in the tree: out/ must stay exactly as generated.
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  if (result.status !== 0) {
    console.error(`failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const stamp = path.join(VENV, "requirements.sha256");
const wanted = createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== wanted) {
  run(process.env["PYTHON"] ?? "python3", ["-m", "venv", "--clear", VENV]);
  run(path.join(BIN, "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", REQUIREMENTS]);
  writeFileSync(stamp, wanted);
}
// pip builds a source tree in place (build/, *.egg-info); install from copies so out/ stays exactly as generated.
const staging = mkdtempSync(path.join(os.tmpdir(), "event-contracts-python-"));
const copies = INSTALLED.map((folder, index) => {
  const copy = path.join(staging, String(index));
  cpSync(folder, copy, { recursive: true });
  return copy;
});
run(path.join(BIN, "pip"), ["install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--force-reinstall", ...copies]);
rmSync(staging, { recursive: true, force: true });
run(path.join(BIN, "ruff"), ["check", "--no-cache", ...PACKAGES, path.join(ROOT, "test/python")]);
run(path.join(BIN, "ruff"), ["format", "--check", "--no-cache", ...PACKAGES]);
const mypyCache = ["--cache-dir", path.join(VENV, "mypy-cache")];
for (const folder of PACKAGES) run(path.join(BIN, "mypy"), ["--strict", ...mypyCache, "src"], folder);
run(path.join(BIN, "mypy"), ["--strict", ...mypyCache, "test/python"]);
run(path.join(BIN, "pytest"), ["-q", "-p", "no:cacheprovider", "test/python"]);
