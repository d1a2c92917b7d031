import type { BooleanType, ConstType, ConstValue, EnumType, NumberType, StringType, TypeNode } from "../ir/model.js";
import { compareDecimals, decimalOf, numberOf, type Decimal } from "./decimal.js";
import { acceptsNumber, numberCandidates, numberSet, sameNumberSets, type NumberSet } from "./number-sets.js";
import { acceptsString, compareLanguages, stringLanguage, wordsLanguage, type StringLanguage } from "./string-languages.js";

/** A type that accepts plain values (no objects, arrays or null): what `compat` compares as sets of values. */
export type Scalar = StringType | NumberType | EnumType | ConstType | BooleanType;

/** A value one side accepts and the other refuses. */
export interface Witness {
  readonly value: ConstValue;
  readonly validUnder: "old" | "new";
}

export type ValueComparison =
  | { readonly kind: "equal" }
  | { readonly kind: "different"; readonly witness?: Witness }
  | { readonly kind: "undecided"; readonly reason: string };

export function isScalar(type: TypeNode): type is Scalar {
  return type.kind === "string" || type.kind === "number" || type.kind === "enum" || type.kind === "const" || type.kind === "boolean";
}

/**
 * Compares two scalar types by the values they accept, domain by domain (strings, numbers, booleans): a change
 * no value can notice is equal, whatever keywords it rewrote; otherwise a witness is looked for.
 */
export function compareValueSets(before: Scalar, after: Scalar): ValueComparison {
  if (JSON.stringify(before) === JSON.stringify(after)) return { kind: "equal" };
  const results = [compareBooleans(before, after), compareNumbers(before, after), compareStrings(before, after)];
  const different = results.filter((result) => result.kind === "different");
  if (different.length > 0) return different.find((result) => result.witness !== undefined) ?? different[0] ?? { kind: "different" };
  return results.find((result) => result.kind === "undecided") ?? { kind: "equal" };
}

function compareBooleans(before: Scalar, after: Scalar): ValueComparison {
  const [a, b] = [booleansOf(before), booleansOf(after)];
  for (const value of [false, true]) {
    if (a.includes(value) !== b.includes(value)) return { kind: "different", witness: { value, validUnder: a.includes(value) ? "old" : "new" } };
  }
  return { kind: "equal" };
}

function booleansOf(type: Scalar): readonly boolean[] {
  if (type.kind === "boolean") return [false, true];
  return type.kind === "const" && typeof type.value === "boolean" ? [type.value] : [];
}

type Numbers = { readonly kind: "finite"; readonly values: readonly Decimal[] } | NumberSet;

function numbersOf(type: Scalar): Numbers {
  if (type.kind === "number") return numberSet(type);
  return { kind: "finite", values: type.kind === "const" && typeof type.value === "number" ? [decimalOf(type.value)] : [] };
}

function acceptsDecimal(numbers: Numbers, value: Decimal): boolean {
  return numbers.kind === "finite" ? numbers.values.some((member) => compareDecimals(member, value) === 0) : acceptsNumber(numbers, value);
}

function compareNumbers(before: Scalar, after: Scalar): ValueComparison {
  const [a, b] = [numbersOf(before), numbersOf(after)];
  if (a.kind !== "finite" && b.kind !== "finite" && sameNumberSets(a, b)) return { kind: "equal" };
  const sets = [a, b].filter((numbers): numbers is NumberSet => numbers.kind !== "finite");
  const finite = [a, b].flatMap((numbers) => (numbers.kind === "finite" ? numbers.values : []));
  for (const candidate of numberCandidates(sets, finite)) {
    const [old, current] = [acceptsDecimal(a, candidate), acceptsDecimal(b, candidate)];
    if (old !== current) return { kind: "different", witness: { value: numberOf(candidate), validUnder: old ? "old" : "new" } };
  }
  // No candidate tells them apart. Finite sets are compared whole; a set of numbers against a finite one differs
  // unless it is finite too (and then a candidate, each of its members, would have told).
  if (a.kind === "finite" && b.kind === "finite") return { kind: "equal" };
  const boundedOrEmpty = (numbers: Numbers): boolean => numbers.kind === "finite" || numbers.kind === "empty" || numbers.kind === "single";
  return boundedOrEmpty(a) && boundedOrEmpty(b) ? { kind: "equal" } : { kind: "different" };
}

function compareStrings(before: Scalar, after: Scalar): ValueComparison {
  const [a, b] = [stringsOf(before), stringsOf(after)];
  if ("undecided" in a || "undecided" in b) return { kind: "undecided", reason: "undecided" in a ? a.undecided : "undecided" in b ? b.undecided : "" };
  const comparison = compareLanguages(a, b, { before: (value) => acceptsText(before, value), after: (value) => acceptsText(after, value) });
  if (comparison.kind !== "different" || comparison.witness === undefined) return comparison;
  return { kind: "different", witness: comparison.witness };
}

function stringsOf(type: Scalar): StringLanguage | { readonly undecided: string } {
  if (type.kind === "string") return stringLanguage(type);
  if (type.kind === "enum") return wordsLanguage(type.values);
  return wordsLanguage(type.kind === "const" && typeof type.value === "string" ? [type.value] : []);
}

function acceptsText(type: Scalar, value: string): boolean {
  if (type.kind === "string") return acceptsString(type, value);
  if (type.kind === "enum") return type.values.includes(value);
  return type.kind === "const" && type.value === value;
}
