import { ContractProblemsError, type Problem } from "../../problems.js";
import { findType, type ContractsModel, type EventContract, type NamedType } from "../../ir/model.js";
import { Name, isIdentifier } from "../../code/typescript.js";

/** Names the generated package exports whatever the schemas say, and the runtime's internal helpers. */
const FIXED_NAMES: readonly string[] = [
  // runtime.ts
  "ValidationError",
  "ValidationResult",
  "ContractValidationError",
  "ValidationOptions",
  "isObject",
  "fail",
  "codePointLength",
  "escapePointer",
  "deepFreeze",
  "rememberWire",
  "wireOf",
  "newEventId",
  "nowTimestamp",
  "isDateTime",
  "isDate",
  "isUuid",
  "isUri",
  "isWellFormed",
  "reject",
  "failDocument",
  "unknownProperties",
  "settle",
  "sortedKeys",
  "compareCodePoints",
  "isMultipleOf",
  "parseJson",
  "syntaxErrors",
  "MAX_DEPTH",
  // types.ts
  "ContractEvent",
  "EventTypeMap",
  "EventType",
  // topics.ts
  "TOPICS",
  "Topic",
  "EVENT_TYPES",
  "EVENT_CONTRACTS",
  "EventContractInfo",
  "TopicEventMap",
  "EventOfTopic",
  "topicOf",
  "keyOf",
  // validators.ts
  "validateEvent",
  "assertEvent",
  "isContractEvent",
  "AnyVersionEvent",
  "validateEventJson",
  "refuse",
  // decode.ts
  "decodeEvent",
  "decodeEventJson",
  "upcastEvent",
  "renameProperty",
  "defaultProperty",
];

/**
 * Global types and values the generated code refers to or that readers expect to keep their meaning; a schema
 * type with one of these names would shadow them.
 */
const SHADOWED_GLOBALS: ReadonlySet<string> = new Set(
  (
    "Array ReadonlyArray Readonly Record Partial Required Pick Omit Exclude Extract NonNullable ReturnType " +
    "Object String Number Boolean Symbol BigInt Function Error TypeError RangeError Date RegExp Promise Map Set " +
    "WeakMap WeakSet JSON Math Intl Reflect Proxy Iterable Iterator PropertyKey Uppercase Lowercase"
  ).split(" "),
);

/** The TypeScript identifiers of every named type and event, checked for collisions once, up front. */
export interface TypeScriptNames {
  type(name: string): Name;
  check(name: string): Name;
  validate(event: EventContract): Name;
  is(event: EventContract): Name;
  assert(event: EventContract): Name;
  create(event: EventContract): Name;
  init(event: EventContract): Name;
  /** The current version's name with its version, e.g. `NoteCreatedV2` (only made when there are several). */
  versioned(event: EventContract): Name;
  /** The internal function that turns an event of this (older) version into the next version. */
  upcast(event: EventContract): Name;
}

export function nameTypeScript(model: ContractsModel): TypeScriptNames {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const fixed of FIXED_NAMES) owners.set(fixed, "the generated package itself");
  const claim = (identifier: string, owner: NamedType, role: string): void => {
    const problem = (message: string): void => {
      problems.push({ code: "NAME_COLLISION", file: owner.origin.file, pointer: owner.origin.pointer, message });
    };
    if (!isIdentifier(identifier) || SHADOWED_GLOBALS.has(identifier)) {
      problem(`type name ${owner.name} would make the TypeScript ${role} "${identifier}", which is reserved; rename the type (its "$defs" key or "title")`);
      return;
    }
    const previous = owners.get(identifier);
    if (previous !== undefined) {
      problem(`type name ${owner.name} would make the TypeScript ${role} "${identifier}", which ${previous} already uses; rename the type (its "$defs" key or "title")`);
      return;
    }
    owners.set(identifier, `${owner.origin.file}#${owner.origin.pointer}`);
  };
  for (const type of model.types) {
    claim(type.name, type, "type");
    claim(`check${type.name}`, type, "internal function");
  }
  for (const event of model.events) {
    const type = findType(model, event.name);
    if (type === undefined) continue;
    const roles: (readonly [string, string, string])[] = [
      ["validate", "", "validator"],
      ["is", "", "type guard"],
      ["assert", "", "assertion"],
    ];
    if (event.latest) roles.push(["create", "", "factory"], ["", "Init", "factory input type"]);
    else roles.push(["upcast", "", "upcaster"]);
    const several = model.events.some((other) => other.eventType === event.eventType && other.version !== event.version);
    if (event.latest && several) roles.push(["", `V${event.version}`, "versioned alias"], ["validate", `V${event.version}`, "versioned validator"]);
    for (const [prefix, suffix, role] of roles) claim(`${prefix}${event.name}${suffix}`, type, role);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);
  return {
    type: (name) => Name.of(name),
    check: (name) => Name.of(`check${name}`),
    validate: (event) => Name.of(`validate${event.name}`),
    is: (event) => Name.of(`is${event.name}`),
    assert: (event) => Name.of(`assert${event.name}`),
    create: (event) => Name.of(`create${event.name}`),
    init: (event) => Name.of(`${event.name}Init`),
    versioned: (event) => Name.of(`${event.name}V${event.version}`),
    upcast: (event) => Name.of(`upcast${event.name}`),
  };
}
