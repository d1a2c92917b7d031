import { type ValidationResult } from "./runtime.js";
import type {
  ActivityGenerated,
  ContractEvent,
  ImageJobRequested,
  JobStatusChanged,
  TextJobRequested,
} from "./types.js";
/**
 * Validates a ACTIVITY_GENERATED event (version 1) against its contract.
 * @example
 * const result = validateActivityGenerated(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateActivityGenerated(
  value: unknown,
): ValidationResult<ActivityGenerated>;
/**
 * Whether a value is a valid ACTIVITY_GENERATED event; narrows its type.
 */
export declare function isActivityGenerated(value: unknown): value is ActivityGenerated;
/**
 * Returns the value typed as a ACTIVITY_GENERATED event, or throws ContractValidationError listing every problem.
 */
export declare function assertActivityGenerated(value: unknown): ActivityGenerated;
/**
 * Validates a IMAGE_JOB_REQUESTED event (version 1) against its contract.
 * @example
 * const result = validateImageJobRequested(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateImageJobRequested(
  value: unknown,
): ValidationResult<ImageJobRequested>;
/**
 * Whether a value is a valid IMAGE_JOB_REQUESTED event; narrows its type.
 */
export declare function isImageJobRequested(value: unknown): value is ImageJobRequested;
/**
 * Returns the value typed as a IMAGE_JOB_REQUESTED event, or throws ContractValidationError listing every problem.
 */
export declare function assertImageJobRequested(value: unknown): ImageJobRequested;
/**
 * Validates a JOB_STATUS_CHANGED event (version 1) against its contract.
 * @example
 * const result = validateJobStatusChanged(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateJobStatusChanged(
  value: unknown,
): ValidationResult<JobStatusChanged>;
/**
 * Whether a value is a valid JOB_STATUS_CHANGED event; narrows its type.
 */
export declare function isJobStatusChanged(value: unknown): value is JobStatusChanged;
/**
 * Returns the value typed as a JOB_STATUS_CHANGED event, or throws ContractValidationError listing every problem.
 */
export declare function assertJobStatusChanged(value: unknown): JobStatusChanged;
/**
 * Validates a TEXT_JOB_REQUESTED event (version 1) against its contract.
 * @example
 * const result = validateTextJobRequested(JSON.parse(message));
 * if (!result.ok) console.error(result.errors);
 */
export declare function validateTextJobRequested(
  value: unknown,
): ValidationResult<TextJobRequested>;
/**
 * Whether a value is a valid TEXT_JOB_REQUESTED event; narrows its type.
 */
export declare function isTextJobRequested(value: unknown): value is TextJobRequested;
/**
 * Returns the value typed as a TEXT_JOB_REQUESTED event, or throws ContractValidationError listing every problem.
 */
export declare function assertTextJobRequested(value: unknown): TextJobRequested;
/**
 * Validates any event of the contracts, choosing the contract by `eventType`.
 * @example
 * const result = validateEvent(JSON.parse(message));
 * if (result.ok) handle(result.value); // result.value is a ContractEvent
 */
export declare function validateEvent(value: unknown): ValidationResult<ContractEvent>;
/**
 * Whether a value is a valid event of any of the contracts; narrows its type.
 */
export declare function isContractEvent(value: unknown): value is ContractEvent;
/**
 * Returns the value typed as a contract event, or throws ContractValidationError listing every problem.
 */
export declare function assertEvent(value: unknown): ContractEvent;
