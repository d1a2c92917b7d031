import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import * as events from "../out/ts/dist/esm/index.js";
import { EventGenerator, seededRandom } from "./support/event-generator.js";
import { canonicalSchemas, modelOf } from "./support/schemas.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const EVENTS_PER_CONTRACT = 3000;

/**
 * The generated validators must give exactly the verdicts of JSON Schema 2020-12. The oracle is ajv in
 * strict mode with full formats (and ownProperties, so inherited members are not read as properties).
 */
describe("generated validators agree with ajv (draft 2020-12, ajv-formats full)", () => {
  const schemas = canonicalSchemas();
  const model = modelOf(schemas);
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: false, ownProperties: true });
  addFormats(ajv);
  ajv.addKeyword("x-kafka");
  for (const schema of schemas.values()) ajv.addSchema(schema);

  for (const contract of model.events) {
    it(`on ${EVENTS_PER_CONTRACT} generated and mutated ${contract.eventType} events`, () => {
      const oracle = ajv.getSchema(contract.schemaId);
      if (oracle === undefined) throw new Error(`ajv has no schema ${contract.schemaId}`);
      const random = seededRandom(contract.eventType.length * 7919);
      const generator = new EventGenerator(model, random);
      const rootType = { kind: "ref", name: contract.name } as const;
      const mismatches: string[] = [];
      let valid = 0;
      for (let index = 0; index < EVENTS_PER_CONTRACT; index++) {
        const base = index < contract.examples.length ? contract.examples[index] : generator.valid(rootType);
        const event = random() < 0.55 ? generator.mutate(base, rootType) : base;
        const expected = oracle(event) === true;
        const actual = events.validateEvent(event).ok;
        if (expected) valid++;
        if (expected !== actual && mismatches.length < 5) {
          mismatches.push(`event ${index}: ajv says ${expected}, generated says ${actual}: ${JSON.stringify(event)}`);
        }
      }
      expect(mismatches).toEqual([]);
      // The corpus must exercise both verdicts in earnest.
      expect(valid).toBeGreaterThan(EVENTS_PER_CONTRACT * 0.2);
      expect(valid).toBeLessThan(EVENTS_PER_CONTRACT * 0.8);
    });
  }

  it("on hand-picked format edge cases", () => {
    const oracle = ajv.getSchema("https://contracts.activity-builder.dev/events/text-job.json");
    if (oracle === undefined) throw new Error("no schema");
    const example = structuredClone(model.events.find((event) => event.eventType === "TEXT_JOB_REQUESTED")?.examples[0]) as Record<string, unknown>;
    const generator = new EventGenerator(model, seededRandom(1));
    for (const timestamp of ["2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-27T23:59:60Z", "2026-11-27T23:59:60.5Z", "2026-11-27T22:59:60Z", "2026-11-28T00:59:60+01:00", "2026-11-27T09:30:59.9999999999999999Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-11-27\u200909:30:00Z"]) {
      const event = { ...example, timestamp };
      expect(events.validateEvent(event).ok, timestamp).toBe(oracle(event));
    }
    for (const length of [3999, 4000, 4001]) {
      const prompt = "😀".repeat(length);
      const event = { ...example, payload: { ...(example["payload"] as object), prompt } };
      expect(events.validateEvent(event).ok, `prompt of ${length} emoji`).toBe(oracle(event));
    }
    expect([...generator.text(5)]).toHaveLength(5);
  });
});
