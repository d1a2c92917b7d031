/**
 * The JSON Schema keywords the generators understand. A keyword outside these lists is refused with an error:
 * silently ignoring it would make the generated validators accept events the schema rejects.
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "description",
  "title",
  "examples",
  "default",
  "deprecated",
  "$comment",
  "readOnly",
  "writeOnly",
  "x-renamed-from",
]);

export const ROOT_KEYWORDS: ReadonlySet<string> = new Set(["$schema", "$id", "$defs", "x-kafka"]);

/** Structural keywords, with the schema types they apply to (`*` = any). */
export const STRUCTURAL_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ["type", ["*"]],
  ["$ref", ["*"]],
  ["oneOf", ["*"]],
  ["const", ["*"]],
  ["enum", ["string"]],
  ["properties", ["object"]],
  ["required", ["object"]],
  ["additionalProperties", ["object"]],
  ["minProperties", ["object"]],
  ["maxProperties", ["object"]],
  ["items", ["array"]],
  ["minItems", ["array"]],
  ["maxItems", ["array"]],
  ["minLength", ["string"]],
  ["maxLength", ["string"]],
  ["pattern", ["string"]],
  ["format", ["string"]],
  ["minimum", ["integer", "number"]],
  ["maximum", ["integer", "number"]],
  ["exclusiveMinimum", ["integer", "number"]],
  ["exclusiveMaximum", ["integer", "number"]],
  ["multipleOf", ["integer", "number"]],
]);

export const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(["date-time", "date", "uuid", "uri"]);

export const JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";
