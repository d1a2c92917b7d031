import { buildModel } from "../../generators/ir/build.js";
import type { ContractsModel } from "../../generators/ir/model.js";
import { parseSchemaTexts } from "../../generators/schema/load.js";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SCHEMAS } from "./paths.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The canonical schemas as parsed JSON, keyed by file name. */
export function canonicalSchemas(): Map<string, Record<string, Json>> {
  return new Map(
    readdirSync(SCHEMAS)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => [file, JSON.parse(readFileSync(path.join(SCHEMAS, file), "utf8")) as Record<string, Json>]),
  );
}

/** Builds a model from in-memory schema objects (serialized with 2-space indentation, like files on disk). */
export function modelOf(schemas: Map<string, unknown>): ContractsModel {
  return buildModel(parseSchemaTexts([...schemas].map(([file, value]) => ({ file, text: JSON.stringify(value, null, 2) }))));
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
