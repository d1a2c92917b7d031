import { spawnSync } from "node:child_process";
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

describe("the envelope", () => {
  const envelope = (overrides: Record<string, unknown>): unknown => ({ envelope: { properties: ["eventType", "version", "eventId", "orderId", "occurredAt", "data"], key: "orderId", cloudEvents: { id: "eventId", time: "occurredAt" }, generated: { eventId: "uuid", occurredAt: "now" }, ...overrides } });

  it("accepts another project's envelope, and parses it whole", () => {
    expect(refusals(envelope({}))).toEqual([]);
    const config = parseConfig("c.json", JSON.stringify(envelope({ cloudEvents: { id: "eventId", time: "occurredAt", subject: "orderId" } })));
    expect(config.envelope).toEqual({ properties: ["eventType", "version", "eventId", "orderId", "occurredAt", "data"], key: "orderId", cloudEvents: { id: "eventId", time: "occurredAt", subject: "orderId" }, generated: { eventId: "uuid", occurredAt: "now" } });
  });

  it.each([
    [{ properties: ["version", "eventId", "orderId", "occurredAt", "data"] }, "/envelope/properties", `must include "eventType"`],
    [{ properties: ["eventType", "version", "eventId", "orderId", "occurredAt", "order-id"] }, "/envelope/properties/5", "not a camelCase name"],
    [{ properties: ["eventType", "version", "eventId", "eventId", "orderId", "occurredAt"] }, "/envelope/properties/3", "listed twice"],
    [{ key: "customerId" }, "/envelope/key", "not one of the envelope's properties"],
    [{ key: "version" }, "/envelope/key", `cannot be "version"`],
    [{ cloudEvents: { id: "eventId" } }, "/envelope/cloudEvents", `"cloudEvents" must be`],
    [{ cloudEvents: { id: "eventId", time: "when" } }, "/envelope/cloudEvents/time", "not one of the envelope's properties"],
    [{ generated: { eventId: "random" } }, "/envelope/generated/eventId", `use "uuid" or "now"`],
    [{ colour: "red" }, "/envelope/colour", "unknown setting"],
  ])("refuses %j at %s", (overrides, pointer, reason) => {
    const [problem, ...rest] = refusals(envelope(overrides));
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^event-contracts\\.config\\.json:\\d+:\\d+ +${pointer.replace(/\//g, "\\/")} `));
    expect(problem).toContain(reason);
  });
});

describe("the release tag prefix", () => {
  // git is the judge: a prefix is accepted exactly when `<prefix>1.0.0` is a tag name git accepts, except that
  // one starting with "-" (git would read it as an option) or ending in a digit or a dot (where would the
  // version start?) is refused too.
  it.each(["contracts-v", "events/v", "v", "fixture_", "a..b", "a b", "a~", "x.lock/", "x/.y/", "a@{b", "/x", "a\\b", "x//y", "-x", "x:", "v1.", "ü-v"])("%j", (prefix) => {
    const git = spawnSync("git", ["check-ref-format", `refs/tags/${prefix}1.0.0`]).status === 0;
    const refused = refusals({ tagPrefix: prefix });
    expect(refused.length === 0).toBe(git && !prefix.startsWith("-") && /[^\d.]$/.test(prefix));
    if (refused.length > 0) expect(refused[0]).toContain("/tagPrefix");
  });
});
