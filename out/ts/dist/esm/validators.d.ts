import { type ValidationOptions, type ValidationResult } from "./runtime.js";
import type {
  ActivityGenerated,
  AnyVersionEvent,
  ImageJobRequested,
  JobStatusChanged,
  TextJobRequested,
} from "./types.js";
/**
 * Validates an ACTIVITY_GENERATED event (version 1) against its contract. Unknown properties are errors unless `options.unknownProperties` is "allow" (consumers).
 * @example
 * const result = validateActivityGenerated(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateActivityGenerated(
  value: unknown,
  options?: ValidationOptions,
): ValidationResult<ActivityGenerated>;
/**
 * Whether a value is a valid ACTIVITY_GENERATED event (version 1); narrows its type.
 */
export declare function isActivityGenerated(
  value: unknown,
  options?: ValidationOptions,
): value is ActivityGenerated;
/**
 * Returns the value typed as an ACTIVITY_GENERATED event (version 1), or throws ContractValidationError listing every problem.
 */
export declare function assertActivityGenerated(
  value: unknown,
  options?: ValidationOptions,
): ActivityGenerated;
/**
 * Validates an IMAGE_JOB_REQUESTED event (version 1) against its contract. Unknown properties are errors unless `options.unknownProperties` is "allow" (consumers).
 * @example
 * const result = validateImageJobRequested(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateImageJobRequested(
  value: unknown,
  options?: ValidationOptions,
): ValidationResult<ImageJobRequested>;
/**
 * Whether a value is a valid IMAGE_JOB_REQUESTED event (version 1); narrows its type.
 */
export declare function isImageJobRequested(
  value: unknown,
  options?: ValidationOptions,
): value is ImageJobRequested;
/**
 * Returns the value typed as an IMAGE_JOB_REQUESTED event (version 1), or throws ContractValidationError listing every problem.
 */
export declare function assertImageJobRequested(
  value: unknown,
  options?: ValidationOptions,
): ImageJobRequested;
/**
 * Validates a JOB_STATUS_CHANGED event (version 1) against its contract. Unknown properties are errors unless `options.unknownProperties` is "allow" (consumers).
 * @example
 * const result = validateJobStatusChanged(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateJobStatusChanged(
  value: unknown,
  options?: ValidationOptions,
): ValidationResult<JobStatusChanged>;
/**
 * Whether a value is a valid JOB_STATUS_CHANGED event (version 1); narrows its type.
 */
export declare function isJobStatusChanged(
  value: unknown,
  options?: ValidationOptions,
): value is JobStatusChanged;
/**
 * Returns the value typed as a JOB_STATUS_CHANGED event (version 1), or throws ContractValidationError listing every problem.
 */
export declare function assertJobStatusChanged(
  value: unknown,
  options?: ValidationOptions,
): JobStatusChanged;
/**
 * Validates a TEXT_JOB_REQUESTED event (version 1) against its contract. Unknown properties are errors unless `options.unknownProperties` is "allow" (consumers).
 * @example
 * const result = validateTextJobRequested(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateTextJobRequested(
  value: unknown,
  options?: ValidationOptions,
): ValidationResult<TextJobRequested>;
/**
 * Whether a value is a valid TEXT_JOB_REQUESTED event (version 1); narrows its type.
 */
export declare function isTextJobRequested(
  value: unknown,
  options?: ValidationOptions,
): value is TextJobRequested;
/**
 * Returns the value typed as a TEXT_JOB_REQUESTED event (version 1), or throws ContractValidationError listing every problem.
 */
export declare function assertTextJobRequested(
  value: unknown,
  options?: ValidationOptions,
): TextJobRequested;
/**
 * Validates any event of the contracts, choosing the contract by `eventType` and `version` (every version the contracts keep). Consumers usually want `decodeEvent`, which also upcasts older versions.
 * @example
 * const result = validateEvent(JSON.parse(message));
 * if (result.ok) handle(result.value); // result.value is an AnyVersionEvent
 */
export declare function validateEvent(
  value: unknown,
  options?: ValidationOptions,
): ValidationResult<AnyVersionEvent>;
/**
 * Validates an event's JSON, as text or UTF-8 bytes (a Kafka message value), exactly as the Go and Python packages read it: input that is not JSON is one error with the keyword "json".
 * @example
 * const result = validateEventJson(message.value);
 */
export declare function validateEventJson(
  data: string | Uint8Array,
  options?: ValidationOptions,
): ValidationResult<AnyVersionEvent>;
/**
 * Whether a value is a valid event of any of the contracts; narrows its type.
 */
export declare function isContractEvent(
  value: unknown,
  options?: ValidationOptions,
): value is AnyVersionEvent;
/**
 * Returns the value typed as a contract event, or throws ContractValidationError listing every problem.
 */
export declare function assertEvent(value: unknown, options?: ValidationOptions): AnyVersionEvent;
