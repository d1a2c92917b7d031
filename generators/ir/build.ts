import { ProblemCollector, compareText, type Problem } from "../problems.js";
import { childPointer, parsePointer } from "../schema/json-pointer.js";
import type { LoadedSchema } from "../schema/load.js";
import { DEFAULT_ENVELOPE, type Envelope } from "./envelope.js";
import { DEFAULT_PROJECT, type Project } from "./project.js";
import { lintEvent } from "./event-rules.js";
import { exampleProblems } from "./examples.js";
import { planUpcasts } from "./upcasts.js";
import { translatePattern } from "../plan/patterns.js";
import { ANNOTATION_KEYWORDS, JSON_SCHEMA_2020_12, ROOT_KEYWORDS, STRUCTURAL_KEYWORDS, SUPPORTED_FORMATS } from "./keywords.js";
import type {
  ContractsModel,
  EventContract,
  NamedType,
  Origin,
  Property,
  StringFormat,
  TypeNode,
  UnionType,
  UnionVariant,
} from "./model.js";
import { pascalCase } from "./names.js";

type SchemaObject = Readonly<Record<string, unknown>>;

interface Definition {
  readonly name: string;
  readonly schema: LoadedSchema;
  readonly pointer: string;
}

interface PendingUnion {
  readonly node: { discriminator: string; variants: UnionVariant[] };
  readonly variantNames: readonly string[];
  readonly origin: Origin;
}

/** Where a node sits, and what to call an inline object found there. */
interface Place {
  readonly schema: LoadedSchema;
  readonly pointer: string;
  readonly nameHint: string;
}

export interface BuildOptions {
  /**
   * Check every example against its schema with ajv (the default). The generate pipeline turns it off and has
   * the examples judged on a thread of their own (oracle-thread.ts), beside the code generation.
   */
  readonly checkExamples?: boolean;
  /** The envelope every event must carry (the config's); the Activity Builder's by default. */
  readonly envelope?: Envelope;
  /** The project's title, schemas folder and command, for the generated files; neutral defaults otherwise. */
  readonly project?: Project;
}

/**
 * Builds the contracts model from loaded schemas, checking the project's rules on the way. Every problem of
 * every file is collected and reported together; a model is returned only when there are none.
 */
export function buildModel(schemas: readonly LoadedSchema[], options: BuildOptions = {}): ContractsModel {
  return new ModelBuilder(schemas, options.envelope ?? DEFAULT_ENVELOPE, options.project ?? DEFAULT_PROJECT).build(options.checkExamples ?? true);
}

class ModelBuilder {
  private readonly problems = new ProblemCollector();
  private readonly documents = new Map<string, LoadedSchema>();
  private readonly definitions = new Map<string, Definition>();
  private readonly types = new Map<string, NamedType>();
  private readonly pendingUnions: PendingUnion[] = [];
  private readonly events: EventContract[] = [];
  /** Type-name suffix of each schema file: `V1` for a superseded version of an event, "" otherwise. */
  private readonly suffixes = new Map<string, string>();

  constructor(
    private readonly schemas: readonly LoadedSchema[],
    private readonly envelope: Envelope,
    private readonly project: Project,
  ) {}

  build(checkExamples: boolean): ContractsModel {
    this.computeVersionSuffixes();
    for (const schema of this.schemas) this.registerDocument(schema);
    for (const schema of this.schemas) this.registerDefinitions(schema);
    for (const definition of [...this.definitions.values()]) this.convertDefinition(definition);
    for (const schema of this.schemas) this.convertDocumentRoot(schema);
    for (const union of this.pendingUnions) this.resolveUnion(union);
    this.checkUniqueEvents();
    this.problems.throwIfAny();
    if (checkExamples) for (const problem of exampleProblems(this.schemas, this.events)) this.problems.add(problem);
    this.problems.throwIfAny();
    const events = planUpcasts(this.events, [...this.types.values()], this.envelope, (file, pointer, message) => this.report(this.schemaNamed(file), pointer, "UPCAST", message));
    this.problems.throwIfAny();
    return {
      envelope: this.envelope,
      project: this.project,
      events: events.sort((a, b) => compareText(a.eventType, b.eventType) || a.version - b.version),
      types: [...this.types.values()].sort((a, b) => compareText(a.name, b.name)),
      schemas: this.schemas.map((schema) => ({ file: schema.file, id: idOf(schema) ?? "", text: schema.source.text })),
    };
  }

  private schemaNamed(file: string): LoadedSchema {
    const schema = this.schemas.find((candidate) => candidate.file === file);
    if (schema === undefined) throw new Error(`internal error: no schema ${file}`);
    return schema;
  }

  /**
   * Several files may hold versions of one event type: the newest keeps the plain names, and every type a
   * superseded version defines gets its version as a suffix (TextJobRequestedV1), so all can live side by side.
   */
  private computeVersionSuffixes(): void {
    const versions = this.schemas.map((schema) => {
      const properties = (schema.source.value as SchemaObject)["properties"];
      const constOf = (name: string): unknown => (isSchemaObject(properties) && isSchemaObject(properties[name]) ? properties[name]["const"] : undefined);
      return { file: schema.file, eventType: constOf("eventType"), version: constOf("version") };
    });
    for (const entry of versions) {
      if (typeof entry.eventType !== "string" || typeof entry.version !== "number") continue;
      const newest = Math.max(...versions.filter((other) => other.eventType === entry.eventType && typeof other.version === "number").map((other) => other.version as number));
      this.suffixes.set(entry.file, entry.version === newest ? "" : `V${entry.version}`);
    }
  }

  private report(schema: LoadedSchema, pointer: string, code: string, message: string): void {
    const problem: Problem = { code, file: schema.file, pointer, message, ...positionOf(schema, pointer) };
    this.problems.add(problem);
  }

  private registerDocument(schema: LoadedSchema): void {
    const root = schema.source.value as SchemaObject;
    if (root["$schema"] !== JSON_SCHEMA_2020_12) {
      this.report(schema, "/$schema", "SCHEMA_DIALECT", `"$schema" must be "${JSON_SCHEMA_2020_12}"`);
    }
    const id = idOf(schema);
    if (id === undefined) {
      this.report(schema, "", "MISSING_ID", `add an absolute "$id" (e.g. "https://example.com/events/${schema.file}") so that references resolve`);
      return;
    }
    const written = root["$id"];
    if (written !== id) {
      // Resolvers disagree on ids that are not in normal form (ajv keeps the case of the host, URL parsers do
      // not): one spelling everywhere means every generated package and every validator finds the same schema.
      this.report(schema, "/$id", "NON_CANONICAL_ID", `"$id" ${JSON.stringify(written)} is not in normal form; write it as ${JSON.stringify(id)} (lower-case scheme and host, no default port, no "." or ".." segments, spaces and non-ASCII percent-encoded)`);
      return;
    }
    const other = this.documents.get(id);
    if (other !== undefined) {
      this.report(schema, "/$id", "DUPLICATE_ID", `"$id" ${id} is also used by ${other.file}; every schema needs its own`);
      return;
    }
    this.documents.set(id, schema);
  }

  private registerDefinitions(schema: LoadedSchema): void {
    const id = idOf(schema);
    const defs = (schema.source.value as SchemaObject)["$defs"];
    if (id === undefined || !isSchemaObject(defs)) return;
    for (const key of Object.keys(defs)) {
      const pointer = childPointer("/$defs", key);
      const base = pascalCase(key);
      const name = base === undefined ? undefined : base + (this.suffixes.get(schema.file) ?? "");
      if (name === undefined) {
        this.report(schema, pointer, "INVALID_NAME", `"$defs" key "${key}" does not make a type name; use letters and digits, starting with a letter`);
        continue;
      }
      this.definitions.set(`${id}#${pointer}`, { name, schema, pointer });
    }
  }

  private convertDefinition(definition: Definition): void {
    const node = pointerGet(definition.schema, definition.pointer);
    const place: Place = { schema: definition.schema, pointer: definition.pointer, nameHint: definition.name };
    const type = this.convert(node, place, true);
    if (type !== undefined) this.addNamedType(definition.name, node, type, place);
  }

  private convertDocumentRoot(schema: LoadedSchema): void {
    const root = schema.source.value as SchemaObject;
    if (!("x-kafka" in root)) {
      // A definitions-only document: everything it has lives in `$defs`.
      for (const key of Object.keys(root)) {
        if (key !== "title" && key !== "description" && key !== "$comment" && !ROOT_KEYWORDS.has(key)) {
          this.report(schema, childPointer("", key), "DEFINITIONS_DOCUMENT", `"${key}" is not allowed here: a schema without "x-kafka" only holds shared "$defs"; add "x-kafka" to make it an event contract`);
        }
      }
      return;
    }
    const title = typeof root["title"] === "string" ? root["title"] : "";
    const base = pascalCase(title);
    const name = base === undefined ? undefined : base + (this.suffixes.get(schema.file) ?? "");
    if (name === undefined) {
      this.report(schema, "/title", "INVALID_NAME", `an event schema needs a "title" that makes a type name (e.g. "Text job requested" -> TextJobRequested)`);
      return;
    }
    const place: Place = { schema, pointer: "", nameHint: name };
    const type = this.convert(root, place, true);
    if (type === undefined) return;
    this.addNamedType(name, root, type, place);
    const event = lintEvent(schema, root, name, type, this.suffixes.get(schema.file) === "", this.envelope, (node) => this.followRefs(node), (pointer, code, message) => this.report(schema, pointer, code, message));
    if (event !== undefined) this.events.push(event);
  }

  /** A type with its references followed through the named types made so far; undefined at an unknown name. */
  private followRefs(type: TypeNode): TypeNode | undefined {
    let current: TypeNode | undefined = type;
    for (let depth = 0; current?.kind === "ref" && depth < 64; depth++) current = this.types.get(current.name)?.type;
    return current?.kind === "ref" ? undefined : current;
  }

  private addNamedType(name: string, node: unknown, type: TypeNode, place: Place): void {
    const origin: Origin = { file: place.schema.file, pointer: place.pointer };
    const existing = this.types.get(name);
    if (existing !== undefined) {
      this.report(place.schema, place.pointer, "NAME_COLLISION", `type name ${name} is also made by ${existing.origin.file}#${existing.origin.pointer}; rename one of them (its "$defs" key or "title")`);
      return;
    }
    const description = isSchemaObject(node) && typeof node["description"] === "string" ? node["description"] : "";
    this.types.set(name, { name, description, type, origin });
  }

  /** Converts one schema node; `isNamedRoot` is true for a node that is itself a named type's definition. */
  private convert(node: unknown, place: Place, isNamedRoot: boolean): TypeNode | undefined {
    const { schema, pointer } = place;
    if (!isSchemaObject(node)) {
      this.report(schema, pointer, "UNSUPPORTED_SCHEMA", "boolean schemas are not supported; write an object schema");
      return undefined;
    }
    if (!this.checkKeywords(node, place)) return undefined;
    if (typeof node["$ref"] === "string") return this.convertRef(node, place);
    if (Array.isArray(node["oneOf"])) return this.convertOneOf(node, place);
    if ("const" in node) return this.convertConst(node, place);
    const types = typeList(node["type"]);
    if (types === undefined) {
      this.report(schema, pointer, "MISSING_TYPE", `declare a "type" (or "const", "$ref", "oneOf")`);
      return undefined;
    }
    const nullable = types.includes("null");
    const nonNull = types.filter((type) => type !== "null");
    if (nonNull.length !== 1) {
      this.report(schema, childPointer(pointer, "type"), "UNSUPPORTED_TYPE", `"type" must name one type, optionally with "null" (got ${JSON.stringify(node["type"])})`);
      return undefined;
    }
    const base = nonNull[0] ?? "";
    for (const keyword of Object.keys(node)) {
      const appliesTo = STRUCTURAL_KEYWORDS.get(keyword);
      if (appliesTo !== undefined && !appliesTo.includes("*") && !appliesTo.includes(base)) {
        this.report(schema, childPointer(pointer, keyword), "KEYWORD_TYPE_MISMATCH", `"${keyword}" applies to ${appliesTo.join(" or ")} values, not to "${base}"`);
        return undefined;
      }
    }
    const inner = this.convertTyped(base, node, place, isNamedRoot, nullable);
    return inner === undefined ? undefined : nullable ? { kind: "nullable", inner } : inner;
  }

  private checkKeywords(node: SchemaObject, place: Place): boolean {
    let ok = true;
    for (const keyword of Object.keys(node)) {
      if (ANNOTATION_KEYWORDS.has(keyword) || STRUCTURAL_KEYWORDS.has(keyword)) continue;
      if (place.pointer === "" && ROOT_KEYWORDS.has(keyword)) continue;
      this.report(place.schema, childPointer(place.pointer, keyword), "UNSUPPORTED_KEYWORD", `"${keyword}" is not supported by the generators; the supported keywords are listed in the README ("Writing schemas")`);
      ok = false;
    }
    const description = node["description"];
    if (description !== undefined && typeof description !== "string") ok = false;
    return ok;
  }

  private convertRef(node: SchemaObject, place: Place): TypeNode | undefined {
    const ref = node["$ref"] as string;
    const structural = Object.keys(node).filter((keyword) => STRUCTURAL_KEYWORDS.has(keyword) && keyword !== "$ref");
    if (structural.length > 0) {
      this.report(place.schema, place.pointer, "REF_WITH_SIBLINGS", `"$ref" cannot be combined with ${structural.map((k) => `"${k}"`).join(", ")}; put the constraints in the referenced definition`);
      return undefined;
    }
    const base = idOf(place.schema) ?? "";
    let target: string;
    try {
      target = new URL(ref, base).href;
    } catch {
      target = ref;
    }
    const definition = this.definitions.get(target);
    if (definition === undefined) {
      const hint = target.includes("#/$defs/") ? "check the file's \"$id\" and the \"$defs\" key" : "only references to \"$defs\" entries (like \"common.json#/$defs/JobId\") are supported";
      this.report(place.schema, childPointer(place.pointer, "$ref"), "UNRESOLVED_REF", `cannot resolve "$ref": "${ref}" (${target}); ${hint}`);
      return undefined;
    }
    return { kind: "ref", name: definition.name };
  }

  private convertOneOf(node: SchemaObject, place: Place): TypeNode | undefined {
    const branches = node["oneOf"] as unknown[];
    const variantNames: string[] = [];
    branches.forEach((branch, index) => {
      const branchPlace: Place = { ...place, pointer: childPointer(childPointer(place.pointer, "oneOf"), index) };
      if (!isSchemaObject(branch) || typeof branch["$ref"] !== "string") {
        this.report(place.schema, branchPlace.pointer, "UNSUPPORTED_ONEOF", `each "oneOf" branch must be a "$ref" to an object definition`);
        return;
      }
      const ref = this.convertRef(branch, branchPlace);
      if (ref?.kind === "ref") variantNames.push(ref.name);
    });
    if (variantNames.length !== branches.length) return undefined;
    const union = { kind: "union" as const, discriminator: "", variants: [] as UnionVariant[] };
    this.pendingUnions.push({ node: union, variantNames, origin: { file: place.schema.file, pointer: place.pointer } });
    return union as UnionType;
  }

  private resolveUnion(pending: PendingUnion): void {
    const schema = this.schemas.find((candidate) => candidate.file === pending.origin.file);
    const variants = pending.variantNames.map((name) => this.types.get(name)?.type);
    const objects = variants.map((type) => (type?.kind === "object" ? type : undefined));
    const fail = (message: string): void => {
      if (schema !== undefined) this.report(schema, childPointer(pending.origin.pointer, "oneOf"), "UNION_DISCRIMINATOR", message);
    };
    if (objects.some((object) => object === undefined)) {
      fail(`every "oneOf" branch must reference an object definition`);
      return;
    }
    const first = objects[0];
    const candidates = first?.properties.map((property) => property.name) ?? [];
    for (const candidate of candidates) {
      const values = objects.map((object) => {
        const property = object?.properties.find((p) => p.name === candidate);
        return property?.required === true && property.type.kind === "const" && typeof property.type.value === "string"
          ? property.type.value
          : undefined;
      });
      if (values.some((value) => value === undefined) || new Set(values).size !== values.length) continue;
      pending.node.discriminator = candidate;
      pending.variantNames.forEach((name, index) => pending.node.variants.push({ value: values[index] ?? "", type: { kind: "ref", name } }));
      return;
    }
    fail(`"oneOf" needs a discriminator: a property that every branch requires, with a different "const" string in each`);
  }

  private convertConst(node: SchemaObject, place: Place): TypeNode | undefined {
    const value = node["const"];
    if (typeof value !== "string" && typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value))) {
      this.report(place.schema, childPointer(place.pointer, "const"), "UNSUPPORTED_CONST", `"const" must be a string, number or boolean`);
      return undefined;
    }
    if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      this.report(place.schema, childPointer(place.pointer, "const"), "UNSAFE_INTEGER", `"const" ${value} is beyond the integers every language holds exactly (±${Number.MAX_SAFE_INTEGER})`);
      return undefined;
    }
    const types = typeList(node["type"]);
    const actual = typeof value === "number" ? (Number.isInteger(value) ? ["integer", "number"] : ["number"]) : [typeof value];
    if (types !== undefined && !(types.length === 1 && actual.includes(types[0] ?? ""))) {
      this.report(place.schema, childPointer(place.pointer, "type"), "UNSUPPORTED_CONST", `"type" ${JSON.stringify(node["type"])} does not match "const" ${JSON.stringify(value)}`);
      return undefined;
    }
    return { kind: "const", value };
  }

  private convertTyped(base: string, node: SchemaObject, place: Place, isNamedRoot: boolean, nullable: boolean): TypeNode | undefined {
    const { schema, pointer } = place;
    const number = (keyword: string, integer: boolean): number | undefined => {
      const value = node[keyword];
      if (value === undefined) return undefined;
      if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        this.report(schema, childPointer(pointer, keyword), "INVALID_BOUND", `"${keyword}" must be a finite${integer ? " whole" : ""} number`);
        return undefined;
      }
      if (base === "integer" && keyword !== "multipleOf" && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        this.report(schema, childPointer(pointer, keyword), "UNSAFE_INTEGER", `"${keyword}" ${value} is beyond the integers every language holds exactly (±${Number.MAX_SAFE_INTEGER}); integers past it are invalid anyway`);
        return undefined;
      }
      if (keyword === "multipleOf" && value <= 0) {
        this.report(schema, childPointer(pointer, keyword), "INVALID_BOUND", `"multipleOf" must be greater than 0`);
        return undefined;
      }
      return value;
    };
    switch (base) {
      case "string": {
        if (Array.isArray(node["enum"])) return this.convertEnum(node, place, nullable);
        const format = node["format"];
        if (format !== undefined && !(typeof format === "string" && SUPPORTED_FORMATS.has(format))) {
          this.report(schema, childPointer(pointer, "format"), "UNSUPPORTED_FORMAT", `format ${JSON.stringify(format)} is not supported; use one of ${[...SUPPORTED_FORMATS].join(", ")}`);
          return undefined;
        }
        const pattern = node["pattern"];
        if (typeof pattern === "string") {
          const translated = translatePattern(pattern);
          if (!translated.ok) {
            const code = translated.invalid ? "INVALID_PATTERN" : "UNSUPPORTED_PATTERN";
            for (const problem of translated.problems) this.report(schema, childPointer(pointer, "pattern"), code, `"pattern" ${JSON.stringify(pattern)} is refused: ${problem}`);
            return undefined;
          }
        }
        return compact({
          kind: "string",
          minLength: number("minLength", true),
          maxLength: number("maxLength", true),
          pattern: typeof pattern === "string" ? pattern : undefined,
          format: format as StringFormat | undefined,
        });
      }
      case "integer":
      case "number":
        return compact({
          kind: "number",
          integer: base === "integer",
          minimum: number("minimum", false),
          maximum: number("maximum", false),
          exclusiveMinimum: number("exclusiveMinimum", false),
          exclusiveMaximum: number("exclusiveMaximum", false),
          multipleOf: number("multipleOf", false),
        });
      case "boolean":
        return { kind: "boolean" };
      case "array": {
        if (!("items" in node)) {
          this.report(schema, pointer, "MISSING_ITEMS", `an array needs "items" describing its elements`);
          return undefined;
        }
        const items = this.convert(node["items"], { schema, pointer: childPointer(pointer, "items"), nameHint: place.nameHint + "Item" }, false);
        if (items === undefined) return undefined;
        return compact({ kind: "array", items, minItems: number("minItems", true), maxItems: number("maxItems", true) });
      }
      case "object":
        return this.convertObject(node, place, isNamedRoot, number);
      default:
        this.report(schema, childPointer(pointer, "type"), "UNSUPPORTED_TYPE", `type "${base}" is not supported`);
        return undefined;
    }
  }

  private convertEnum(node: SchemaObject, place: Place, nullable: boolean): TypeNode | undefined {
    const values = (node["enum"] as unknown[]).filter((value) => !(nullable && value === null));
    if (values.length === 0 || !values.every((value): value is string => typeof value === "string")) {
      this.report(place.schema, childPointer(place.pointer, "enum"), "UNSUPPORTED_ENUM", `"enum" must list strings${nullable ? " (and null)" : ""}`);
      return undefined;
    }
    if (new Set(values).size !== values.length) {
      this.report(place.schema, childPointer(place.pointer, "enum"), "UNSUPPORTED_ENUM", `"enum" lists a value twice`);
      return undefined;
    }
    return { kind: "enum", values };
  }

  private convertObject(
    node: SchemaObject,
    place: Place,
    isNamedRoot: boolean,
    number: (keyword: string, integer: boolean) => number | undefined,
  ): TypeNode | undefined {
    const { schema, pointer } = place;
    const additional = node["additionalProperties"];
    if (node["properties"] === undefined && isSchemaObject(additional)) {
      const values = this.convert(additional, { schema, pointer: childPointer(pointer, "additionalProperties"), nameHint: place.nameHint + "Value" }, false);
      if (values === undefined) return undefined;
      return compact({ kind: "map", values, minProperties: number("minProperties", true), maxProperties: number("maxProperties", true) });
    }
    if (additional !== false) {
      this.report(schema, pointer, "OPEN_OBJECT", `objects must be closed with "additionalProperties": false (producers are strict; consumers get a tolerant validator), or be maps with no "properties" and an "additionalProperties" schema`);
      return undefined;
    }
    const declared = isSchemaObject(node["properties"]) ? node["properties"] : {};
    const required = Array.isArray(node["required"]) ? (node["required"] as string[]) : [];
    for (const [index, name] of required.entries()) {
      if (!(name in declared)) this.report(schema, childPointer(childPointer(pointer, "required"), index), "UNDECLARED_REQUIRED", `required property "${name}" is not declared in "properties"`);
    }
    const properties: Property[] = [];
    for (const [name, propertySchema] of Object.entries(declared)) {
      const propertyPointer = childPointer(childPointer(pointer, "properties"), name);
      const description = isSchemaObject(propertySchema) ? propertySchema["description"] : undefined;
      if (typeof description !== "string" || description.trim() === "") {
        this.report(schema, propertyPointer, "MISSING_DESCRIPTION", `property "${name}" needs a "description": it becomes the doc comment of every generated binding`);
      }
      const hint = place.nameHint + (pascalCase(name) ?? "Property");
      const type = this.convert(propertySchema, { schema, pointer: propertyPointer, nameHint: hint }, false);
      if (type === undefined) continue;
      const renamedFrom = isSchemaObject(propertySchema) ? propertySchema["x-renamed-from"] : undefined;
      if (renamedFrom !== undefined && typeof renamedFrom !== "string") {
        this.report(schema, childPointer(propertyPointer, "x-renamed-from"), "INVALID_RENAME", `"x-renamed-from" must be the property's name in the previous version`);
      }
      properties.push({
        name,
        required: required.includes(name),
        type,
        description: typeof description === "string" ? description : "",
        deprecated: isSchemaObject(propertySchema) && propertySchema["deprecated"] === true,
        ...(typeof renamedFrom === "string" ? { renamedFrom } : {}),
        ...(isSchemaObject(propertySchema) && "default" in propertySchema ? { default: propertySchema["default"] } : {}),
        origin: { file: schema.file, pointer: propertyPointer },
      });
    }
    const object: TypeNode = { kind: "object", properties };
    if (isNamedRoot) return object;
    // An inline object becomes a named type of its own, so that every language can name it.
    const name = typeof node["title"] === "string" ? pascalCase(node["title"]) : place.nameHint;
    if (name === undefined) {
      this.report(schema, childPointer(pointer, "title"), "INVALID_NAME", `"title" does not make a type name; use words of letters and digits`);
      return undefined;
    }
    this.addNamedType(name, node, object, { ...place, nameHint: name });
    return { kind: "ref", name };
  }

  /** One file per version of an event type; one topic per event type, the same for all its versions. */
  private checkUniqueEvents(): void {
    const byVersion = new Map<string, EventContract>();
    const topicOwner = new Map<string, EventContract>();
    for (const event of this.events) {
      const schema = this.schemaNamed(event.schemaFile);
      const key = `${event.eventType}\u0000${event.version}`;
      const same = byVersion.get(key);
      if (same !== undefined) this.report(schema, "/properties/eventType/const", "DUPLICATE_EVENT_TYPE", `${event.eventType} version ${event.version} is also declared by ${same.schemaFile}; each version has one schema`);
      byVersion.set(key, event);
      const owner = topicOwner.get(event.kafka.topic);
      if (owner !== undefined && owner.eventType !== event.eventType) {
        this.report(schema, "/x-kafka/topic", "DUPLICATE_TOPIC", `topic ${event.kafka.topic} is also used by ${owner.eventType} (${owner.schemaFile}); each event type has a topic of its own`);
      }
      topicOwner.set(event.kafka.topic, event);
      const sibling = this.events.find((other) => other.eventType === event.eventType && other.kafka.topic !== event.kafka.topic);
      if (sibling !== undefined && event.latest) {
        this.report(schema, "/x-kafka/topic", "TOPIC_CHANGED", `every version of ${event.eventType} must use one topic: ${sibling.schemaFile} says ${sibling.kafka.topic}`);
      }
    }
  }
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function idOf(schema: LoadedSchema): string | undefined {
  const id = (schema.source.value as SchemaObject)["$id"];
  if (typeof id !== "string") return undefined;
  try {
    return new URL(id).href;
  } catch {
    return undefined;
  }
}

function typeList(type: unknown): string[] | undefined {
  if (typeof type === "string") return [type];
  if (Array.isArray(type) && type.every((entry) => typeof entry === "string")) return type as string[];
  return undefined;
}

function pointerGet(schema: LoadedSchema, pointer: string): unknown {
  let current: unknown = schema.source.value;
  for (const key of parsePointer(pointer)) current = isSchemaObject(current) ? current[key] : undefined;
  return current;
}

function positionOf(schema: LoadedSchema, pointer: string): { position?: { line: number; column: number } } {
  // Fall back to the nearest ancestor that has a position (a missing keyword has none of its own).
  let current = pointer;
  for (;;) {
    const position = schema.source.positionOf(current);
    if (position !== undefined) return { position };
    if (current === "") return {};
    current = current.slice(0, current.lastIndexOf("/"));
  }
}

/** Drops undefined fields, so the model has no `key: undefined` noise (it is compared and serialized). */
function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
