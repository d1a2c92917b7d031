import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, OUT, ROOT, TSC } from "./support/paths.js";
import { run } from "./support/run.js";

/**
 * The package as services get it: packed with npm, installed into a throwaway project, type-checked by the
 * real tsc for ESM, CommonJS and bundlers (with @ts-expect-error lines proving misuse fails), then run.
 */
describe("the packed TypeScript package in a consumer project", () => {
  let project = "";
  let packedFiles: string[] = [];

  beforeAll(() => {
    project = mkdtempSync(path.join(os.tmpdir(), "event-contracts-consumer-"));
    const pack = run("npm", ["pack", path.join(OUT, "ts"), "--pack-destination", project, "--json"], { cwd: project });
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    packedFiles = (info?.files ?? []).map((file) => file.path).sort();
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `./${info?.filename}`, "kafkajs@2.2.4", "@platformatic/kafka@1.35.0"], { cwd: project });
    expect(install.status, install.stderr).toBe(0);
    for (const file of readdirSync(path.join(FIXTURES, "consumer"))) cpSync(path.join(FIXTURES, "consumer", file), path.join(project, file));
    const common = {
      strict: true,
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      skipLibCheck: false,
      resolveJsonModule: true,
      typeRoots: [path.join(ROOT, "node_modules/@types")],
      types: ["node"],
    };
    writeFileSync(path.join(project, "tsconfig.node.json"), JSON.stringify({ compilerOptions: { ...common, module: "nodenext", moduleResolution: "nodenext", outDir: "build" }, files: ["esm.ts", "cjs.cts", "kafka.ts"] }));
    writeFileSync(path.join(project, "tsconfig.node16.json"), JSON.stringify({ compilerOptions: { ...common, module: "node16", moduleResolution: "node16", noEmit: true }, files: ["cjs.cts"] }));
    writeFileSync(path.join(project, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...common, module: "esnext", moduleResolution: "bundler", noEmit: true }, files: ["bundler.ts", "kafka.ts"] }));
  });

  afterAll(() => {
    if (project !== "") rmSync(project, { recursive: true, force: true });
  });

  it("packs compiled JavaScript, declarations, schemas and a README, and nothing else", () => {
    expect(packedFiles).toContain("dist/esm/index.js");
    expect(packedFiles).toContain("dist/cjs/index.js");
    expect(packedFiles).toContain("dist/esm/index.d.ts");
    expect(packedFiles).toContain("schemas/text-job.json");
    expect(packedFiles).toContain("README.md");
    expect(packedFiles.every((file) => /^(dist|schemas|src)\/|^(README\.md|package\.json)$/.test(file))).toBe(true);
  });

  for (const config of ["tsconfig.node.json", "tsconfig.node16.json", "tsconfig.bundler.json"]) {
    it(`type-checks consumer code under strict with ${config}, misuse included as errors`, () => {
      const result = run(process.execPath, [TSC, "-p", config, "--pretty", "false"], { cwd: project });
      expect(result.stdout + result.stderr).toBe("");
      expect(result.status).toBe(0);
    });
  }

  it("compiles the README's Kafka examples, for kafkajs and for @platformatic/kafka, as a service would write them", () => {
    const readme = readFileSync(path.join(project, "node_modules/@shared/events/README.md"), "utf8");
    const start = readme.indexOf("\n## Kafka\n");
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    expect(blocks).toHaveLength(2);
    // The examples publish `event`, an event the service has built (as the README's first example shows).
    const files = blocks.map((block, index) => {
      const file = `readme-kafka-${index}.ts`;
      writeFileSync(path.join(project, file), `import type { ContractEvent } from "@shared/events";\ndeclare const event: ContractEvent;\n${block}\nexport {};\n`);
      return file;
    });
    // skipLibCheck: @platformatic/kafka's own declarations need @types/debug, which it does not depend on.
    const compilerOptions = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, target: "ES2022", module: "nodenext", moduleResolution: "nodenext", noEmit: true, skipLibCheck: true, typeRoots: [path.join(ROOT, "node_modules/@types")], types: ["node"] };
    writeFileSync(path.join(project, "tsconfig.readme.json"), JSON.stringify({ compilerOptions, files }));
    const result = run(process.execPath, [TSC, "-p", "tsconfig.readme.json", "--pretty", "false"], { cwd: project });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails to compile when a misuse is not marked as expected", () => {
    writeFileSync(path.join(project, "misuse.ts"), 'import { topicOf } from "@shared/events";\ntopicOf("TEXT_JOB_EXPLODED");\n');
    writeFileSync(path.join(project, "tsconfig.misuse.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", noEmit: true, types: [] }, files: ["misuse.ts"] }));
    const result = run(process.execPath, [TSC, "-p", "tsconfig.misuse.json", "--pretty", "false"], { cwd: project });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('"TEXT_JOB_EXPLODED"');
  });

  it("runs as an ES module", () => {
    const result = run(process.execPath, ["build/esm.js"], { cwd: project });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      topic: "text-jobs",
      keyIsJobId: true,
      kind: "quiz",
      refused: "/userId,/userId,/payload/prompt",
      schemaId: "https://contracts.activity-builder.dev/events/text-job.json",
      topics: "text-jobs",
      eventTypes: 4,
      frozen: true,
      sameTopic: "TEXT_JOB_REQUESTED",
      misuse: "function",
    });
  });

  it("runs as CommonJS", () => {
    const result = run(process.execPath, ["build/cjs.cjs"], { cwd: project });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      topic: "image-jobs",
      guard: true,
      invalid: false,
      schemaId: "https://contracts.activity-builder.dev/events/image-job.json",
      loadedAs: "commonjs",
    });
  });
});
