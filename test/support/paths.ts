import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMAS = path.join(ROOT, "schemas");
export const OUT = path.join(ROOT, "out");
export const FIXTURES = path.join(ROOT, "test/fixtures");
export const CLI = path.join(ROOT, "bin/event-contracts.js");
export const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
