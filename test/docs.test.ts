import { readFileSync } from "node:fs";
import path from "node:path";
import { Parser, type Diagnostic } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../generators/config.js";
import { asyncApiDocument } from "../generators/targets/docs/asyncapi.js";
import { FIXTURES, OUT, ROOT } from "./support/paths.js";
import { canonicalSchemas, modelOf } from "./support/schemas.js";

const HOSTILE = path.join(FIXTURES, "hostile/out");
const read = (file: string): string => readFileSync(file, "utf8");

async function diagnose(text: string): Promise<Diagnostic[]> {
  const { diagnostics } = await new Parser().parse(text);
  // Severity 0 is an error, 1 a warning; 2 and 3 are information and hints.
  return diagnostics.filter((diagnostic) => diagnostic.severity <= 1);
}

describe("the AsyncAPI 3 document", () => {
  const text = read(path.join(OUT, "docs/asyncapi.yaml"));
  const document = parse(text) as Record<string, any>;

  it("parses with @asyncapi/parser with no error and no warning", async () => {
    expect(await diagnose(text)).toEqual([]);
    expect(await diagnose(read(path.join(FIXTURES, "versions/out/docs/asyncapi.yaml")))).toEqual([]);
  });

  it("has one channel per topic and one message per event, with headers and the record key", () => {
    expect(document["asyncapi"]).toBe("3.0.0");
    expect(Object.values(document["channels"]).map((channel: any) => channel.address).sort()).toEqual(["activity-results", "image-jobs", "job-status", "text-jobs"]);
    const message = document["components"].messages.TextJobRequested;
    expect(message).toMatchObject({ name: "TEXT_JOB_REQUESTED", payload: { $ref: "#/components/schemas/TextJobRequested" }, headers: { $ref: "#/components/schemas/CloudEventsHeaders" } });
    expect(message.bindings.kafka.key).toMatchObject({ type: "string", format: "uuid" });
    expect(document["components"].schemas.CloudEventsHeaders.required).toEqual(expect.arrayContaining(["ce_id", "ce_type", "ce_source"]));
  });

  it("has a send operation per producer and a receive operation per consumer, from x-kafka", () => {
    const operations = Object.values(document["operations"]) as { action: string; channel: { $ref: string }; tags: { name: string }[] }[];
    for (const schema of canonicalSchemas().values()) {
      const kafka = schema["x-kafka"] as { topic: string; producers: string[]; consumers: string[] } | undefined;
      if (kafka === undefined) continue;
      const on = operations.filter((operation) => document["channels"][operation.channel.$ref.split("/").pop() ?? ""].address === kafka.topic);
      expect(on.filter((operation) => operation.action === "send").map((operation) => operation.tags[0]?.name).sort()).toEqual([...kafka.producers].sort());
      expect(on.filter((operation) => operation.action === "receive").map((operation) => operation.tags[0]?.name).sort()).toEqual([...kafka.consumers].sort());
    }
  });

  it("names operations readably, and keeps topics whose camelCase is the same apart", async () => {
    expect(Object.keys(document["operations"])).toEqual(expect.arrayContaining(["apiGatewayReceivesActivityResults", "apiGatewaySendsTextJobs", "textServiceSendsActivityResults"]));
    expect(Object.keys(document["operations"]).some((id) => /^[a-z][A-Z]/.test(id))).toBe(false);
    const schemas = canonicalSchemas();
    (schemas.get("image-job.json") as any)["x-kafka"].topic = "text.jobs";
    const clash = parse(asyncApiDocument(modelOf(schemas), await loadConfig(path.join(ROOT, "event-contracts.config.json"), true), "1.0.0")) as Record<string, any>;
    expect(Object.fromEntries(Object.entries(clash["channels"]).map(([id, channel]: [string, any]) => [id, channel.address]))).toMatchObject({ textJobs: "text-jobs", textJobs2: "text.jobs" });
    expect(Object.keys(clash["operations"])).toEqual(expect.arrayContaining(["apiGatewaySendsTextJobs", "apiGatewaySendsTextJobs2"]));
  });

  it("keeps hostile text as data: the YAML reads back to exactly the schema's descriptions", async () => {
    const hostileText = read(path.join(HOSTILE, "docs/asyncapi.yaml"));
    const hostile = parse(hostileText) as Record<string, any>;
    const schema = JSON.parse(read(path.join(FIXTURES, "hostile/schemas/hostile.json")));
    expect(hostile["components"].schemas.Payload.description).toBe(schema.$defs.Payload.description);
    expect(Object.keys(hostile["components"].schemas.Payload.properties)).toEqual(Object.keys(schema.$defs.Payload.properties));
    // @asyncapi/parser itself crashes on any property named __proto__ (its immer proxies); renamed, it passes.
    expect(await diagnose(hostileText.replace(/__proto__/g, "proto_renamed"))).toEqual([]);
  });
});

describe("the event catalog", () => {
  const catalog = read(path.join(OUT, "docs/README.md"));

  it("opens with a Mermaid map of services, topics and events", () => {
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(catalog)?.[1] ?? "";
    expect(mermaid.startsWith("flowchart LR")).toBe(true);
    for (const name of ["api-gateway", "text-service", "image-service", "user-service", "job-tracker"]) expect(mermaid).toContain(`(["${name}"]):::service`);
    // Each topic lists the events it carries; the edges need no labels.
    expect(mermaid).toContain('topic4[("text-jobs<br/>TEXT_JOB_REQUESTED")]:::topic');
    expect(mermaid).toContain("service1 --> topic4");
    expect(mermaid).toContain("topic4 --> service4");
    expect(catalog).toContain("```\n\nLegend: a rounded box is a service, a cylinder a topic with the events it carries;");
  });

  it("shows a description's inline code as code, and a constraint's format as code, never as escaped backticks", () => {
    expect(catalog).toMatch(/\| Number of words in `content`\. +\|/);
    expect(catalog).toMatch(/\| format `uuid` +\|/);
    expect(catalog).not.toContain("\\`");
  });

  it("has a section per event with its topic, versions, every field and an example", () => {
    for (const eventType of ["ACTIVITY_GENERATED", "IMAGE_JOB_REQUESTED", "JOB_STATUS_CHANGED", "TEXT_JOB_REQUESTED"]) {
      expect(catalog).toContain(`## ${eventType.replace(/_/g, "\\_")}`);
    }
    expect(catalog).toMatch(/\| `payload\.prompt` +\| string +\| required +\| 1 to 4000 characters +\| The user's request in their own words\. +\|/);
    expect(catalog).toMatch(/\| `payload\.error\.code` .*required, when `status` is `failed`/);
    expect(catalog).toContain("- version 1 (current): `schemas/text-job.json`");
    expect(catalog).toContain('"eventType": "TEXT_JOB_REQUESTED"');
  });

  it("keeps every table intact whatever the descriptions hold", () => {
    for (const file of [path.join(OUT, "docs/README.md"), path.join(HOSTILE, "docs/README.md")]) {
      const lines = read(file).split("\n");
      let columns = 0;
      for (const line of lines) {
        if (!line.startsWith("|")) {
          columns = 0;
          continue;
        }
        // Count the cell separators that are not escaped and not inside a code span.
        const cells = withoutCodeSpans(line).replace(/\\\|/g, "").split("|").length;
        if (columns === 0) columns = cells;
        expect(cells, `${path.basename(path.dirname(path.dirname(file)))}: ${line.slice(0, 80)}`).toBe(columns);
      }
    }
  });
});

/** A Markdown line with its code spans (of any fence length) replaced, as a Markdown parser reads them. */
function withoutCodeSpans(line: string): string {
  let out = "";
  let index = 0;
  while (index < line.length) {
    const run = /^`+/.exec(line.slice(index))?.[0];
    if (run === undefined) {
      out += line[index];
      index++;
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`).exec(line.slice(index + run.length));
    if (close === null) {
      out += run;
      index += run.length;
      continue;
    }
    out += "code";
    index += run.length + close.index + run.length;
  }
  return out;
}
