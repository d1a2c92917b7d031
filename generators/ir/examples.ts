import type { Problem } from "../problems.js";
import type { LoadedSchema } from "../schema/load.js";
import type { ContractsModel, EventContract } from "./model.js";
import { oracleFor } from "./oracle.js";

/** An example its schema refuses: which one, and ajv's errors on it. Plain data, so a worker can send it. */
export interface ExampleFailure {
  readonly file: string;
  readonly index: number;
  readonly errors: string;
}

/**
 * Every example of an event schema must satisfy its schema: examples are documentation and test data, and a
 * wrong one misleads both. Checked with ajv (full formats) as an independent oracle.
 */
export function exampleProblems(schemas: readonly LoadedSchema[], events: readonly EventContract[]): Problem[] {
  const texts = schemas.map((schema) => ({ text: schema.source.text }));
  return locateExampleFailures(schemas, exampleFailures({ schemas: texts, events }));
}

/** The examples their schemas refuse, judged from the schemas' text alone (no positions: see below). */
export function exampleFailures(model: { readonly schemas: readonly { readonly text: string }[]; readonly events: ContractsModel["events"] }): ExampleFailure[] {
  const oracle = oracleFor(model.schemas);
  const failures: ExampleFailure[] = [];
  for (const event of model.events) {
    const validate = oracle.validator(event.schemaId);
    if (validate === undefined) continue;
    event.examples.forEach((example, index) => {
      if (validate(example) === true) return;
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`).join("; ");
      failures.push({ file: event.schemaFile, index, errors });
    });
  }
  return failures;
}

/** Each failure as a problem at the example's line and column, which only the loaded schemas know. */
export function locateExampleFailures(schemas: readonly LoadedSchema[], failures: readonly ExampleFailure[]): Problem[] {
  return failures.map(({ file, index, errors }) => {
    const pointer = `/examples/${index}`;
    const position = schemas.find((schema) => schema.file === file)?.source.positionOf(pointer);
    return { code: "INVALID_EXAMPLE", file, pointer, message: `example ${index} does not satisfy the schema: ${errors}`, ...(position === undefined ? {} : { position }) };
  });
}
