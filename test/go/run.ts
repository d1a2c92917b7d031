// The Go suite, as `npm test` runs it: the generated modules must be gofmt-clean and vet-clean, then
// `go test` runs the shared vectors and the package tests. Go fetches its modules from the module proxy.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The live module (out/go) is formatted and vetted; the tests themselves run on the fixtures' modules.
const MODULES = ["out/go", ...["activity", "hostile", "versions"].map((fixture) => `test/fixtures/${fixture}/out/go`), "test/fixtures/orders/generated/go"];

function run(command: string, args: readonly string[], cwd = ROOT): string {
  console.log(`$ (cd ${path.relative(ROOT, cwd) || "."} && ${command} ${args.join(" ")})`);
  const result = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    console.error(`failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.stdout;
}

const unformatted = run("gofmt", ["-l", ...MODULES, "test/go"]);
if (unformatted.trim() !== "") {
  console.error(`not gofmt-formatted:\n${unformatted}`);
  process.exit(1);
}
for (const module of MODULES) run("go", ["vet", "./..."], path.join(ROOT, module));
run("go", ["vet", "./..."], path.join(ROOT, "test/go"));
run("go", ["test", "-count=1", "./..."], path.join(ROOT, "test/go"));
