/**
 * The contracts model: one immutable, sorted description of every event and every named type, built from the
 * schemas by `ir/build.ts`. Targets read only this model, never the schemas, so every language sees the same
 * contracts with the same names.
 */
import type { Envelope } from "./envelope.js";
import type { Project } from "./project.js";

/** Where in which schema file something was declared, for messages and docs. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

export type StringFormat = "date-time" | "date" | "uuid" | "uri";

export interface StringType {
  readonly kind: "string";
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: StringFormat;
}

export interface NumberType {
  readonly kind: "number";
  /** `type: integer` in the schema. */
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

export interface BooleanType {
  readonly kind: "boolean";
}

/** A closed set of strings. */
export interface EnumType {
  readonly kind: "enum";
  readonly values: readonly string[];
}

export type ConstValue = string | number | boolean;

export interface ConstType {
  readonly kind: "const";
  readonly value: ConstValue;
}

export interface Property {
  /** The name on the wire, exactly as in the schema. */
  readonly name: string;
  readonly required: boolean;
  readonly type: TypeNode;
  readonly description: string;
  readonly deprecated: boolean;
  /** `x-renamed-from`: the property's name in the previous version, for automatic upcasting. */
  readonly renamedFrom?: string;
  /** `default`: the value an upcaster fills in when an event of the previous version lacks the property. */
  readonly default?: unknown;
  readonly origin: Origin;
}

/** An object with a fixed set of properties; unknown properties are not allowed (the contract is closed). */
export interface ObjectType {
  readonly kind: "object";
  readonly properties: readonly Property[];
}

/** An object used as a dictionary: any keys, every value of one type. */
export interface MapType {
  readonly kind: "map";
  readonly values: TypeNode;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

export interface ArrayType {
  readonly kind: "array";
  readonly items: TypeNode;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** `oneOf` over named object types that each fix one property (the discriminator) to a distinct constant. */
export interface UnionType {
  readonly kind: "union";
  readonly discriminator: string;
  readonly variants: readonly UnionVariant[];
}

export interface UnionVariant {
  readonly value: string;
  readonly type: RefType;
}

/** A use of a named type. */
export interface RefType {
  readonly kind: "ref";
  readonly name: string;
}

/** `type: [T, "null"]`: the value may also be null. Presence (required or optional) is on the property. */
export interface NullableType {
  readonly kind: "nullable";
  readonly inner: TypeNode;
}

export type TypeNode =
  | StringType
  | NumberType
  | BooleanType
  | EnumType
  | ConstType
  | ObjectType
  | MapType
  | ArrayType
  | UnionType
  | RefType
  | NullableType;

/** A type with a name: a `$defs` entry, an event, or an inline object named after its place. */
export interface NamedType {
  /** PascalCase, unique across all schemas. */
  readonly name: string;
  readonly description: string;
  readonly type: TypeNode;
  readonly origin: Origin;
}

export interface KafkaBinding {
  readonly topic: string;
  /** The envelope property used as the record key. */
  readonly key: string;
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
}

/**
 * How an event of the previous version becomes one of this version. "automatic" steps are declared in the
 * schema (`x-renamed-from`, `default` on a new required property); "manual" steps call an upcaster written
 * in the contracts repository (see `upcasters/`).
 */
export type UpcastStep =
  | { readonly kind: "automatic"; readonly from: number; readonly operations: readonly UpcastOperation[] }
  | { readonly kind: "manual"; readonly from: number; readonly reasons: readonly string[] };

export type UpcastOperation =
  | { readonly op: "rename"; readonly parent: readonly string[]; readonly from: string; readonly to: string }
  | { readonly op: "default"; readonly parent: readonly string[]; readonly property: string; readonly value: unknown };

export interface EventContract {
  readonly eventType: string;
  readonly version: number;
  /** Whether this is the newest version of the event type (older versions are kept, frozen). */
  readonly latest: boolean;
  /** From the previous version to this one; absent for the first version the contracts keep. */
  readonly upcast?: UpcastStep;
  /** Name of the event's named type (from the schema's `title`). */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kafka: KafkaBinding;
  /** Schema file name relative to the schemas folder, e.g. `text-job.json`. */
  readonly schemaFile: string;
  readonly schemaId: string;
  readonly examples: readonly unknown[];
}

/** A schema file as loaded, shipped unchanged inside the generated packages. */
export interface SchemaFile {
  readonly file: string;
  readonly id: string;
  readonly text: string;
}

export interface ContractsModel {
  /** The properties every event carries (from the config): names the targets write, never hard-code. */
  readonly envelope: Envelope;
  /** The project the contracts belong to, as its generated files name it (from the config). */
  readonly project: Project;
  /** Sorted by eventType, then version. */
  readonly events: readonly EventContract[];
  /** Sorted by name. */
  readonly types: readonly NamedType[];
  /** Sorted by file name. */
  readonly schemas: readonly SchemaFile[];
}


/** The named types of a model by name, indexed once per model: references are followed everywhere, often. */
const typesByName = new WeakMap<readonly NamedType[], ReadonlyMap<string, NamedType>>();

/** The named type of this name, if the model has one. */
export function findType(model: ContractsModel, name: string): NamedType | undefined {
  let index = typesByName.get(model.types);
  if (index === undefined) {
    index = new Map(model.types.map((type) => [type.name, type]));
    typesByName.set(model.types, index);
  }
  return index.get(name);
}

export function typeNamed(model: ContractsModel, name: string): NamedType {
  const found = findType(model, name);
  if (found === undefined) throw new Error(`internal error: no named type ${name}`);
  return found;
}

/** Follows references until a structural type is reached. */
export function resolveType(model: ContractsModel, type: TypeNode): Exclude<TypeNode, RefType> {
  let current = type;
  while (current.kind === "ref") current = typeNamed(model, current.name).type;
  return current;
}

/** The newest version of each event type. */
export function latestEvents(model: ContractsModel): readonly EventContract[] {
  return model.events.filter((event) => event.latest);
}

/** Every version of an event type, oldest first. */
export function versionsOf(model: ContractsModel, eventType: string): readonly EventContract[] {
  return model.events.filter((event) => event.eventType === eventType);
}

/** One upcast step: from `previous` to `event`, one version up. */
export interface UpcastStepOf {
  readonly event: EventContract;
  readonly previous: EventContract;
  readonly step: UpcastStep;
}

/** Every upcast step of the model, in model order. */
export function upcastSteps(model: ContractsModel): UpcastStepOf[] {
  return model.events.flatMap((event) => {
    const step = event.upcast;
    const previous = step === undefined ? undefined : model.events.find((candidate) => candidate.eventType === event.eventType && candidate.version === step.from);
    return step === undefined || previous === undefined ? [] : [{ event, previous, step }];
  });
}
