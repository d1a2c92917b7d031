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
    const lines = errors.map((error) => "  " + (error.pointer === "" ? "/" : error.pointer) + ": " + error.message);
    super("invalid " + subject + " (" + errors.length + (errors.length === 1 ? " problem" : " problems") + "):\n" + lines.join("\n"));
    this.name = "ContractValidationError";
    this.eventType = eventType;
    this.errors = errors;
  }
}

/** Records one problem; the generated validators call it on their error paths only. */
export function fail(errors: ValidationError[], pointer: string, keyword: string, message: string): void {
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

/** Freezes a value and everything inside it, so a published event cannot be changed afterwards. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Moves a property to its new name, in the object at `parent` (an automatic upcast step). */
export function renameProperty(target: Record<string, unknown>, parent: readonly string[], from: string, to: string): void {
  const object = objectAt(target, parent);
  if (object === undefined || !Object.hasOwn(object, from)) return;
  Object.defineProperty(object, to, { value: object[from], enumerable: true, writable: true, configurable: true });
  delete object[from];
}

/** Fills in a property an older version lacks, in the object at `parent` (an automatic upcast step). */
export function defaultProperty(target: Record<string, unknown>, parent: readonly string[], property: string, value: unknown): void {
  const object = objectAt(target, parent);
  if (object === undefined || Object.hasOwn(object, property)) return;
  Object.defineProperty(object, property, { value: JSON.parse(JSON.stringify(value)) as unknown, enumerable: true, writable: true, configurable: true });
}

function objectAt(target: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let current: unknown = target;
  for (const key of path) current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
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
    throw new Error("crypto.randomUUID is not available; pass eventId and jobId to the factory explicitly");
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
const DATE_TIME = /^(\d\d\d\d)-(\d\d)-(\d\d)[t\s](\d\d):(\d\d):(\d\d(?:\.\d+)?)(?:z|([+-])(\d\d)(?::?(\d\d))?)$/i;
const DATE_TIME_COMMON = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;
const HEX = "[0-9a-f]";
const UUID = new RegExp(`^(?:urn:uuid:)?${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}$`, "i");
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function isValidDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0));
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
  if (match === null || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
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
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** RFC 4122 UUID, optionally as a urn:uuid: URN. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** RFC 3986 absolute URI. */
export function isUri(text: string): boolean {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}
