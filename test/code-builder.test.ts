import { describe, expect, it } from "vitest";
import { Name, docComment, literal, objectKey, propertyName, stringLiteral, ts } from "../generators/code/typescript.js";
import { goComment, goString } from "../generators/code/go.js";
import { INVISIBLE } from "../generators/code/invisible.js";
import { pyComment, pyDocstring, pyString } from "../generators/code/python.js";

const HOSTILE = ["\"", "'", "`", "${x}", "\\", "*/", "/*", "\n", "\r", "\u2028", "\u2029", "\u0085", "\ud800", "</script>"];

describe("TypeScript code builder", () => {
  it("turns interpolated strings into literals that evaluate back to the same text", () => {
    for (const text of [...HOSTILE, HOSTILE.join(""), "plain"]) {
      const code = ts`${text}`.text;
      expect(JSON.parse(code)).toBe(text);
      expect(code).not.toMatch(/[\n\r\u2028\u2029]/);
    }
  });

  it("keeps Code and Name values as code, everything else as data", () => {
    const name = Name.of("value");
    expect(ts`const ${name} = ${"a\"b"};`.text).toBe('const value = "a\\"b";');
    expect(ts`f(${ts`x + 1`}, ${2}, ${true}, ${null})`.text).toBe("f(x + 1, 2, true, null)");
  });

  it("refuses identifiers that are not identifiers or are reserved", () => {
    expect(() => Name.of("class")).toThrow(/not a usable TypeScript identifier/);
    expect(() => Name.of("a-b")).toThrow();
    expect(() => Name.of("1a")).toThrow();
    expect(Name.of("Class").text).toBe("Class");
  });

  it("writes -0 as 0 and refuses non-finite numbers", () => {
    expect(ts`${-0}`.text).toBe("0");
    expect(ts`${-5}`.text).toBe("-5");
    expect(() => ts`${Number.NaN}`).toThrow();
    expect(() => ts`${Infinity}`).toThrow();
  });

  it("quotes property names that are not identifiers, and computes __proto__ keys", () => {
    expect(propertyName("jobId").text).toBe("jobId");
    expect(propertyName("class").text).toBe("class");
    expect(propertyName("a-b").text).toBe('"a-b"');
    expect(objectKey("__proto__").text).toBe('["__proto__"]');
    expect(literal({ __proto__x: 1, "a b": [true, null, "s"] }).text).toBe('{ __proto__x: 1, "a b": [true, null, "s"] }');
  });

  it("keeps doc comments closed whatever the text holds", () => {
    const comment = docComment([HOSTILE.join(" line ")], ["@deprecated */ x"]).text;
    const lines = comment.split("\n");
    expect(lines[0]).toBe("/**");
    expect(lines.at(-1)).toBe(" */");
    for (const line of lines.slice(1, -1)) expect(line.startsWith(" *")).toBe(true);
    expect(comment.slice(3, -3)).not.toContain("*/");
    expect(comment).not.toMatch(/[\r\u2028\u2029\u0085]/);
  });

  it("makes an empty doc comment from empty text", () => {
    expect(docComment([undefined, "  "]).text).toBe("");
  });

  it("escapes U+2028 and U+2029, which JSON.stringify leaves raw", () => {
    expect(JSON.stringify("\u2028")).toBe('"\u2028"');
    expect(stringLiteral("\u2028\u2029")).toBe('"\\u2028\\u2029"');
  });
});

describe("text in every language's literals and comments", () => {
  const INVISIBLE_TEXT = ["\u0000", "\u0007", "\u007f", "\u009b", "\u00ad", "\u061c", "\u200b", "\u200e", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufff9"];
  const text = `a${INVISIBLE_TEXT.join("b")}c`;

  it("never carries an invisible or bidirectional character raw into generated code", () => {
    const outputs = [stringLiteral(text), docComment([text]).text, goString(text), goComment(text), pyString(text), pyDocstring(text, ""), pyComment(text)];
    for (const output of outputs) expect(output).not.toMatch(INVISIBLE);
  });

  it("keeps string literals equal to the text they hold", () => {
    expect(JSON.parse(stringLiteral(text))).toBe(text);
    expect(JSON.parse(goString(text).replace(/\\x([0-9a-f]{2})/g, "\\u00$1"))).toBe(text);
  });

  it("shows each such character in comments as \\u{XXXX}", () => {
    expect(goComment("x\u202ey")).toBe("// x\\u{202E}y\n");
    expect(docComment(["x\ufeffy"]).text).toContain("x\\u{FEFF}y");
  });
});

describe("static TypeScript templates", () => {
  // generate copies them without formatting, so they must already be in the form prettier gives them.
  it.each(["runtime.ts", "kafka.ts", "platformatic.ts"])("templates/typescript/%s is in prettier's form", async (name) => {
    const { readFile } = await import("node:fs/promises");
    const prettier = await import("prettier");
    const text = await readFile(new URL(`../templates/typescript/${name}`, import.meta.url), "utf8");
    expect(await prettier.format(text, { parser: "typescript", printWidth: 100, endOfLine: "lf" })).toBe(text);
  });
});
