/**
 * Exact decimal arithmetic for the numbers a schema writes (bounds, `multipleOf`, constants): `digits × 10^exponent`.
 * Binary floating point cannot say whether 0.3 is a multiple of 0.1; the contracts' rule is exact on the decimal
 * numbers written, and so is this.
 */
export interface Decimal {
  readonly digits: bigint;
  readonly exponent: number;
}

export function decimalOf(value: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (match === null) throw new Error(`internal error: ${value} is not a finite number`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = match;
  return normalized({ digits: BigInt(`${sign}${whole}${fraction}`), exponent: Number(exponent) - fraction.length });
}

/** The same value with no trailing zeros in its digits, so that equal values have equal representations. */
function normalized(value: Decimal): Decimal {
  let { digits, exponent } = value;
  if (digits === 0n) return { digits: 0n, exponent: 0 };
  while (digits % 10n === 0n) {
    digits /= 10n;
    exponent += 1;
  }
  return { digits, exponent };
}

/** Both values' digits at one exponent (the smaller). */
function aligned(a: Decimal, b: Decimal): readonly [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.digits * 10n ** BigInt(a.exponent - exponent), b.digits * 10n ** BigInt(b.exponent - exponent), exponent];
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = aligned(a, b);
  return normalized({ digits: x + y, exponent });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { digits: -b.digits, exponent: b.exponent });
}

export function half(a: Decimal): Decimal {
  return normalized({ digits: a.digits * 5n, exponent: a.exponent - 1 });
}

export function isMultipleOf(value: Decimal, step: Decimal): boolean {
  const [x, y] = aligned(value, step);
  return y !== 0n && x % y === 0n;
}

/** The multiples of `step` nearest to `value`: the greatest at most it, and the least at least it. */
export function multiplesAround(value: Decimal, step: Decimal): readonly [Decimal, Decimal] {
  const [x, y, exponent] = aligned(value, step);
  const below = x >= 0n ? (x / y) * y : x % y === 0n ? x : (x / y - 1n) * y;
  const above = below === x ? x : below + y;
  return [normalized({ digits: below, exponent }), normalized({ digits: above, exponent })];
}

/**
 * The step of the integers that are multiples of `step`: with `step` = d × 10^-k, an integer x is a multiple of
 * it when d divides x × 10^k, so when d / gcd(d, 10^k) divides x.
 */
export function integerStep(step: Decimal): Decimal {
  if (step.exponent >= 0) return step;
  const power = 10n ** BigInt(-step.exponent);
  const magnitude = step.digits < 0n ? -step.digits : step.digits;
  return normalized({ digits: magnitude / gcd(magnitude, power), exponent: 0 });
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

export const ONE: Decimal = { digits: 1n, exponent: 0 };

/** As a JavaScript number, through its decimal text (exact whenever the number is representable). */
export function numberOf(value: Decimal): number {
  return Number(`${value.digits}e${value.exponent}`);
}
