import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "test/fixtures");
/**
 * The Activity Builder's contracts as the tests know them: a frozen copy of `schemas/` at release 1.0.0 and
 * its generated packages. Tests read these, never the live `schemas/` and `out/`, so that changing a
 * contract (the README's walkthroughs) leaves `npm test` green; only the golden test compares `out/` with
 * `schemas/`.
 */
export const ACTIVITY = path.join(FIXTURES, "activity");
export const SCHEMAS = path.join(ACTIVITY, "schemas");
export const OUT = path.join(ACTIVITY, "out");
/** The live contracts and packages: for the golden test and the language toolchains' checks only. */
export const LIVE_SCHEMAS = path.join(ROOT, "schemas");
export const LIVE_OUT = path.join(ROOT, "out");
export const CLI = path.join(ROOT, "bin/event-contracts.js");
export const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
