/**
 * Schema patterns, one dialect for every target: ECMAScript with the `u` flag, restricted to what TypeScript,
 * Go (RE2) and Python (re) run with the same meaning. A pattern is parsed once (with ESLint's regexpp), every
 * feature outside the subset is refused with the reason, and the Go and Python spellings are printed from the
 * syntax tree, never patched as text: every character class becomes explicit code-point ranges, so `\d`,
 * `\s`, `\w`, `.` and negated classes mean exactly what ECMAScript says in every language. A pattern that can
 * backtrack catastrophically is refused too (recheck decides), because the TypeScript and Python engines
 * backtrack.
 */
import { createRequire } from "node:module";
import { RegExpParser, type AST } from "@eslint-community/regexpp";
import type { checkSync } from "recheck";

/** RE2 refuses repeat counts above 1000. */
const GO_REPEAT_LIMIT = 1000;
const MAX_CODE_POINT = 0x10ffff;

type Range = readonly [number, number];

/** ECMAScript's \s: WhiteSpace and LineTerminator. */
const SPACE: readonly Range[] = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const DIGIT: readonly Range[] = [[0x30, 0x39]];
const WORD: readonly Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const LINE_TERMINATORS: readonly Range[] = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];

export interface PatternTranslation {
  /** For Go's regexp (RE2 syntax), unanchored search. */
  readonly go: string;
  /** For Python's re, compiled with re.ASCII (so that \b is ECMAScript's ASCII word boundary). */
  readonly python: string;
  /** Whether every string the pattern matches is ASCII throughout (so it holds no lone surrogate). */
  readonly asciiOnly: boolean;
}

export type PatternResult =
  | { readonly ok: true; readonly translation: PatternTranslation }
  /** `invalid`: not an ECMAScript pattern at all; otherwise outside the subset, or a backtracking risk. */
  | { readonly ok: false; readonly invalid: boolean; readonly problems: readonly string[] };

function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else out.push([low, high]);
  }
  return out;
}

/** Every code point not in `ranges`, leaving out the surrogates (no valid string holds one alone). */
function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [low, high] of normalize([...ranges, [0xd800, 0xdfff]])) {
    if (low > next) out.push([next, low - 1]);
    next = Math.max(next, high + 1);
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function goCharacter(code: number): string {
  return /[A-Za-z0-9]/.test(String.fromCodePoint(code)) ? String.fromCodePoint(code) : `\\x{${code.toString(16)}}`;
}

function pythonCharacter(code: number): string {
  if (/[A-Za-z0-9]/.test(String.fromCodePoint(code))) return String.fromCodePoint(code);
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

class Translator {
  readonly problems: string[] = [];
  /** The largest code point any part of the pattern matches. */
  highest = 0;

  constructor(private readonly character: (code: number) => string, private readonly end: string) {}

  private refuse(feature: string, why: string): string {
    this.problems.push(`${feature}: ${why}`);
    return "";
  }

  private ranges(ranges: readonly Range[]): string {
    const normalized = normalize(ranges);
    for (const [, high] of normalized) this.highest = Math.max(this.highest, high);
    if (normalized.length === 0) return `[^${this.character(0)}-${this.character(MAX_CODE_POINT)}]`;
    return `[${normalized.map(([low, high]) => (low === high ? this.character(low) : `${this.character(low)}-${this.character(high)}`)).join("")}]`;
  }

  private setRanges(set: AST.CharacterSet): Range[] | undefined {
    if (set.kind === "property") {
      this.refuse(`the Unicode property escape ${set.raw}`, "Python's re has no Unicode property classes");
      return undefined;
    }
    const base = set.kind === "any" ? complement(LINE_TERMINATORS) : set.kind === "digit" ? DIGIT : set.kind === "space" ? SPACE : WORD;
    return set.kind !== "any" && set.negate ? complement(base) : [...base];
  }

  pattern(pattern: AST.Pattern): string {
    return this.alternatives(pattern.alternatives);
  }

  private alternatives(alternatives: readonly AST.Alternative[]): string {
    return alternatives.map((alternative) => alternative.elements.map((element) => this.element(element)).join("")).join("|");
  }

  private element(element: AST.Element): string {
    switch (element.type) {
      case "Assertion":
        if (element.kind === "start") return "^";
        if (element.kind === "end") return this.end;
        if (element.kind === "word") return element.negate ? "\\B" : "\\b";
        return this.refuse(`the ${element.kind} assertion ${element.raw}`, "Go's regexp (RE2) has no lookaround");
      case "Quantifier": {
        const limit = Math.max(element.min, element.max === Infinity ? 0 : element.max);
        if (limit > GO_REPEAT_LIMIT) return this.refuse(`the repeat count in ${element.raw}`, `Go's regexp (RE2) allows at most ${GO_REPEAT_LIMIT}`);
        const body = this.element(element.element);
        const count = element.max === Infinity ? (element.min === 0 ? "*" : element.min === 1 ? "+" : `{${element.min},}`) : element.min === 0 && element.max === 1 ? "?" : element.min === element.max ? `{${element.min}}` : `{${element.min},${element.max}}`;
        return `${body}${count}${element.greedy ? "" : "?"}`;
      }
      case "Group":
        if (element.modifiers !== null) return this.refuse(`the modifier group ${element.raw}`, "Python's re and Go's regexp do not read ECMAScript modifiers the same way");
        return `(?:${this.alternatives(element.alternatives)})`;
      case "CapturingGroup":
        if (element.name !== null) return this.refuse(`the named group (?<${element.name}>...)`, "Go and Python spell named groups differently; use a plain group");
        return `(?:${this.alternatives(element.alternatives)})`;
      case "Backreference":
        return this.refuse(`the backreference ${element.raw}`, "Go's regexp (RE2) has no backreferences");
      case "Character":
        this.highest = Math.max(this.highest, element.value);
        return this.character(element.value);
      case "CharacterSet": {
        const ranges = this.setRanges(element);
        return ranges === undefined ? "" : this.ranges(ranges);
      }
      case "CharacterClass":
        return this.characterClass(element);
      case "ExpressionCharacterClass":
        return this.refuse(`the class expression ${element.raw}`, "only the u flag is supported");
    }
  }

  private characterClass(node: AST.CharacterClass): string {
    if (node.elements.length === 0) return this.refuse(node.negate ? "the class [^]" : "the empty class []", "write what it means instead: [\\s\\S] for any character");
    const ranges: Range[] = [];
    for (const element of node.elements) {
      if (element.type === "Character") ranges.push([element.value, element.value]);
      else if (element.type === "CharacterClassRange") ranges.push([element.min.value, element.max.value]);
      else if (element.type === "CharacterSet") ranges.push(...(this.setRanges(element) ?? []));
      else return this.refuse(`the class element ${element.raw}`, "only the u flag is supported");
    }
    return this.ranges(node.negate ? complement(ranges) : ranges);
  }
}

const cache = new Map<string, PatternResult>();

/**
 * Checks a schema pattern against the subset and prints it for Go and Python; the problems say which
 * feature and which language. Results are cached: patterns repeat across schemas and versions.
 */
export function translatePattern(source: string): PatternResult {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const result = translate(source);
  cache.set(source, result);
  return result;
}

function translate(source: string): PatternResult {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch (error) {
    return { ok: false, invalid: true, problems: [`not a valid regular expression (ECMAScript, u flag): ${(error as Error).message}`] };
  }
  const go = new Translator(goCharacter, "$");
  const python = new Translator(pythonCharacter, "\\Z");
  const translation = { go: go.pattern(ast), python: python.pattern(ast), asciiOnly: false };
  // Only a pattern anchored at both ends says something of every character of a matching string.
  const only = ast.alternatives.length === 1 ? ast.alternatives[0]?.elements : undefined;
  const first = only?.[0];
  const last = only?.[only.length - 1];
  const anchored = first?.type === "Assertion" && first.kind === "start" && last?.type === "Assertion" && last.kind === "end";
  translation.asciiOnly = anchored && go.highest <= 0x7f;
  const problems = [...new Set([...go.problems, ...python.problems])];
  // The risk is only worth deciding for a pattern the targets could run at all.
  const redos = problems.length === 0 ? backtrackingRisk(source) : undefined;
  if (redos !== undefined) problems.push(redos);
  return problems.length > 0 ? { ok: false, invalid: false, problems } : { ok: true, translation };
}

let recheck: typeof checkSync | undefined;

/**
 * recheck's verdict on catastrophic backtracking, in process (its pure-JavaScript backend). recheck is large,
 * so it is loaded on the first pattern, not when a command that never meets one starts.
 */
function backtrackingRisk(source: string): string | undefined {
  process.env["RECHECK_SYNC_BACKEND"] ??= "pure";
  recheck ??= (createRequire(import.meta.url)("recheck") as { checkSync: typeof checkSync }).checkSync;
  const diagnostics = recheck(source, "u", { timeout: 10_000 });
  if (diagnostics.status !== "vulnerable") return undefined;
  const attack = diagnostics.attack.string.length > 40 ? `${JSON.stringify(diagnostics.attack.string.slice(0, 40))}...` : JSON.stringify(diagnostics.attack.string);
  return `it can backtrack catastrophically (${diagnostics.complexity.type} time, e.g. on ${attack}), a denial-of-service risk for the TypeScript and Python validators: rewrite it so that no text can be matched in more than one way by nested or adjacent repeats`;
}
