import { describe, expect, it } from "vitest";
import { ContractProblemsError, type Problem } from "../generators/problems.js";
import { canonicalSchemas, clone, modelOf, type Json } from "./support/schemas.js";
import path from "node:path";
import { buildModel } from "../generators/ir/build.js";
import type { Envelope } from "../generators/ir/envelope.js";
import { parseSchemaTexts } from "../generators/schema/load.js";
import { FIXTURES, SCHEMAS } from "./support/paths.js";
import { readSchemas, type Schemas } from "./support/snapshots.js";

function problemsOf(edit: (schemas: Map<string, Record<string, Json>>) => void): readonly Problem[] {
  const schemas = canonicalSchemas();
  edit(schemas);
  try {
    modelOf(schemas);
  } catch (error) {
    if (error instanceof ContractProblemsError) return error.problems;
    throw error;
  }
  return [];
}

function textJob(schemas: Map<string, Record<string, Json>>): Record<string, any> {
  return schemas.get("text-job.json") as Record<string, any>;
}

describe("the contracts model of the canonical schemas", () => {
  const model = modelOf(canonicalSchemas());

  it("has the four events of the platform, with their topics and keys", () => {
    expect(model.events.map((event) => [event.eventType, event.kafka.topic, event.kafka.key, event.version])).toEqual([
      ["ACTIVITY_GENERATED", "activity-results", "jobId", 1],
      ["IMAGE_JOB_REQUESTED", "image-jobs", "jobId", 1],
      ["JOB_STATUS_CHANGED", "job-status", "jobId", 1],
      ["TEXT_JOB_REQUESTED", "text-jobs", "jobId", 1],
    ]);
  });

  it("names types from $defs keys and titles, sorted", () => {
    const names = model.types.map((type) => type.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain("TextJobRequested");
    expect(names).toContain("TextJobPayload");
    expect(names).toContain("JobId");
  });

  it("keeps the four presence states apart", () => {
    const payload = model.types.find((type) => type.name === "ImageJobPayload")?.type;
    if (payload?.kind !== "object") throw new Error("expected an object");
    const seed = payload.properties.find((property) => property.name === "seed");
    const prompt = payload.properties.find((property) => property.name === "prompt");
    expect(seed).toMatchObject({ required: false, type: { kind: "nullable", inner: { kind: "number", integer: true } } });
    expect(prompt).toMatchObject({ required: true, type: { kind: "string", minLength: 1, maxLength: 2000 } });
  });

  it("finds the discriminator of a oneOf", () => {
    const status = model.types.find((type) => type.name === "JobStatus")?.type;
    expect(status).toMatchObject({ kind: "union", discriminator: "status" });
    if (status?.kind !== "union") return;
    expect(status.variants.map((variant) => variant.value)).toEqual(["queued", "processing", "completed", "failed"]);
  });

  it("is the same model on every run", () => {
    expect(JSON.stringify(modelOf(canonicalSchemas()))).toBe(JSON.stringify(model));
  });
});

describe("schema rules", () => {
  const cases: readonly { rule: string; code: string; pointer: string; edit: (schemas: Map<string, Record<string, Json>>) => void }[] = [
    { rule: "an unsupported keyword", code: "UNSUPPORTED_KEYWORD", pointer: "/$defs/TextJobPayload/properties/prompt/contentEncoding", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.prompt.contentEncoding = "base64"; } },
    { rule: "a property without a description", code: "MISSING_DESCRIPTION", pointer: "/$defs/TextJobPayload/properties/prompt", edit: (s) => { delete textJob(s)["$defs"].TextJobPayload.properties.prompt.description; } },
    { rule: "an object that is not closed", code: "OPEN_OBJECT", pointer: "/$defs/TextJobOptions", edit: (s) => { delete textJob(s)["$defs"].TextJobOptions.additionalProperties; } },
    { rule: "an unresolvable $ref", code: "UNRESOLVED_REF", pointer: "/properties/jobId/$ref", edit: (s) => { textJob(s)["properties"].jobId.$ref = "common.json#/$defs/JobIdentifier"; } },
    { rule: "a missing envelope field", code: "ENVELOPE", pointer: "/required", edit: (s) => { textJob(s)["required"] = textJob(s)["required"].filter((name: string) => name !== "userId"); } },
    { rule: "an eventType that is not a const", code: "ENVELOPE", pointer: "/properties/eventType", edit: (s) => { textJob(s)["properties"].eventType = { description: "x", type: "string" }; } },
    { rule: "an incomplete x-kafka", code: "KAFKA_BINDING", pointer: "/x-kafka/consumers", edit: (s) => { delete textJob(s)["x-kafka"].consumers; } },
    { rule: "a record key that is not a required property", code: "KAFKA_BINDING", pointer: "/x-kafka/key", edit: (s) => { textJob(s)["x-kafka"].key = "sessionId"; } },
    { rule: "an invalid topic name", code: "KAFKA_BINDING", pointer: "/x-kafka/topic", edit: (s) => { textJob(s)["x-kafka"].topic = "text jobs"; } },
    { rule: "fewer than two examples", code: "EXAMPLES", pointer: "/examples", edit: (s) => { textJob(s)["examples"] = textJob(s)["examples"].slice(0, 1); } },
    { rule: "an example that breaks the schema", code: "INVALID_EXAMPLE", pointer: "/examples/1", edit: (s) => { textJob(s)["examples"][1].payload.prompt = ""; } },
    { rule: "two events with one eventType", code: "DUPLICATE_EVENT_TYPE", pointer: "/properties/eventType/const", edit: (s) => { const copy = clone(textJob(s)); copy.$id = "https://contracts.activity-builder.dev/events/text-job-copy.json"; copy.title = "Text job copy"; copy["x-kafka"].topic = "text-jobs-copy"; copy["$defs"] = {}; copy.properties.payload = { description: "p", type: "object", additionalProperties: false, properties: {} }; copy.examples.forEach((e: any) => { e.payload = {}; }); s.set("text-job-copy.json", copy); } },
    { rule: "two types with one name", code: "NAME_COLLISION", pointer: "/$defs/Text_Job_Payload", edit: (s) => { textJob(s)["$defs"]["Text_Job_Payload"] = { description: "dup", type: "string" }; } },
    { rule: "an unsupported format", code: "UNSUPPORTED_FORMAT", pointer: "/$defs/TextJobPayload/properties/prompt/format", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.prompt.format = "email"; } },
    { rule: "a pattern that is not a regular expression", code: "INVALID_PATTERN", pointer: "/$defs/TextJobPayload/properties/prompt/pattern", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.prompt.pattern = "(unclosed"; } },
    { rule: "an integer bound no language holds exactly", code: "UNSAFE_INTEGER", pointer: "/$defs/TextJobPayload/properties/gradeLevel/maximum", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.gradeLevel.maximum = 2 ** 60; } },
    { rule: "an integer const no language holds exactly", code: "UNSAFE_INTEGER", pointer: "/$defs/TextJobPayload/properties/gradeLevel/const", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.gradeLevel = { description: "g", const: 2 ** 60 }; } },
    { rule: "a pattern outside the subset every language runs", code: "UNSUPPORTED_PATTERN", pointer: "/$defs/TextJobPayload/properties/prompt/pattern", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.prompt.pattern = "^(?!x)"; } },
    { rule: "a keyword on the wrong type", code: "KEYWORD_TYPE_MISMATCH", pointer: "/$defs/TextJobPayload/properties/gradeLevel/maxLength", edit: (s) => { textJob(s)["$defs"].TextJobPayload.properties.gradeLevel.maxLength = 3; } },
    { rule: "a oneOf without a discriminator", code: "UNION_DISCRIMINATOR", pointer: "/$defs/JobStatus/oneOf", edit: (s) => { (s.get("job-status.json") as any)["$defs"].JobQueued.properties.status = { description: "s", type: "string" }; } },
    { rule: "a schema that is not JSON Schema 2020-12", code: "META_SCHEMA", pointer: "/properties/userId/minLength", edit: (s) => { textJob(s)["properties"].userId = { description: "u", type: "string", minLength: -1 }; } },
    { rule: "versions of an event that skip one", code: "UPCAST", pointer: "/properties/version/const", edit: (s) => { const first = clone(textJob(s)); first.$id = "https://contracts.activity-builder.dev/events/text-job-v1.json"; s.set("text-job-v1.json", first); textJob(s)["properties"].version.const = 3; textJob(s)["examples"].forEach((e: any) => { e.version = 3; }); } },
    { rule: "a required property that is not declared", code: "UNDECLARED_REQUIRED", pointer: "/$defs/TextJobPayload/required/3", edit: (s) => { textJob(s)["$defs"].TextJobPayload.required.push("addedLater"); } },
  ];

  for (const { rule, code, pointer, edit } of cases) {
    it(`reports ${rule} as ${code} at ${pointer}`, () => {
      const problems = problemsOf(edit);
      const match = problems.find((problem) => problem.code === code);
      expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(match?.pointer).toBe(pointer);
      expect(match?.position?.line).toBeGreaterThan(0);
    });
  }

  it("reports every problem of every file in one run", () => {
    const problems = problemsOf((s) => {
      delete textJob(s)["$defs"].TextJobPayload.properties.prompt.description;
      delete (s.get("image-job.json") as any)["$defs"].ImageSize.properties.width.description;
    });
    expect(problems.map((problem) => problem.file).sort()).toEqual(["image-job.json", "text-job.json"]);
  });
});

describe("the envelope of the config", () => {
  const ordersEnvelope: Envelope = { properties: ["eventType", "version", "eventId", "orderId", "occurredAt", "data"], key: "orderId", cloudEvents: { id: "eventId", time: "occurredAt", subject: "orderId" }, generated: { eventId: "uuid", occurredAt: "now" } };
  const build = (edit: (schemas: Schemas) => void = () => {}): readonly Problem[] => {
    const schemas = readSchemas(path.join(FIXTURES, "orders/contracts"));
    edit(schemas);
    try {
      snapshotOf(schemas, ordersEnvelope);
      return [];
    } catch (error) {
      if (error instanceof ContractProblemsError) return error.problems;
      throw error;
    }
  };

  it("is what every event must carry: the Activity Builder's schemas are refused under another envelope", () => {
    expect(build()).toEqual([]);
    const problems = problemsUnder(ordersEnvelope);
    expect(problems.some((problem) => problem.code === "ENVELOPE" && problem.message.includes(`"orderId"`) && problem.message.includes("envelope: eventType, version, eventId, orderId, occurredAt, data"))).toBe(true);
  });

  it("gives x-kafka its default key, and holds the key and CloudEvents properties to strings", () => {
    expect(modelOfFolder(path.join(FIXTURES, "orders/contracts"), ordersEnvelope).events.map((event) => event.kafka.key)).toEqual(["orderId", "orderId"]);
    const problems = build((schemas) => {
      schemas.get("order-placed.json").properties.occurredAt = { description: "Seconds since the epoch.", type: "integer" };
      schemas.get("order-placed.json").examples.forEach((example: any) => (example.occurredAt = 1));
    });
    expect(problems.map((problem) => [problem.code, problem.pointer, problem.message])).toEqual([["ENVELOPE", "/properties/occurredAt", `"occurredAt" must be a string: the envelope's record key and CloudEvents attributes are written as text`]]);
  });
});

function snapshotOf(schemas: Schemas, envelope: Envelope): ReturnType<typeof buildModel> {
  return buildModel(parseSchemaTexts([...schemas].map(([file, value]) => ({ file, text: JSON.stringify(value, null, 2) }))), { envelope });
}

function modelOfFolder(folder: string, envelope: Envelope): ReturnType<typeof buildModel> {
  return snapshotOf(readSchemas(folder), envelope);
}

function problemsUnder(envelope: Envelope): readonly Problem[] {
  try {
    snapshotOf(readSchemas(SCHEMAS), envelope);
    return [];
  } catch (error) {
    if (error instanceof ContractProblemsError) return error.problems;
    throw error;
  }
}
