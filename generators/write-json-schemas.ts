// Writes the JSON Schemas the toolkit ships for editors, config.schema.json and event-contract.schema.json,
// from the rules the CLI applies (`npm run json-schemas`); a test fails when the committed files differ.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { configJsonSchema } from "./config.js";
import { eventContractJsonSchema } from "./ir/event-rules.js";
import { canonicalJson } from "./code/json.js";

export const TOOLKIT_SCHEMAS: Readonly<Record<string, () => Record<string, unknown>>> = {
  "config.schema.json": configJsonSchema,
  "event-contract.schema.json": eventContractJsonSchema,
};

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const [file, make] of Object.entries(TOOLKIT_SCHEMAS)) writeFileSync(path.join(import.meta.dirname, "..", file), canonicalJson(make()));
}
