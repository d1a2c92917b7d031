import { DFA, JS, NFA, Transformers, transform, type CharSet } from "refa";
import type { StringFormat, StringType } from "../ir/model.js";
import { isDate, isDateTime, isUri, isUuid } from "../../templates/typescript/runtime.js";

/**
 * The strings a string type accepts, as a regular language (refa's finite automata over code points, built from
 * the patterns by its parser of JavaScript regular expressions), so that two types can be compared by what
 * they accept: `(-x)?` and `(?:-x)?`, `[0-9]{3}` and `\d{3}`, a `maxLength` the pattern already implies, a
 * `format: uuid` beside a pattern that only allows lower-case UUIDs.
 *
 * The pattern (JSON Schema's: found anywhere in the string), the length bounds (in code points) and the format
 * are intersected. `uuid` is a regular language and is written as one; `date`, `date-time` and `uri` are not
 * exactly (a calendar, an RFC's grammar), so they are drawn as their shape and the language is marked
 * inexact: two types with the same such format compare exactly (the same check cuts both), and a string one
 * accepts and the other refuses is only a witness once the formats' own checks agree.
 */
export interface StringLanguage {
  readonly dfa: DFA;
  readonly format?: StringFormat;
}

export type LanguageComparison =
  | { readonly kind: "equal" }
  | { readonly kind: "different"; readonly witness?: { readonly value: string; readonly validUnder: "old" | "new" } }
  | { readonly kind: "undecided"; readonly reason: string };

/** A generous bound on automaton sizes: a pattern past it is compared as text, and said to be. */
const MAX_NODES = 20_000;

const SHAPES: Readonly<Record<StringFormat, string>> = {
  uuid: "^(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  date: "^\\d{4}-\\d\\d-\\d\\d$",
  "date-time": "^\\d{4}-\\d\\d-\\d\\d[Tt ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$",
  uri: "^[A-Za-z][A-Za-z0-9+.-]*:[^]*$",
};
const FORMAT_CHECKS: Readonly<Record<StringFormat, (text: string) => boolean>> = { uuid: isUuid, date: isDate, "date-time": isDateTime, uri: isUri };
const EXACT_FORMATS: ReadonlySet<StringFormat> = new Set(["uuid"]);

/** The language of a string type, or why it cannot be built. */
export function stringLanguage(type: StringType): StringLanguage | { readonly undecided: string } {
  try {
    const parts = [searchLanguage(type.pattern ?? "")];
    // A minLength above the maxLength accepts no string at all (a regular expression cannot write that range).
    if ((type.minLength ?? 0) > (type.maxLength ?? Infinity)) return wordsLanguage([]);
    if (type.minLength !== undefined || type.maxLength !== undefined) parts.push(full(`[^]{${type.minLength ?? 0},${type.maxLength ?? ""}}`));
    if (type.format !== undefined) parts.push(searchLanguage(SHAPES[type.format]));
    let dfa = parts[0] as DFA;
    for (const part of parts.slice(1)) dfa = DFA.fromIntersection(dfa, part, new DFA.LimitedNodeFactory(MAX_NODES));
    dfa.minimize();
    return { dfa, ...(type.format === undefined ? {} : { format: type.format }) };
  } catch (error) {
    return { undecided: `the pattern could not be made a finite automaton (${(error as Error).message})` };
  }
}

/** The language of a finite set of strings (an enum, a constant). */
export function wordsLanguage(words: readonly string[]): StringLanguage {
  const dfa = DFA.fromWords(words.map((word) => [...word].map((character) => character.codePointAt(0) ?? 0)), { maxCharacter: 0x10ffff });
  dfa.minimize();
  return { dfa };
}

export function acceptsString(type: StringType, value: string): boolean {
  const length = [...value].length;
  if (type.minLength !== undefined && length < type.minLength) return false;
  if (type.maxLength !== undefined && length > type.maxLength) return false;
  if (type.pattern !== undefined && !new RegExp(type.pattern, "u").test(value)) return false;
  return type.format === undefined || FORMAT_CHECKS[type.format](value);
}

/**
 * Equal, or a string that one accepts and the other refuses (checked with `accepts` on both sides, which knows
 * the formats exactly), or undecided.
 */
export function compareLanguages(before: StringLanguage, after: StringLanguage, accepts: { readonly before: (value: string) => boolean; readonly after: (value: string) => boolean }): LanguageComparison {
  const exact = (language: StringLanguage): boolean => language.format === undefined || EXACT_FORMATS.has(language.format);
  const sameCut = before.format === after.format;
  // Equality is decided by the two differences being empty, not by refa's structurallyEqual: on two minimal
  // DFAs of `^-?\d+$`, one of them cut to two characters or more, it answered true (the compat corpus test
  // found it), which would have hidden a break.
  const differences = [...differenceWords(before.dfa, after.dfa), ...differenceWords(after.dfa, before.dfa)];
  if (differences.length === 0 && (sameCut || (exact(before) && exact(after)))) return { kind: "equal" };
  for (const value of differences) {
    const [old, current] = [accepts.before(value), accepts.after(value)];
    if (old !== current) return { kind: "different", witness: { value, validUnder: old ? "old" : "new" } };
  }
  if (exact(before) && exact(after)) return differences.length === 0 ? { kind: "equal" } : { kind: "different" };
  return { kind: "undecided", reason: `the languages differ only in their shape of format ${before.format ?? after.format ?? ""}, which no string found tells apart` };
}

/** A few strings of `a` that `b` does not accept, shortest first. */
function differenceWords(a: DFA, b: DFA): string[] {
  const complement = b.copy();
  complement.complement();
  const difference = DFA.fromIntersection(a, complement, new DFA.LimitedNodeFactory(MAX_NODES));
  if (difference.isEmpty) return [];
  const words: string[] = [];
  for (const wordSet of difference.wordSets()) {
    words.push(String.fromCodePoint(...wordSet.map(pickCharacter)));
    if (words.length >= 8) break;
  }
  return words;
}

/**
 * The most readable character of a set: a letter, a digit (1 before 0, so that a date's month and day are
 * real ones), printable ASCII, then anything but a surrogate.
 */
function pickCharacter(set: CharSet): number {
  for (const [low, high] of [[0x61, 0x7a], [0x31, 0x39], [0x30, 0x30], [0x41, 0x5a], [0x20, 0x7e], [0xa0, 0xd7ff], [0xe000, 0x10ffff], [0, 0x1f]] as const) {
    for (const range of set.ranges) {
      const start = Math.max(low, range.min);
      if (start <= Math.min(high, range.max)) return start;
    }
  }
  return set.ranges[0]?.min ?? 0x61;
}

/** The strings in which the pattern is found (JSON Schema's `pattern`), anchors and word boundaries applied. */
function searchLanguage(pattern: string): DFA {
  return full(`[^]*(?:${pattern})[^]*`);
}

/**
 * refa's simplifier applies the assertions it can (`^`, `$`, `\b` inside the pattern) and leaves the others at
 * the pattern's edges, where they look at characters outside the whole string, of which there are none: there a
 * negated assertion (`(?<![^])`, `(?!\w)`) always holds and is dropped, and a positive one never would, so a
 * pattern that keeps one is not decided (none of the subset every language runs is expected to).
 */
function full(source: string): DFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: "u" }).parse();
  const applied = transform(Transformers.simplify(), expression);
  if (hasPositiveAssertion(applied)) throw new Error("an assertion that looks past the string's ends remains");
  const simplified = transform(Transformers.patternEdgeAssertions({ remove: true }), applied);
  const dfa = DFA.fromFA(NFA.fromRegex(simplified, { maxCharacter }, { assertions: "throw" }, new NFA.LimitedNodeFactory(MAX_NODES)), new DFA.LimitedNodeFactory(MAX_NODES));
  dfa.minimize();
  return dfa;
}

interface AstNode {
  readonly type: string;
  readonly negate?: boolean;
  readonly alternatives?: readonly AstNode[];
  readonly elements?: readonly AstNode[];
}

function hasPositiveAssertion(node: AstNode): boolean {
  if (node.type === "Assertion" && node.negate !== true) return true;
  return [...(node.alternatives ?? []), ...(node.elements ?? [])].some(hasPositiveAssertion);
}
