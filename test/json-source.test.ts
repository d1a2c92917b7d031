import { describe, expect, it } from "vitest";
import { parseJsonSource } from "../generators/schema/json-source.js";

describe("JSON with positions", () => {
  it("maps JSON pointers to the line and column of their key", () => {
    const text = '{\n  "a": {\n    "b~c/d": [1, {"e": true}]\n  }\n}\n';
    const outcome = parseJsonSource("x.json", text);
    if (!outcome.ok) throw new Error("expected a parse");
    expect(outcome.source.positionOf("")).toEqual({ line: 1, column: 1 });
    expect(outcome.source.positionOf("/a")).toEqual({ line: 2, column: 3 });
    expect(outcome.source.positionOf("/a/b~0c~1d")).toEqual({ line: 3, column: 5 });
    expect(outcome.source.positionOf("/a/b~0c~1d/1/e")).toEqual({ line: 3, column: 19 });
    expect(outcome.source.positionOf("/missing")).toBeUndefined();
  });

  it("reports malformed JSON with the line and column of the error", () => {
    const outcome = parseJsonSource("bad.json", '{\n  "a": 1,\n  "b" 2\n}');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatchObject({ code: "MALFORMED_JSON", file: "bad.json", position: { line: 3, column: 7 } });
    expect(outcome.problems[0]?.message).toContain("expected ':'");
  });

  it("refuses comments and trailing commas, which JSON does not allow", () => {
    expect(parseJsonSource("c.json", '{ // note\n "a": 1 }').ok).toBe(false);
    expect(parseJsonSource("t.json", '{ "a": 1, }').ok).toBe(false);
  });

  it("reports duplicate keys, which JSON.parse would silently drop", () => {
    const outcome = parseJsonSource("dup.json", '{ "a": 1,\n  "a": 2 }');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatchObject({ code: "DUPLICATE_KEY", pointer: "/a", position: { line: 2, column: 3 } });
  });

  it("keeps __proto__ as an ordinary key", () => {
    const outcome = parseJsonSource("p.json", '{ "__proto__": { "polluted": true } }');
    if (!outcome.ok) throw new Error("expected a parse");
    const value = outcome.source.value as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reports an empty file", () => {
    const outcome = parseJsonSource("empty.json", "");
    expect(outcome.ok).toBe(false);
  });
});

describe("text that no language can hold", () => {
  it("refuses lone surrogate escapes in keys and values", () => {
    const outcome = parseJsonSource("s.json", '{ "a": "x\\ud800y", "\\udc00": 1, "ok": "\\ud83d\\ude00" }');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((problem) => [problem.code, problem.pointer])).toEqual([
      ["INVALID_UNICODE", "/a"],
      ["INVALID_UNICODE", "/\udc00"],
    ]);
  });
});
