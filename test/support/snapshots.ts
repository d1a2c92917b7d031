import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Snapshot } from "../../generators/compat/diff.js";
import { buildModel } from "../../generators/ir/build.js";
import { versionsOf } from "../../generators/ir/model.js";
import { oracleFor } from "../../generators/ir/oracle.js";
import { parseSchemaTexts } from "../../generators/schema/load.js";

/** Schema files by their path below the folder (forward slashes), parsed, to be edited by a test. */
export type Schemas = Map<string, any>;

export function readSchemas(folder: string): Schemas {
  const files = readdirSync(folder, { recursive: true }).map(String).filter((file) => file.endsWith(".json"));
  return new Map(files.map((file) => [file.split(path.sep).join("/"), JSON.parse(readFileSync(path.join(folder, file), "utf8"))]));
}

/** One side of a compat comparison, from schemas held in memory. */
export function snapshot(schemas: Schemas): Snapshot {
  const loaded = parseSchemaTexts([...schemas].map(([file, value]) => ({ file, text: JSON.stringify(value, null, 2) })));
  return { model: buildModel(loaded), sources: new Map(loaded.map((schema) => [schema.file, schema.source])) };
}

/** Makes version 2 of TEXT_JOB_REQUESTED and keeps version 1, as it is now, in the archive. */
export function bumpTextJob(after: Schemas): void {
  const current = after.get("text-job.json");
  const frozen = structuredClone(current);
  // An archived schema keeps an $id beside the others, so that its relative references still resolve.
  frozen.$id = "https://contracts.activity-builder.dev/events/text-job.v1.json";
  after.set("archive/text-job.v1.json", frozen);
  current.properties.version.const = 2;
  current.examples.forEach((example: any) => (example.version = 2));
}

/** ajv's verdict on an event, by the schema of its type and version on one side: a judge independent of ours. */
export function ajvAccepts(side: Snapshot, event: Record<string, unknown>): boolean {
  const contract = versionsOf(side.model, String(event["eventType"])).find((candidate) => candidate.version === event["version"]);
  const validate = contract === undefined ? undefined : oracleFor(side.model.schemas).validator(contract.schemaId);
  if (validate === undefined) throw new Error(`no schema for ${String(event["eventType"])} v${String(event["version"])}`);
  return validate(event) === true;
}
