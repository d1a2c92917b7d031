import { describe, expect, it } from "vitest";
import { goModulePath, nextRelease } from "../generators/compat/release.js";
import { canonicalSchemas, modelOf, type Json } from "./support/schemas.js";

const current = modelOf(canonicalSchemas());
const changed = (edit: (schemas: Map<string, Record<string, any>>) => void) => {
  const schemas = canonicalSchemas() as Map<string, Record<string, any>>;
  edit(schemas);
  return modelOf(schemas as Map<string, Record<string, Json>>);
};
const previous = { version: "1.4.2", model: current, changelog: "# Changelog\n\nReleases of the generated packages, newest first: what changed in the contracts, by compat rule.\n\n## 1.4.2\n\nearlier\n" };

describe("package versions from the contracts' diff", () => {
  it("starts at the configured version, with a first changelog entry", () => {
    const release = nextRelease(undefined, current, "1.0.0");
    expect(release.version).toBe("1.0.0");
    expect(release.changelog).toContain("## 1.0.0\n\nFirst release: ACTIVITY_GENERATED (version 1)");
  });

  it("keeps the version and the changelog when nothing changed", () => {
    expect(nextRelease(previous, current, "1.0.0")).toMatchObject({ version: "1.4.2", changelog: previous.changelog, findings: [] });
  });

  it("makes a patch release for documentation changes", () => {
    const release = nextRelease(previous, changed((s) => (s.get("text-job.json")!["description"] = "Reworded.")), "1.0.0");
    expect(release.version).toBe("1.4.3");
  });

  it("makes a minor release for an added optional property, and lists it above the earlier releases", () => {
    const release = nextRelease(previous, changed((s) => (s.get("text-job.json")!["$defs"].TextJobPayload.properties.addedLater = { description: "a", type: "string" })), "1.0.0");
    expect(release.version).toBe("1.5.0");
    expect(release.changelog).toMatch(/## 1\.5\.0\n\nMinor release \(from 1\.4\.2\):\n\n- additive: TEXT_JOB_REQUESTED v1 `\/payload\/addedLater`: optional property "addedLater" added \(OPTIONAL_PROPERTY_ADDED\)\n\n## 1\.4\.2\n\nearlier\n$/);
  });

  it("makes a major release for a breaking change", () => {
    const release = nextRelease(previous, changed((s) => (s.get("text-job.json")!["$defs"].TextJobPayload.properties.prompt.maxLength = 3999)), "1.0.0");
    expect(release.version).toBe("2.0.0");
    expect(release.findings.map((finding) => finding.rule)).toContain("BOUND_CHANGED");
  });

  it("gives Go modules a /vN suffix from version 2 on", () => {
    expect(goModulePath("example.com/events", "1.9.0")).toBe("example.com/events");
    expect(goModulePath("example.com/events", "2.0.0")).toBe("example.com/events/v2");
  });
});
