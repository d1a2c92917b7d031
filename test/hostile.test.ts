import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ContractProblemsError } from "../generators/problems.js";
import type { ContractsModel } from "../generators/ir/model.js";
import { nameGo } from "../generators/targets/go/naming.js";
import { namePython } from "../generators/targets/python/naming.js";
import { nameTypeScript } from "../generators/targets/typescript/naming.js";
import { FIXTURES } from "./support/paths.js";
import { canonicalSchemas, modelOf, type Json } from "./support/schemas.js";

const HOSTILE = path.join(FIXTURES, "hostile");
const schema = JSON.parse(readFileSync(path.join(HOSTILE, "schemas/hostile.json"), "utf8")) as { examples: Record<string, any>[] };

interface HostilePackage {
  validateEvent(value: unknown): { ok: boolean; errors?: { pointer: string; keyword: string }[] };
  createHostileEventX(init: { userId: string; payload: unknown; from: string; type: string; typeValue: string; newEnvelope: string }): { payload: Record<string, unknown> };
  EVENT_CONTRACTS: Record<string, { topic: string }>;
}

/**
 * The hostile fixture puts quotes, backslashes, backticks, `${`, comment markers, line breaks, U+2028, HTML,
 * reserved words and Object.prototype names into every place schema text reaches generated code. Its golden
 * output compiles under tsc --strict (golden.test.ts); here it must also behave, and nothing injected may run.
 */
/** The fixture's required top-level properties named like keywords and helpers of the Python and Go factories. */
const NAMES_OF_KEYWORDS = { from: "f", type: "t", typeValue: "tv", newEnvelope: "n" };

describe("the hostile fixture's generated package", () => {
  const load = async (): Promise<HostilePackage[]> => {
    const esm = (await import(pathToFileURL(path.join(HOSTILE, "out/ts/dist/esm/index.js")).href)) as HostilePackage;
    const cjs = createRequire(import.meta.url)(path.join(HOSTILE, "out/ts/dist/cjs/index.js")) as HostilePackage;
    return [esm, cjs];
  };

  it("runs no injected statement when loaded and used", async () => {
    for (const generated of await load()) {
      for (const example of schema.examples) generated.validateEvent(example);
      generated.createHostileEventX({ userId: "u", payload: schema.examples[0]?.["payload"], ...NAMES_OF_KEYWORDS });
    }
    expect((globalThis as Record<string, unknown>)["__pwned"]).toBeUndefined();
  });

  it("accepts the examples, hostile values and all, in ESM and CommonJS", async () => {
    for (const generated of await load()) {
      for (const example of schema.examples) expect(generated.validateEvent(example)).toMatchObject({ ok: true });
    }
  });

  it("matches hostile enum and const values exactly", async () => {
    const [generated] = await load();
    const example = structuredClone(schema.examples[0] ?? {});
    example["payload"]["delete"] = '"; globalThis.__pwned = \'const\'; " ';
    example["payload"]["a\"b'c`d${globalThis.__pwned = 'key2'}e\\f"] = "${globalThis.__pwned = 'enum'} ";
    const result = generated?.validateEvent(example);
    expect(result?.errors?.map((error) => error.keyword).sort()).toEqual(["const", "enum"]);
  });

  it("escapes JSON pointers and keeps __proto__ and constructor as data", async () => {
    const [generated] = await load();
    const example = structuredClone(schema.examples[1] ?? {});
    example["payload"]["~/slash"] = -1;
    expect(generated?.validateEvent(example).errors).toEqual([expect.objectContaining({ pointer: "/payload/~0~1slash", keyword: "minimum" })]);
    // An event without "constructor" must not be judged by the inherited Object.prototype.constructor.
    expect(Object.hasOwn(schema.examples[1]?.["payload"] ?? {}, "constructor")).toBe(false);
    expect(generated?.validateEvent(schema.examples[1]).ok).toBe(true);
    const event = generated?.createHostileEventX({ userId: "u", payload: schema.examples[0]?.["payload"], ...NAMES_OF_KEYWORDS });
    expect(Object.getPrototypeOf(event?.payload)).toBe(Object.prototype);
    expect(Object.hasOwn(event?.payload ?? {}, "__proto__")).toBe(true);
  });
});

describe("names that would collide are refused with a clear error", () => {
  const refusal = (edit: (schemas: Map<string, Record<string, Json>>) => void): string => {
    const schemas = canonicalSchemas();
    edit(schemas);
    try {
      nameTypeScript(modelOf(schemas));
    } catch (error) {
      if (error instanceof ContractProblemsError) return error.message;
      throw error;
    }
    return "";
  };
  const common = (schemas: Map<string, Record<string, Json>>): Record<string, any> => schemas.get("common.json") as Record<string, any>;

  it("when two $defs keys make the same name after case conversion", () => {
    const message = refusal((s) => {
      common(s)["$defs"]["job_id"] = { description: "dup", type: "string" };
    });
    expect(message).toMatch(/common\.json:\d+:\d+ {2}\/\$defs\/job_id {2}type name JobId is also made by common\.json#\/\$defs\/JobId; rename one of them/);
  });

  it("when a type would shadow a global TypeScript type", () => {
    const message = refusal((s) => {
      common(s)["$defs"]["Record"] = { description: "shadow", type: "string" };
    });
    expect(message).toContain('type name Record would make the TypeScript type "Record", which is reserved');
  });

  it("when an event's functions would collide with the package's own exports", () => {
    const message = refusal((s) => {
      (s.get("text-job.json") as Record<string, any>)["title"] = "Event";
    });
    expect(message).toContain('would make the TypeScript validator "validateEvent", which the generated package itself already uses');
  });
});

describe("names that Go or Python would trip over", () => {
  const withEdit = (edit: (schemas: Map<string, Record<string, Json>>) => void): ContractsModel => {
    const schemas = canonicalSchemas();
    edit(schemas);
    return modelOf(schemas);
  };
  const problemOf = (name: () => unknown): string => {
    try {
      name();
    } catch (error) {
      if (error instanceof ContractProblemsError) return error.message;
      throw error;
    }
    return "";
  };
  const payloadOf = (schemas: Map<string, Record<string, Json>>): Record<string, any> => (schemas.get("text-job.json") as Record<string, any>)["$defs"]["TextJobPayload"];

  it("refuses a type that is a Python keyword, with its place", () => {
    const model = withEdit((s) => {
      (s.get("common.json") as Record<string, Json> & { $defs: Record<string, Json> }).$defs["None"] = { description: "A keyword.", type: "object", properties: {}, additionalProperties: false };
    });
    expect(problemOf(() => namePython(model))).toMatch(/common\.json {2}\/\$defs\/None {2}type None is a Python keyword/);
  });

  it("gives properties named like the builtins the models use as types a trailing underscore", () => {
    const model = withEdit((s) => {
      payloadOf(s)["properties"]["int"] = { description: "Shadows int.", type: "integer" };
      payloadOf(s)["properties"]["str"] = { description: "Shadows str.", type: "string" };
    });
    const names = namePython(model);
    expect([names.attribute("TextJobPayload", "int"), names.attribute("TextJobPayload", "str")]).toEqual(["int_", "str_"]);
  });

  it("refuses a property of a self-marshalling Go struct that would name a field like its MarshalJSON method", () => {
    const model = withEdit((s) => {
      payloadOf(s)["properties"]["marshalJSON"] = { description: "Names a method.", type: "string" };
      payloadOf(s)["properties"]["a,b"] = { description: "No json tag can hold a comma.", type: "string" };
    });
    expect(problemOf(() => nameGo(model))).toContain('makes the Go field TextJobPayload.MarshalJSON, like a method');
  });
});
