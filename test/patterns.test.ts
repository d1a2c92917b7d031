import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../generators/ir/build.js";
import { translatePattern } from "../generators/plan/patterns.js";
import { parseSchemaTexts } from "../generators/schema/load.js";
import { ContractProblemsError, formatProblem, type Problem } from "../generators/problems.js";
import { seededRandom } from "./support/event-generator.js";
import { ROOT } from "./support/paths.js";

/** Patterns inside the subset, each using features whose meaning differs between engines if translated naively. */
const SUBSET = [
  "^[a-z]+$", "^\\d{3}-\\d{4}$", "\\bcat\\b", "\\Bat", "^\\w+$", "^\\W+$", "^\\s*$", "^\\S+$", "^[^\\s]+$", "^.{2,5}$", "^.$", "^(?:ab|cd)*$",
  "colou?r", "^[\\D]+$", "^[\\S]+$", "^[\\W_]+$", "^[\\d\\s]+$", "^\\u{1F600}+$", "^[😀-😂]$", "^[^a-z]$", "^a{0,3}b{2}$", "^(a|b)c?$", "x$", "^$",
  "^[A-Z][a-z]*(?: [A-Z][a-z]*)*$", "^[\\t\\n]+$", "^\\/[a-z]+\\/$", "[.]", "^\\x41\\u0042$", "^[\\u00e0-\\u00ff]+$", "^[^\\u0000-\\u007f]+$",
  "^(?:[a-z0-9]+\\.)+[a-z]{2,}$", "^[A-Za-z0-9][A-Za-z0-9._:@|-]*$", "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", "a|b|", "^[-a]+$",
  "^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\$", "[$^]", "^\\cJ$", "^\\0$", "^[\\b]$", "é", "^[^é]*é[^é]*$", "^(?:\\s|\\S)+$",
];

const ALPHABET = ["a", "b", "c", "d", "r", "x", "t", "A", "B", "Z", "_", "0", "5", "9", " ", "\t", "\n", "\r", "\u000b", "\u2028", "\u00a0", "\ufeff", "\u3000", "é", "ß", "\u212a", "\u017f", "😀", "😁", "😂", "-", "/", ".", "@", "|", "\u0000", "\b", "à", "ÿ", "cat", "ab", "cd", "colour", "color", "en", "pt-BR", "zh-Hant-TW", "$", "^", "\\"];

const scratch = mkdtempSync(path.join(os.tmpdir(), "event-contracts-patterns-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: readonly string[], cwd: string): boolean[] {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout.trimEnd().split("\n").map((line) => line === "true");
}

describe("patterns: one dialect in every language", () => {
  it("judges every string of a generated corpus as JavaScript does, in Go and in Python", () => {
    const random = seededRandom(2026);
    const pairs: { pattern: string; text: string }[] = [];
    for (const pattern of SUBSET) {
      for (let index = 0; index < 250; index++) {
        const length = Math.floor(random() * 7);
        pairs.push({ pattern, text: Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("") });
      }
    }
    const translated = SUBSET.map((pattern) => {
      const result = translatePattern(pattern);
      if (!result.ok) throw new Error(`${pattern} was refused: ${result.problems.join("; ")}`);
      return result.translation;
    });
    const write = (language: "go" | "python"): string => {
      const file = path.join(scratch, `${language}.jsonl`);
      writeFileSync(file, pairs.map((pair) => JSON.stringify({ pattern: translated[SUBSET.indexOf(pair.pattern)]?.[language], text: pair.text })).join("\n") + "\n");
      return file;
    };
    const go = run("go", ["run", "./cmd/patterns", write("go")], path.join(ROOT, "test/go"));
    const python = run(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "test/python/patterns.py"), write("python")], ROOT);
    const mismatches: string[] = [];
    let matches = 0;
    pairs.forEach((pair, index) => {
      const expected = new RegExp(pair.pattern, "u").test(pair.text);
      if (expected) matches++;
      if (go[index] !== expected || python[index] !== expected) mismatches.push(`${pair.pattern} on ${JSON.stringify(pair.text)}: JavaScript ${expected}, Go ${go[index]}, Python ${python[index]}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(10_000);
    expect(matches).toBeGreaterThan(pairs.length * 0.1);
  }, 120_000);

  it.each([
    ["(?=a)b", "lookahead"],
    ["(?<!a)b", "lookbehind"],
    ["(a)\\1", "backreference"],
    ["(?<year>\\d{4})", "named group"],
    ["\\p{L}+", "Unicode property escape"],
    ["[^]", "[^]"],
    ["a{1001}", "repeat count"],
    ["^(a+)+$", "backtrack catastrophically"],
    ["^(\\w+\\s?)*$", "backtrack catastrophically"],
    ["^(a|a)*$", "backtrack catastrophically"],
    ["^.*é.*$", "polynomial time"],
    ["^\\S+@\\S+\\.\\S+$", "polynomial time"],
  ])("refuses %s (%s)", (pattern, feature) => {
    const result = translatePattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toContain(feature);
  });

  it("refuses a pattern outside the subset at generate time, with file, line, column, the feature and the language", () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://example.com/events/probe.json",
      title: "ProbeHappened",
      description: "A probe.",
      type: "object",
      "x-kafka": { topic: "probes", key: "jobId", producers: ["a"], consumers: ["b"] },
      properties: {
        eventType: { const: "PROBE_HAPPENED", description: "Type." },
        version: { const: 1, description: "Version." },
        eventId: { type: "string", format: "uuid", description: "Id." },
        jobId: { type: "string", format: "uuid", description: "Job." },
        userId: { type: "string", pattern: "^(?=u)[a-z]+$", description: "User." },
        timestamp: { type: "string", format: "date-time", description: "When." },
        payload: { type: "object", description: "Payload.", properties: {}, additionalProperties: false },
      },
      required: ["eventType", "version", "eventId", "jobId", "userId", "timestamp", "payload"],
      additionalProperties: false,
    };
    let problems: readonly Problem[] = [];
    try {
      buildModel(parseSchemaTexts([{ file: "probe.json", text: JSON.stringify(schema, null, 2) }]));
    } catch (error) {
      if (!(error instanceof ContractProblemsError)) throw error;
      problems = error.problems;
    }
    const problem = problems.find((candidate) => candidate.code === "UNSUPPORTED_PATTERN");
    expect(problem?.pointer).toBe("/properties/userId/pattern");
    expect(problem?.position?.line).toBeGreaterThan(0);
    expect(formatProblem(problem as Problem)).toMatch(/^probe\.json:\d+:\d+ /);
    expect(problem?.message).toContain("lookahead");
    expect(problem?.message).toContain("Go's regexp (RE2)");
  });
});
