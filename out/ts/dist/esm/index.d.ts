export {
  ContractValidationError,
  type ValidationError,
  type ValidationOptions,
  type ValidationResult,
} from "./runtime.js";
export * from "./types.js";
export * from "./topics.js";
export * from "./validators.js";
export * from "./factories.js";
export * from "./decode.js";
