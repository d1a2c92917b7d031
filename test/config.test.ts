import { describe, expect, it } from "vitest";
import { parseConfig } from "../generators/config.js";
import { ContractProblemsError, formatProblem } from "../generators/problems.js";

/** The problems a config text is refused with, as the CLI prints them. */
function refusals(config: unknown): string[] {
  try {
    parseConfig("event-contracts.config.json", JSON.stringify(config, null, 2));
    return [];
  } catch (error) {
    if (!(error instanceof ContractProblemsError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe("config values are checked by each language's own rules, with a located error", () => {
  it.each([
    [{ go: { package: "func" } }, "/go/package", "Go keyword"],
    [{ go: { package: "main" } }, "/go/package", "program"],
    [{ go: { module: "example.com/events/aux" } }, "/go/module", "Windows reserves"],
    [{ go: { module: "example.com/events/Aux.v1" } }, "/go/module", "Windows reserves"],
    [{ go: { module: "example.com/events./x" } }, "/go/module", "dot"],
    [{ go: { module: "example.com/events/v2" } }, "/go/module", "major version"],
    [{ python: { package: "class" } }, "/python/package", "Python keyword"],
  ])("refuses %j at %s", (config, pointer, reason) => {
    const [problem, ...rest] = refusals(config);
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^event-contracts\\.config\\.json:\\d+:\\d+ +${pointer.replace(/\//g, "\\/")} `));
    expect(problem).toContain(reason);
  });

  it("accepts ordinary names", () => {
    expect(refusals({ go: { module: "example.com/shop/events", package: "events" }, python: { package: "shop_events" } })).toEqual([]);
  });
});
