import type { NumberType } from "../ir/model.js";
import { add, compareDecimals, decimalOf, half, integerStep, isMultipleOf, multiplesAround, numberOf, ONE, subtract, type Decimal } from "./decimal.js";

/**
 * The numbers a number type accepts, in one normal form, so that rewrites no event can notice compare equal:
 * `minimum: 0` and `exclusiveMinimum: -1` on an integer, an integer bound of 64 and one of 63.5, `multipleOf: 1`
 * on an integer, `integer` and `number` with `multipleOf: 1`.
 *
 * - single: one number (whatever step led to it);
 * - discrete: the multiples of `step` from `low` to `high` (each a multiple; absent when unbounded);
 * - dense: every number between two bounds, each inclusive or exclusive.
 */
export type NumberSet =
  | { readonly kind: "empty" }
  | { readonly kind: "single"; readonly value: Decimal }
  | { readonly kind: "discrete"; readonly step: Decimal; readonly low?: Decimal; readonly high?: Decimal }
  | { readonly kind: "dense"; readonly low?: Bound; readonly high?: Bound };

interface Bound {
  readonly value: Decimal;
  readonly exclusive: boolean;
}

export function numberSet(type: NumberType): NumberSet {
  const multiple = type.multipleOf === undefined ? undefined : decimalOf(type.multipleOf);
  // Integers that are multiples of m are multiples of one integer step; multiples of an integer are integers.
  const integral = type.integer || (multiple !== undefined && multiple.exponent >= 0);
  const step = integral ? (multiple === undefined ? ONE : integerStep(multiple)) : multiple;
  const low = tighter(bound(type.minimum, false), bound(type.exclusiveMinimum, true), 1);
  const high = tighter(bound(type.maximum, false), bound(type.exclusiveMaximum, true), -1);
  if (step === undefined) {
    if (low !== undefined && high !== undefined) {
      const order = compareDecimals(low.value, high.value);
      if (order > 0 || (order === 0 && (low.exclusive || high.exclusive))) return { kind: "empty" };
      if (order === 0) return { kind: "single", value: low.value };
    }
    return { kind: "dense", ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
  }
  const first = low === undefined ? undefined : firstMultiple(low, step, 1);
  const last = high === undefined ? undefined : firstMultiple(high, step, -1);
  if (first !== undefined && last !== undefined) {
    const order = compareDecimals(first, last);
    if (order > 0) return { kind: "empty" };
    // One value: its step says nothing more.
    if (order === 0) return { kind: "single", value: first };
  }
  return { kind: "discrete", step, ...(first === undefined ? {} : { low: first }), ...(last === undefined ? {} : { high: last }) };
}

function bound(value: number | undefined, exclusive: boolean): Bound | undefined {
  return value === undefined ? undefined : { value: decimalOf(value), exclusive };
}

/** Of two lower (direction 1) or upper (-1) bounds, the one that excludes more. */
function tighter(a: Bound | undefined, b: Bound | undefined, direction: 1 | -1): Bound | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const order = compareDecimals(a.value, b.value) * direction;
  if (order !== 0) return order > 0 ? a : b;
  return a.exclusive ? a : b;
}

/** The least multiple of `step` inside a lower bound (direction 1), or the greatest inside an upper one. */
function firstMultiple(bound: Bound, step: Decimal, direction: 1 | -1): Decimal {
  const [below, above] = multiplesAround(bound.value, step);
  const candidate = direction === 1 ? above : below;
  if (!bound.exclusive || compareDecimals(candidate, bound.value) !== 0) return candidate;
  return direction === 1 ? add(candidate, step) : subtract(candidate, step);
}

export function acceptsNumber(set: NumberSet, value: Decimal): boolean {
  switch (set.kind) {
    case "empty":
      return false;
    case "single":
      return compareDecimals(value, set.value) === 0;
    case "discrete":
      return isMultipleOf(value, set.step) && (set.low === undefined || compareDecimals(value, set.low) >= 0) && (set.high === undefined || compareDecimals(value, set.high) <= 0);
    case "dense": {
      const above = set.low === undefined || compareDecimals(value, set.low.value) > (set.low.exclusive ? 0 : -1);
      const below = set.high === undefined || compareDecimals(value, set.high.value) < (set.high.exclusive ? 0 : 1);
      return above && below;
    }
  }
}

export function sameNumberSets(a: NumberSet, b: NumberSet): boolean {
  return JSON.stringify(a, bigintAsText) === JSON.stringify(b, bigintAsText);
}

function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * Numbers near every place where either set starts, ends or steps: where two sets differ, they differ at one of
 * these (a bound of one inside the other, past it by a step or a fraction, or a multiple of one step and not
 * the other). In a fixed order, so that the counterexample found is the same on every run.
 */
export function numberCandidates(sets: readonly NumberSet[], values: readonly Decimal[] = []): Decimal[] {
  const points: Decimal[] = [{ digits: 0n, exponent: 0 }, ...values];
  const steps: Decimal[] = [ONE];
  let finest = 0;
  for (const set of sets) {
    if (set.kind === "discrete") {
      steps.push(set.step);
      for (const point of [set.low, set.high]) if (point !== undefined) points.push(point);
    }
    if (set.kind === "single") points.push(set.value);
    if (set.kind === "dense") for (const point of [set.low?.value, set.high?.value]) if (point !== undefined) points.push(point);
  }
  for (const value of [...points, ...steps]) finest = Math.min(finest, value.exponent);
  const fraction: Decimal = { digits: 1n, exponent: finest - 1 };
  const offsets = [fraction, ...steps, ...steps.map(half)];
  const candidates = new Map<string, Decimal>();
  const push = (value: Decimal): void => {
    candidates.set(`${value.digits}e${value.exponent}`, value);
  };
  for (const point of points) {
    push(point);
    for (const offset of offsets) {
      push(add(point, offset));
      push(subtract(point, offset));
    }
    for (const step of steps) for (const multiple of multiplesAround(point, step)) push(multiple);
  }
  return [...candidates.values()];
}

export { decimalOf, numberOf };
