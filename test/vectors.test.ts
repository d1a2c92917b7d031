import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { FIXTURES, OUT } from "./support/paths.js";

interface Vector {
  readonly name: string;
  readonly eventType: string;
  readonly valid: boolean;
  readonly pointer?: string;
  readonly errors?: readonly { pointer: string; keyword: string }[];
  readonly event: unknown;
}

const vectorsIn = (out: string): Vector[] => (JSON.parse(readFileSync(path.join(out, "vectors/vectors.json"), "utf8")) as { vectors: Vector[] }).vectors;

/** Every vector on which a validator's verdict differs, or whose error list differs from the vector's. */
function disagreements(validate: typeof events.validateEvent, list: readonly Vector[]): string[] {
  const mismatches: string[] = [];
  for (const vector of list) {
    const result = validate(vector.event);
    if (result.ok !== vector.valid) mismatches.push(`${vector.name}: expected ${vector.valid ? "valid" : "invalid"}`);
    else if (!result.ok) {
      const got = JSON.stringify(result.errors.map(({ pointer, keyword }) => ({ pointer, keyword })));
      if (got !== JSON.stringify(vector.errors)) mismatches.push(`${vector.name}: errors ${got}, the vector says ${JSON.stringify(vector.errors)}`);
      else if (vector.pointer !== undefined && !result.errors.some((error) => error.pointer === vector.pointer)) mismatches.push(`${vector.name}: no error at ${vector.pointer}`);
    }
  }
  return mismatches;
}

/** The shared vectors are the contract between the languages: Go (test/go) and Python (test/python) run the same files. */
describe("the TypeScript validators on the shared test vectors", () => {
  const vectors = vectorsIn(OUT);

  it("cover every event type with valid and invalid vectors", () => {
    for (const eventType of Object.keys(events.EVENT_TYPES)) {
      const mine = vectors.filter((vector) => vector.eventType === eventType);
      expect(mine.filter((vector) => vector.valid).length, eventType).toBeGreaterThan(5);
      expect(mine.filter((vector) => !vector.valid).length, eventType).toBeGreaterThan(20);
    }
  });

  it("cover strings of non-BMP characters and calendar-invalid date-times", () => {
    expect(vectors.some((vector) => /non-BMP characters, above maxLength/.test(vector.name) && !vector.valid)).toBe(true);
    expect(vectors.some((vector) => /non-BMP characters, at maxLength/.test(vector.name) && vector.valid)).toBe(true);
    expect(vectors.some((vector) => /30 February/.test(vector.name) && !vector.valid)).toBe(true);
  });

  it("give every vector's verdict, with exactly the vector's errors in its order", () => {
    expect(disagreements(events.validateEvent, vectors)).toEqual([]);
  });

  it("give every verdict of the hostile fixture's vectors too", async () => {
    const hostile = path.join(FIXTURES, "hostile/out");
    const generated = (await import(pathToFileURL(path.join(hostile, "ts/dist/esm/index.js")).href)) as typeof events;
    const list = vectorsIn(hostile);
    expect(list.length).toBeGreaterThan(50);
    expect(list.some((vector) => vector.name.includes("/payload/__proto__") && !vector.valid)).toBe(true);
    expect(disagreements(generated.validateEvent, list)).toEqual([]);
  });
});
