import path from "node:path";
import { describe, expect, it } from "vitest";
import { nonCanonicalFiles } from "./support/canonical.js";
import { FIXTURES, LIVE_OUT } from "./support/paths.js";

/**
 * generate does not run prettier: it writes TypeScript, Markdown and JSON already in prettier's canonical
 * form (TypeScript through Biome, which agrees with prettier on the code we generate, tables aligned by the
 * generator). Prettier is the oracle: it must leave every generated file of the golden trees unchanged.
 */
describe.each([
  { name: "the canonical schemas", out: LIVE_OUT },
  { name: "the activity fixture", out: path.join(FIXTURES, "activity/out") },
  { name: "the hostile fixture", out: path.join(FIXTURES, "hostile/out") },
  { name: "the versions fixture", out: path.join(FIXTURES, "versions/out") },
])("the output of $name", ({ out }) => {
  it("is in prettier's canonical form", async () => {
    expect(await nonCanonicalFiles(out)).toEqual([]);
  }, 120_000);
});
