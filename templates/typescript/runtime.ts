// Runtime support shared by the generated validators and factories. Static: copied as is from the
// event-contracts templates, with no schema text in it.

/** One reason a value does not satisfy its contract. */
export interface ValidationError {
  /** JSON Pointer (RFC 6901) to the offending value; "" is the event itself. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. "required", "maxLength", "format". */
  readonly keyword: string;
  /** What is wrong, for people. */
  readonly message: string;
}

/**
 * The outcome of a validation: the typed value, or every problem found.
 *
 * @example
 * const result = validateEvent(JSON.parse(text));
 * if (result.ok) route(result.value);
 * else console.error(result.errors);
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** How strictly to validate. */
export interface ValidationOptions {
  /**
   * "reject" (the default) makes unknown properties errors: producers publish exactly the contract.
   * "allow" ignores them: a consumer on an older package keeps working when producers add optional fields.
   */
  readonly unknownProperties?: "reject" | "allow";
}

/** Thrown by `assert*` functions and factories when a value breaks its contract; lists every problem. */
export class ContractValidationError extends Error {
  readonly code: "CONTRACT_VALIDATION" = "CONTRACT_VALIDATION";
  readonly eventType: string | undefined;
  readonly errors: readonly ValidationError[];

  constructor(eventType: string | undefined, errors: readonly ValidationError[]) {
    const subject = eventType === undefined ? "event" : eventType + " event";
    const lines = errors.map(
      (error) => "  " + (error.pointer === "" ? "/" : error.pointer) + ": " + error.message,
    );
    super(
      "invalid " +
        subject +
        " (" +
        errors.length +
        (errors.length === 1 ? " problem" : " problems") +
        "):\n" +
        lines.join("\n"),
    );
    this.name = "ContractValidationError";
    this.eventType = eventType;
    this.errors = errors;
  }
}

/** Records one problem; the generated validators call it on their error paths only. */
export function fail(
  errors: ValidationError[],
  pointer: string,
  keyword: string,
  message: string,
): void {
  errors.push({ pointer, keyword, message });
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** String length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
  }
  return length;
}

/** Escapes one JSON Pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

// --- What every language can hold. A document is refused as a whole (one error, pointer "", keyword
// "json") when it is not JSON, nests containers deeper than MAX_DEPTH, holds a number that is not a finite
// double, or a string with a lone surrogate: the Go and Python packages cannot read such a document the way
// JavaScript does, so no package accepts it. The generated checks look for these problems only where they
// look anyway, on values they reject, and inside unknown properties, so valid events pay nothing for it.

/** Containers (objects and arrays) may nest at most this deep; the event itself is level 1. */
export const MAX_DEPTH: number = 64;

/** The message of each problem of a document, as every package reports it. */
export const DOCUMENT_PROBLEMS: Readonly<Record<"syntax" | "depth" | "number" | "text", string>> = {
  syntax: "is not valid JSON (RFC 8259, UTF-8, no byte order mark)",
  depth: "nests objects and arrays deeper than " + MAX_DEPTH + " levels",
  number: "holds a number that does not fit a finite IEEE-754 double",
  text: "holds a string with a lone surrogate escape (\\uD800-\\uDFFF without its pair)",
};

export type DocumentProblem = keyof typeof DOCUMENT_PROBLEMS;

/** Ranks problems as every package does when a document has several: the first in this list wins. */
const DOCUMENT_RANK: readonly DocumentProblem[] = ["syntax", "depth", "number", "text"];

/** Whether a string is well-formed UTF-16 (no lone surrogate), so that UTF-8 can carry it. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** The worst problem of a value nested at `depth` (a container's own level), or undefined. */
export function documentProblem(value: unknown, depth: number): DocumentProblem | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "number";
  if (typeof value === "string") return isWellFormed(value) ? undefined : "text";
  if (typeof value !== "object" || value === null) return undefined;
  if (depth > MAX_DEPTH) return "depth";
  let worst: DocumentProblem | undefined;
  const consider = (problem: DocumentProblem | undefined): void => {
    if (
      problem !== undefined &&
      (worst === undefined || DOCUMENT_RANK.indexOf(problem) < DOCUMENT_RANK.indexOf(worst))
    )
      worst = problem;
  };
  if (Array.isArray(value)) {
    for (const item of value) consider(documentProblem(item, depth + 1));
  } else {
    for (const key in value) {
      if (!isWellFormed(key)) consider("text");
      consider(documentProblem((value as Record<string, unknown>)[key], depth + 1));
    }
  }
  return worst;
}

/** Records a problem of the document itself. */
export function failDocument(errors: ValidationError[], problem: DocumentProblem): void {
  errors.push({ pointer: "", keyword: "json", message: DOCUMENT_PROBLEMS[problem] });
}

/**
 * Records that `value` (at `depth`) failed a check: as that failure, or as a problem of the document when the
 * value holds one, exactly as the Go and Python packages would have found it while reading the document.
 */
export function reject(
  errors: ValidationError[],
  pointer: string,
  keyword: string,
  message: string,
  value: unknown,
  depth: number,
): void {
  const problem = documentProblem(value, depth);
  if (problem === undefined) errors.push({ pointer, keyword, message });
  else failDocument(errors, problem);
}

/**
 * Reports the unknown properties of an object (at `depth`), in code-point order of their names: errors for
 * producers, and for everyone a look inside them for problems of the document.
 */
export function unknownProperties(
  errors: ValidationError[],
  path: string,
  object: Record<string, unknown>,
  keys: string[],
  tolerant: boolean,
  depth: number,
): void {
  keys.sort(compareCodePoints);
  for (const key of keys) {
    const problem = isWellFormed(key) ? documentProblem(object[key], depth + 1) : "text";
    if (problem !== undefined) failDocument(errors, problem);
    else if (!tolerant)
      errors.push({
        pointer: path + "/" + escapePointer(key),
        keyword: "additionalProperties",
        message: "is not a property of this contract",
      });
  }
}

/** The errors to report: one problem of the document, the worst, replaces everything else. */
export function settle(errors: ValidationError[]): ValidationError[] {
  let worst: ValidationError | undefined;
  for (const error of errors) {
    if (error.keyword !== "json") continue;
    const rank = (candidate: ValidationError): number =>
      DOCUMENT_RANK.findIndex((problem) => DOCUMENT_PROBLEMS[problem] === candidate.message);
    if (worst === undefined || rank(error) < rank(worst)) worst = error;
  }
  return worst === undefined ? errors : [worst];
}

/** Code-point order (JavaScript's `<` compares UTF-16 units, which sorts characters above U+FFFF wrongly). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.codePointAt(index) ?? 0;
    const right = b.codePointAt(index) ?? 0;
    if (left !== right) return left - right;
    if (left > 0xffff) index++;
  }
  return a.length - b.length;
}

/** The keys of a map, in code-point order, so that errors come out in the same order in every language. */
export function sortedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).sort(compareCodePoints);
}

/**
 * Whether `value` is a multiple of `divisor`, exactly, on the decimal numbers they are written as: 19.99 is a
 * multiple of 0.01 (a floating-point remainder, as ajv computes it, says it is not).
 */
export function isMultipleOf(value: number, divisor: number): boolean {
  if (Number.isSafeInteger(value) && Number.isSafeInteger(divisor)) return value % divisor === 0;
  const [valueDigits, valueExponent] = decimalOf(value);
  const [divisorDigits, divisorExponent] = decimalOf(divisor);
  const exponent = Math.min(valueExponent, divisorExponent);
  const scaledValue = valueDigits * 10n ** BigInt(valueExponent - exponent);
  const scaledDivisor = divisorDigits * 10n ** BigInt(divisorExponent - exponent);
  return scaledValue % scaledDivisor === 0n;
}

/** A finite number as digits x 10^exponent, from its shortest round-trip spelling. */
function decimalOf(value: number): [bigint, number] {
  const [mantissa = "0", exponent = "0"] = String(value).split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  return [BigInt(whole + fraction), Number(exponent) - fraction.length];
}

// TextDecoder is in every runtime the package supports (Node.js, Deno, Bun, browsers) but in no TypeScript
// lib the package compiles against without DOM or Node.js types, so it is looked up and typed here.
const Utf8Decoder = (
  globalThis as unknown as {
    TextDecoder: new (
      label: string,
      options: { fatal: boolean; ignoreBOM: boolean },
    ) => { decode(data: Uint8Array): string };
  }
).TextDecoder;

/**
 * Reads an event's JSON as every package does: UTF-8 without a byte order mark (bytes are decoded strictly),
 * then JSON.parse. Returns undefined when the input is not JSON.
 */
export function parseJson(data: string | Uint8Array): { value: unknown } | undefined {
  try {
    const text =
      typeof data === "string"
        ? data
        : new Utf8Decoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The error of input that is not JSON. */
export function syntaxErrors(): ValidationError[] {
  return [{ pointer: "", keyword: "json", message: DOCUMENT_PROBLEMS.syntax }];
}

/** Freezes a value and everything inside it, so a published event cannot be changed afterwards. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Moves a property to its new name, in the object at `parent` (an automatic upcast step). */
export function renameProperty(
  target: Record<string, unknown>,
  parent: readonly string[],
  from: string,
  to: string,
): void {
  const object = objectAt(target, parent);
  if (object === undefined || !Object.hasOwn(object, from)) return;
  Object.defineProperty(object, to, {
    value: object[from],
    enumerable: true,
    writable: true,
    configurable: true,
  });
  delete object[from];
}

/** Fills in a property an older version lacks, in the object at `parent` (an automatic upcast step). */
export function defaultProperty(
  target: Record<string, unknown>,
  parent: readonly string[],
  property: string,
  value: unknown,
): void {
  const object = objectAt(target, parent);
  if (object === undefined || Object.hasOwn(object, property)) return;
  Object.defineProperty(object, property, {
    value: JSON.parse(JSON.stringify(value)) as unknown,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function objectAt(
  target: Record<string, unknown>,
  path: readonly string[],
): Record<string, unknown> | undefined {
  let current: unknown = target;
  for (const key of path)
    current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
  return isObject(current) ? current : undefined;
}

// The JSON text of each event a factory made. Such an event is deeply frozen and was validated when it was
// made, so publishing it needs neither a second validation nor a second serialization.
const madeByFactory = new WeakMap<object, string>();

/** Records the wire text of a frozen, validated event (factories call it). */
export function rememberWire<T extends object>(event: T, json: string): T {
  madeByFactory.set(event, json);
  return event;
}

/** The wire text of an event made by a factory, or undefined for any other value. */
export function wireOf(event: object): string | undefined {
  return madeByFactory.get(event);
}

/** A random UUID from the platform's Web Crypto (Node.js 19+, Deno, Bun, browsers). */
export function newEventId(): string {
  const webCrypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (webCrypto?.randomUUID === undefined) {
    throw new Error(
      "crypto.randomUUID is not available; pass the envelope's UUIDs to the factory explicitly",
    );
  }
  return webCrypto.randomUUID();
}

/** The current time as an RFC 3339 UTC timestamp with milliseconds. */
export function nowTimestamp(): string {
  return new Date().toISOString();
}

// The format checks below give the same verdicts as ajv-formats 3 in "full" mode (MIT licence), the
// reference the generated validators are tested against. They are restructured for speed: a date-time in the
// shape producers write takes an allocation-free fast path that only ever says yes when the exact check would,
// and everything else takes the exact path; the UUID expression is unrolled because V8 runs counted
// quantifiers such as {12} about twice as slowly as the same characters written out.

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DATE_TIME =
  /^(\d\d\d\d)-(\d\d)-(\d\d)[t\s](\d\d):(\d\d):(\d\d(?:\.\d+)?)(?:z|([+-])(\d\d)(?::?(\d\d))?)$/i;
const DATE_TIME_COMMON = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;
const HEX = "[0-9a-f]";
const UUID = new RegExp(
  `^(?:urn:uuid:)?${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}$`,
  "i",
);
const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function isValidDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0))
  );
}

/** RFC 3339 full-date, calendar-checked: 2024-02-29 is a date, 2023-02-29 is not. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function twoDigits(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) * 10 + (text.charCodeAt(index + 1) - 48);
}

/** RFC 3339 date-time with a required offset, calendar-checked, leap seconds only at 23:59:60 UTC. */
export function isDateTime(text: string): boolean {
  if (DATE_TIME_COMMON.test(text)) {
    const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    const end = text.length;
    const utc = text.charCodeAt(end - 1) === 90; // "Z"
    if (
      twoDigits(text, 11) <= 23 &&
      twoDigits(text, 14) <= 59 &&
      twoDigits(text, 17) <= 59 &&
      isValidDate(year, twoDigits(text, 5), twoDigits(text, 8)) &&
      (utc || (twoDigits(text, end - 5) <= 23 && twoDigits(text, end - 2) <= 59))
    ) {
      return true;
    }
  }
  return isDateTimeExact(text);
}

function isDateTimeExact(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3])))
    return false;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const sign = match[7] === "-" ? -1 : 1;
  const offsetHour = Number(match[8] ?? 0);
  const offsetMinute = Number(match[9] ?? 0);
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (
    (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61
  );
}

/** RFC 4122 UUID, optionally as a urn:uuid: URN. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** RFC 3986 absolute URI. */
export function isUri(text: string): boolean {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}
