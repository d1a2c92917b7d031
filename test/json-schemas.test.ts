import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../generators/code/json.js";
import { parseConfig } from "../generators/config.js";
import { TOOLKIT_SCHEMAS } from "../generators/write-json-schemas.js";
import { FIXTURES, ROOT } from "./support/paths.js";
import { readSchemas } from "./support/snapshots.js";

/**
 * The JSON Schemas the toolkit ships for editors (config.schema.json, event-contract.schema.json) are made
 * from the CLI's own rules; here ajv, judging with them, is compared with the CLI's verdicts.
 */
const ajv = new Ajv2020({ strict: false, allErrors: true });
const configSchema = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, "config.schema.json"), "utf8")) as object);
const eventContract = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, "event-contract.schema.json"), "utf8")) as object);

const cliAccepts = (config: unknown): boolean => {
  try {
    parseConfig("c.json", JSON.stringify(config));
    return true;
  } catch {
    return false;
  }
};

const configs = (): unknown[] => ["event-contracts.config.json", ...["activity", "hostile", "versions", "orders"].map((name) => `test/fixtures/${name}/event-contracts.config.json`)].map((file) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as unknown);

describe("the JSON Schemas shipped for editors", () => {
  it("are what the rules make (npm run json-schemas writes them)", () => {
    for (const [file, make] of Object.entries(TOOLKIT_SCHEMAS)) expect(readFileSync(path.join(ROOT, file), "utf8"), `${file}: run npm run json-schemas`).toBe(canonicalJson(make()));
  });

  it("accept every config the CLI accepts, and refuse what it refuses, save what only the CLI can tell", () => {
    const good = configs();
    for (const config of good) expect([cliAccepts(config), configSchema(config)]).toEqual([true, true]);
    const base = good[0] as Record<string, any>;
    const bad: [string, unknown][] = [
      ["an unknown setting", { ...base, colour: "red" }],
      ["a typo in a section", { ...base, typescript: { ...base["typescript"], pakageName: "x" } }],
      ["an npm name in capitals", { ...base, typescript: { ...base["typescript"], packageName: "@Shared/Events" } }],
      ["a Go keyword as package", { ...base, go: { ...base["go"], package: "func" } }],
      ["main as Go package", { ...base, go: { ...base["go"], package: "main" } }],
      ["a Python keyword as package", { ...base, python: { ...base["python"], package: "class" } }],
      ["a version that is not semantic", { ...base, version: "1.0" }],
      ["a title of two lines", { ...base, title: "a\nb" }],
      ["a command with a backquote", { ...base, command: "npm `x`" }],
      ["a registry with credentials", { ...base, typescript: { ...base["typescript"], registry: "https://user:pw@npm.example.com/" } }],
      ["an envelope without eventType", { ...base, envelope: { properties: ["version", "eventId", "payload"], key: "eventId", cloudEvents: { id: "eventId", time: "eventId" }, generated: {} } }],
      ["an envelope name with a dash", { ...base, envelope: { properties: ["eventType", "version", "event-id"], key: "eventType", cloudEvents: { id: "eventType", time: "eventType" }, generated: {} } }],
      ["a generated property filled in another way", { ...base, envelope: { properties: ["eventType", "version", "eventId"], key: "eventId", cloudEvents: { id: "eventId", time: "eventId" }, generated: { eventId: "random" } } }],
    ];
    for (const [what, config] of bad) expect([what, cliAccepts(config), configSchema(config)]).toEqual([what, false, false]);
    // What a pattern cannot say is the CLI's alone: the schema lets it through, the CLI refuses it, with why.
    const cliOnly: [string, unknown][] = [
      ["a Go module path with a name Windows reserves", { ...base, go: { ...base["go"], module: "example.com/events/aux" } }],
      ["an envelope key that is not one of its properties", { ...base, envelope: { properties: ["eventType", "version", "eventId"], key: "jobId", cloudEvents: { id: "eventId", time: "eventId" }, generated: {} } }],
    ];
    for (const [what, config] of cliOnly) expect([what, cliAccepts(config), configSchema(config)]).toEqual([what, false, true]);
  });

  it("accept every event contract of the repository and its fixtures, and refuse a broken x-kafka", () => {
    const folders = ["schemas", ...["activity", "hostile", "versions"].map((name) => `test/fixtures/${name}/schemas`), "test/fixtures/orders/contracts"];
    let contracts = 0;
    for (const folder of folders) {
      for (const [file, schema] of readSchemas(path.join(ROOT, folder))) {
        expect(eventContract(schema), `${folder}/${file}: ${JSON.stringify(eventContract.errors)}`).toBe(true);
        if ("x-kafka" in schema) contracts++;
      }
    }
    expect(contracts).toBeGreaterThan(10);
    const textJob = readSchemas(path.join(FIXTURES, "activity/schemas")).get("text-job.json");
    for (const broken of [{ topic: "text jobs" }, { producers: [] }, { consumers: ["Text Service"] }, { colour: "red" }]) {
      expect(eventContract({ ...textJob, "x-kafka": { ...textJob["x-kafka"], ...broken } }), JSON.stringify(broken)).toBe(false);
    }
  });
});
