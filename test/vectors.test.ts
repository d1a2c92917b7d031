import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as events from "../out/ts/dist/esm/index.js";
import { OUT } from "./support/paths.js";

interface Vector {
  readonly name: string;
  readonly valid: boolean;
  readonly pointer?: string;
  readonly event: unknown;
}

const { vectors } = JSON.parse(readFileSync(path.join(OUT, "vectors/vectors.json"), "utf8")) as { vectors: Vector[] };

/** The shared vectors are the contract between the languages: Go and Python run the same file. */
describe("the TypeScript validators on the shared test vectors", () => {
  it("cover every event type with valid and invalid vectors", () => {
    const byType = new Map<string, { valid: number; invalid: number }>();
    for (const vector of vectors) {
      const type = (vector.event as { eventType?: string } | null)?.eventType ?? "";
      const counts = byType.get(type) ?? { valid: 0, invalid: 0 };
      counts[vector.valid ? "valid" : "invalid"]++;
      byType.set(type, counts);
    }
    for (const eventType of Object.keys(events.EVENT_TYPES)) {
      expect(byType.get(eventType)?.valid, eventType).toBeGreaterThan(5);
      expect(byType.get(eventType)?.invalid, eventType).toBeGreaterThan(20);
    }
  });

  it("give every vector's verdict, with an error at the vector's pointer", () => {
    const mismatches: string[] = [];
    for (const vector of vectors) {
      const result = events.validateEvent(vector.event);
      if (result.ok !== vector.valid) mismatches.push(`${vector.name}: expected ${vector.valid ? "valid" : "invalid"}`);
      else if (!result.ok && vector.pointer !== undefined && !result.errors.some((error) => error.pointer === vector.pointer)) {
        mismatches.push(`${vector.name}: no error at ${vector.pointer} (got ${result.errors.map((error) => error.pointer).join(", ")})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
