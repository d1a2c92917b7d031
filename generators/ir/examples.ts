import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Problem } from "../problems.js";
import type { LoadedSchema } from "../schema/load.js";
import type { EventContract } from "./model.js";

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * Every example of an event schema must satisfy its schema: examples are documentation and test data, and a
 * wrong one misleads both. Checked with ajv (full formats) as an independent oracle.
 */
export function exampleProblems(schemas: readonly LoadedSchema[], events: readonly EventContract[]): Problem[] {
  // ownProperties: without it ajv reads inherited members such as `constructor` as if they were properties.
  const ajv = new Ajv2020({ strict: false, allErrors: true, ownProperties: true });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema.source.value as object);
  const problems: Problem[] = [];
  for (const event of events) {
    const schema = schemas.find((candidate) => candidate.file === event.schemaFile);
    const validate = ajv.getSchema(event.schemaId);
    if (schema === undefined || validate === undefined) continue;
    event.examples.forEach((example, index) => {
      if (validate(example) === true) return;
      const pointer = `/examples/${index}`;
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`).join("; ");
      problems.push({
        code: "INVALID_EXAMPLE",
        file: schema.file,
        position: schema.source.positionOf(pointer),
        pointer,
        message: `example ${index} does not satisfy the schema: ${errors}`,
      });
    });
  }
  return problems;
}
