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
  | {
      readonly ok: true;
      readonly value: T;
    }
  | {
      readonly ok: false;
      readonly errors: readonly ValidationError[];
    };
/** How strictly to validate. */
export interface ValidationOptions {
  /**
   * "reject" (the default) makes unknown properties errors: producers publish exactly the contract.
   * "allow" ignores them: a consumer on an older package keeps working when producers add optional fields.
   */
  readonly unknownProperties?: "reject" | "allow";
}
/** Thrown by `assert*` functions and factories when a value breaks its contract; lists every problem. */
export declare class ContractValidationError extends Error {
  readonly code: "CONTRACT_VALIDATION";
  readonly eventType: string | undefined;
  readonly errors: readonly ValidationError[];
  constructor(eventType: string | undefined, errors: readonly ValidationError[]);
}
/** Records one problem; the generated validators call it on their error paths only. */
export declare function fail(
  errors: ValidationError[],
  pointer: string,
  keyword: string,
  message: string,
): void;
/** A JSON object: not null, not an array. */
export declare function isObject(value: unknown): value is Record<string, unknown>;
/** String length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export declare function codePointLength(text: string): number;
/** Escapes one JSON Pointer segment. */
export declare function escapePointer(segment: string): string;
/** Containers (objects and arrays) may nest at most this deep; the event itself is level 1. */
export declare const MAX_DEPTH: number;
/** The message of each problem of a document, as every package reports it. */
export declare const DOCUMENT_PROBLEMS: Readonly<
  Record<"syntax" | "depth" | "number" | "text", string>
>;
export type DocumentProblem = keyof typeof DOCUMENT_PROBLEMS;
/** Whether a string is well-formed UTF-16 (no lone surrogate), so that UTF-8 can carry it. */
export declare function isWellFormed(text: string): boolean;
/** The worst problem of a value nested at `depth` (a container's own level), or undefined. */
export declare function documentProblem(value: unknown, depth: number): DocumentProblem | undefined;
/** Records a problem of the document itself. */
export declare function failDocument(errors: ValidationError[], problem: DocumentProblem): void;
/**
 * Records that `value` (at `depth`) failed a check: as that failure, or as a problem of the document when the
 * value holds one, exactly as the Go and Python packages would have found it while reading the document.
 */
export declare function reject(
  errors: ValidationError[],
  pointer: string,
  keyword: string,
  message: string,
  value: unknown,
  depth: number,
): void;
/**
 * Reports the unknown properties of an object (at `depth`), in code-point order of their names: errors for
 * producers, and for everyone a look inside them for problems of the document.
 */
export declare function unknownProperties(
  errors: ValidationError[],
  path: string,
  object: Record<string, unknown>,
  keys: string[],
  tolerant: boolean,
  depth: number,
): void;
/** The errors to report: one problem of the document, the worst, replaces everything else. */
export declare function settle(errors: ValidationError[]): ValidationError[];
/** Code-point order (JavaScript's `<` compares UTF-16 units, which sorts characters above U+FFFF wrongly). */
export declare function compareCodePoints(a: string, b: string): number;
/** The keys of a map, in code-point order, so that errors come out in the same order in every language. */
export declare function sortedKeys(object: Record<string, unknown>): string[];
/**
 * Whether `value` is a multiple of `divisor`, exactly, on the decimal numbers they are written as: 19.99 is a
 * multiple of 0.01 (a floating-point remainder, as ajv computes it, says it is not).
 */
export declare function isMultipleOf(value: number, divisor: number): boolean;
/**
 * Reads an event's JSON as every package does: UTF-8 without a byte order mark (bytes are decoded strictly),
 * then JSON.parse. Returns undefined when the input is not JSON.
 */
export declare function parseJson(data: string | Uint8Array):
  | {
      value: unknown;
    }
  | undefined;
/** The error of input that is not JSON. */
export declare function syntaxErrors(): ValidationError[];
/** Freezes a value and everything inside it, so a published event cannot be changed afterwards. */
export declare function deepFreeze<T>(value: T): T;
/** Moves a property to its new name, in the object at `parent` (an automatic upcast step). */
export declare function renameProperty(
  target: Record<string, unknown>,
  parent: readonly string[],
  from: string,
  to: string,
): void;
/** Fills in a property an older version lacks, in the object at `parent` (an automatic upcast step). */
export declare function defaultProperty(
  target: Record<string, unknown>,
  parent: readonly string[],
  property: string,
  value: unknown,
): void;
/** Records the wire text of a frozen, validated event (factories call it). */
export declare function rememberWire<T extends object>(event: T, json: string): T;
/** The wire text of an event made by a factory, or undefined for any other value. */
export declare function wireOf(event: object): string | undefined;
/** A random UUID from the platform's Web Crypto (Node.js 19+, Deno, Bun, browsers). */
export declare function newEventId(): string;
/** The current time as an RFC 3339 UTC timestamp with milliseconds. */
export declare function nowTimestamp(): string;
/** RFC 3339 full-date, calendar-checked: 2024-02-29 is a date, 2023-02-29 is not. */
export declare function isDate(text: string): boolean;
/** RFC 3339 date-time with a required offset, calendar-checked, leap seconds only at 23:59:60 UTC. */
export declare function isDateTime(text: string): boolean;
/** RFC 4122 UUID, optionally as a urn:uuid: URN. */
export declare function isUuid(text: string): boolean;
/** RFC 3986 absolute URI. */
export declare function isUri(text: string): boolean;
