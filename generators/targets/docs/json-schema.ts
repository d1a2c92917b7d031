import type { ContractsModel, TypeNode } from "../../ir/model.js";

/**
 * A model type as a JSON Schema (draft-07, the dialect AsyncAPI 3 schemas extend), with every named type
 * referenced from `#/components/schemas`, so that the AsyncAPI document is self-contained.
 */
export function jsonSchemaOf(type: TypeNode, description?: string): Record<string, unknown> {
  const withDescription = (schema: Record<string, unknown>): Record<string, unknown> => (description === undefined || description === "" ? schema : { description, ...schema });
  switch (type.kind) {
    case "ref":
      // A $ref cannot have siblings in draft-07: wrap it when there is a description to keep.
      return description === undefined || description === "" ? { $ref: `#/components/schemas/${type.name}` } : { description, allOf: [{ $ref: `#/components/schemas/${type.name}` }] };
    case "string":
      return withDescription(defined({ type: "string", minLength: type.minLength, maxLength: type.maxLength, pattern: type.pattern, format: type.format }));
    case "number":
      return withDescription(defined({ type: type.integer ? "integer" : "number", minimum: type.minimum, maximum: type.maximum, exclusiveMinimum: type.exclusiveMinimum, exclusiveMaximum: type.exclusiveMaximum, multipleOf: type.multipleOf }));
    case "boolean":
      return withDescription({ type: "boolean" });
    case "enum":
      return withDescription({ type: "string", enum: [...type.values] });
    case "const":
      return withDescription({ const: type.value });
    case "array":
      return withDescription(defined({ type: "array", items: jsonSchemaOf(type.items), minItems: type.minItems, maxItems: type.maxItems }));
    case "map":
      return withDescription(defined({ type: "object", additionalProperties: jsonSchemaOf(type.values), minProperties: type.minProperties, maxProperties: type.maxProperties }));
    case "nullable":
      return withDescription({ oneOf: [jsonSchemaOf(type.inner), { type: "null" }] });
    case "union":
      return withDescription({ oneOf: type.variants.map((variant) => jsonSchemaOf(variant.type)), discriminator: type.discriminator });
    case "object":
      return withDescription({
        type: "object",
        properties: Object.fromEntries(type.properties.map((property) => [property.name, jsonSchemaOf(property.type, property.description)])),
        required: type.properties.filter((property) => property.required).map((property) => property.name),
        additionalProperties: false,
      });
  }
}

/** Every named type of the model as AsyncAPI component schemas. */
export function componentSchemas(model: ContractsModel): Record<string, unknown> {
  return Object.fromEntries(model.types.map((named) => [named.name, jsonSchemaOf(named.type, named.description)]));
}

function defined(schema: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}
