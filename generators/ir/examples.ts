import type { Problem } from "../problems.js";
import type { LoadedSchema } from "../schema/load.js";
import type { EventContract } from "./model.js";
import { oracleFor } from "./oracle.js";

/**
 * Every example of an event schema must satisfy its schema: examples are documentation and test data, and a
 * wrong one misleads both. Checked with ajv (full formats) as an independent oracle.
 */
export function exampleProblems(schemas: readonly LoadedSchema[], events: readonly EventContract[]): Problem[] {
  const oracle = oracleFor(schemas.map((schema) => ({ text: schema.source.text })));
  const problems: Problem[] = [];
  for (const event of events) {
    const schema = schemas.find((candidate) => candidate.file === event.schemaFile);
    const validate = oracle.validator(event.schemaId);
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
