import { type ValidationResult } from "./runtime.js";
import type { AnyVersionEvent, ContractEvent } from "./types.js";
/**
 * Upcasts an event of any version the contracts keep to the current version of its type.
 */
export declare function upcastEvent(event: AnyVersionEvent): ContractEvent;
/**
 * Reads an event as a consumer should: validates it against the version it declares, allowing unknown properties (producers may be on a newer package), upcasts it to the current version, and checks the result.
 * @example
 * const result = decodeEvent(JSON.parse(message.value.toString()));
 * if (result.ok) route(result.value); // always the current version
 */
export declare function decodeEvent(value: unknown): ValidationResult<ContractEvent>;
/**
 * Reads an event's JSON (text or UTF-8 bytes, such as a Kafka message value) as a consumer should, exactly as the Go and Python packages read it; see decodeEvent.
 * @example
 * const result = decodeEventJson(message.value);
 * if (result.ok) route(result.value);
 */
export declare function decodeEventJson(data: string | Uint8Array): ValidationResult<ContractEvent>;
