import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ContractsModel } from "../../generators/ir/model.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_DEPTH = 64;

/**
 * The reference verdict of the differential test, independent of every generated package: strict UTF-8 and
 * JSON.parse for reading, this file's own check of the document rules the README states (nesting at most 64
 * deep, finite numbers, no lone surrogates), and ajv (JSON Schema 2020-12, ajv-formats full, strict mode)
 * for the contract (multipleOf to 9 decimal places), on the schemas with each integer given the safe-integer bounds, as the README says every
 * integer carries. Tolerant verdicts use the schemas without `"additionalProperties": false`.
 */
export class Reference {
  private readonly strict: Map<string, ValidateFunction>;
  private readonly tolerant: Map<string, ValidateFunction>;

  constructor(private readonly model: ContractsModel) {
    this.strict = compile(model, false);
    this.tolerant = compile(model, true);
  }

  verdict(bytes: Uint8Array, tolerant: boolean): boolean {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch {
      return false;
    }
    if (!holdable(value, 1)) return false;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    const contract = this.model.events.find((event) => event.eventType === record["eventType"] && event.version === record["version"]);
    if (contract === undefined) return false;
    const validate = (tolerant ? this.tolerant : this.strict).get(contract.schemaId);
    if (validate === undefined) throw new Error(`ajv has no schema ${contract.schemaId}`);
    return validate(value) === true;
  }
}

function holdable(value: unknown, depth: number): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return wellFormed(value);
  if (typeof value !== "object" || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => holdable(item, depth + 1));
  return Object.entries(value).every(([key, item]) => wellFormed(key) && holdable(item, depth + 1));
}

/** No lone surrogate (String.prototype.isWellFormed is ES2024, newer than the project's lib setting). */
function wellFormed(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}

function compile(model: ContractsModel, tolerant: boolean): Map<string, ValidateFunction> {
  // The contracts decide multipleOf exactly on decimals, where ajv's float remainder says 19.99 is no multiple
  // of 0.01; ajv's tolerance option agrees with the exact rule on every number the corpus holds.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: false, ownProperties: true, multipleOfPrecision: 9 });
  addFormats(ajv);
  ajv.addKeyword("x-kafka");
  ajv.addKeyword("x-renamed-from");
  for (const schema of model.schemas) ajv.addSchema(transform(JSON.parse(schema.text) as unknown, tolerant) as object);
  return new Map(model.events.map((event) => [event.schemaId, ajv.getSchema(event.schemaId) as ValidateFunction]));
}

/** Keywords whose value is a map from names to schemas, not a schema. */
const SCHEMA_MAPS = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);
/** Keywords whose value is data, not schemas. */
const DATA = new Set(["examples", "const", "enum", "default", "x-kafka", "required"]);

function transform(node: unknown, tolerant: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => transform(item, tolerant));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (tolerant && key === "additionalProperties" && value === false) continue;
    if (DATA.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && typeof value === "object" && value !== null) out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, transform(schema, tolerant)]));
    else out[key] = transform(value, tolerant);
  }
  const type = out["type"];
  if (type === "integer" || (Array.isArray(type) && type.includes("integer"))) {
    out["minimum"] = Math.max(typeof out["minimum"] === "number" ? out["minimum"] : -MAX_SAFE, -MAX_SAFE);
    out["maximum"] = Math.min(typeof out["maximum"] === "number" ? out["maximum"] : MAX_SAFE, MAX_SAFE);
  }
  return out;
}
