import { article } from "../../ir/names.js";
import { filledIn } from "../../ir/envelope.js";
import { generatedBy } from "../../ir/project.js";
import { isortOrder, pyDocstring, pyString } from "../../code/python.js";
import { findType, latestEvents, resolveType, type ContractsModel, type NamedType, type Property, type TypeNode } from "../../ir/model.js";
import type { PythonNames } from "./naming.js";

/** The first line of every generated Python file: where it comes from, and the command that remakes it. */
export function pythonHeader(model: ContractsModel): string {
  return `# ${generatedBy(model.project)}\n`;
}

/** The Python type of a model type: str/int/float/bool, Literal for enums and consts, tuples for arrays. */
export function pyType(model: ContractsModel, names: PythonNames, type: TypeNode): string {
  switch (type.kind) {
    case "ref":
      return names.type(type.name) ?? pyType(model, names, resolveType(model, type));
    case "string":
      return "str";
    case "number":
      return type.integer ? "int" : "float";
    case "boolean":
      return "bool";
    case "const":
      // typing.Literal holds ints, strings and booleans only; a fractional constant is typed as a float.
      return typeof type.value === "number" && !Number.isSafeInteger(type.value) ? "float" : `Literal[${pyValue(type.value)}]`;
    case "enum":
      return `Literal[${type.values.map(pyString).join(", ")}]`;
    case "array":
      return `tuple[${pyType(model, names, type.items)}, ...]`;
    case "map":
      return `dict[str, ${pyType(model, names, type.values)}]`;
    case "nullable":
      return `${pyType(model, names, type.inner)} | None`;
    case "union":
      return type.variants.map((variant) => names.type(variant.type.name) ?? variant.type.name).join(" | ");
    case "object":
      throw new Error("internal error: objects are always named types");
  }
}

export function pyValue(value: string | number | boolean): string {
  if (typeof value === "string") return pyString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

function field(model: ContractsModel, names: PythonNames, owner: string, property: Property): string {
  const attribute = names.attribute(owner, property.name);
  const type = pyType(model, names, property.type);
  const options: string[] = [];
  if (!property.required) options.push("default=None");
  if (attribute !== property.name) options.push(`validation_alias=${pyString(property.name)}`, `serialization_alias=${pyString(property.name)}`);
  if (property.description !== "") options.push(`description=${pyString(property.description)}`);
  if (property.deprecated) options.push("deprecated=True");
  // An optional property is None when absent; a nullable type admits None already (through a reference too).
  const annotation = property.required || resolveType(model, property.type).kind === "nullable" ? type : `${type} | None`;
  return `    ${attribute}: ${annotation} = Field(${options.join(", ")})\n`;
}

/** `models.py`: a frozen pydantic model per object, Literal aliases for enums, discriminated unions. */
export function modelsFile(model: ContractsModel, names: PythonNames): string {
  const enums: string[] = [];
  const classes: string[] = [];
  const unions: string[] = [];
  const modelNames: string[] = [];
  for (const named of model.types) {
    const name = names.type(named.name);
    if (name === undefined) continue;
    const doc = named.description === "" ? "" : pyDocstring(named.description, "");
    if (named.type.kind === "enum") enums.push(`${name}: TypeAlias = ${pyType(model, names, named.type)}\n${doc}`);
    if (named.type.kind === "union") {
      const attribute = discriminatorAttribute(names, named);
      unions.push(`${name}: TypeAlias = Annotated[${pyType(model, names, named.type)}, Field(discriminator=${pyString(attribute)})]\n${doc}`);
    }
    if (named.type.kind === "object") {
      modelNames.push(name);
      const body = named.type.properties.map((property) => field(model, names, named.name, property)).join("");
      classes.push(`class ${name}(_ContractModel):\n${named.description === "" ? "" : pyDocstring(named.description, "    ") + "\n"}    _contract: ClassVar[str] = ${pyString(named.name)}\n${body === "" ? "" : "\n" + body}`);
    }
  }
  const events = latestEvents(model).map((event) => names.type(event.name) ?? event.name);
  const everyVersion = model.events.map((event) => names.type(event.name) ?? event.name);
  return `${pythonHeader(model)}"""The event contracts as pydantic models: frozen, with camelCase wire names as aliases."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from .validation import ContractValidationError, issues_of

${enums.join("\n")}

class _ContractModel(BaseModel):
    """Base of every contract model: immutable, built in code by attribute name or wire name.

    A model built in code is checked against its contract by the same generated checks as validate() (so
    \`TextJobPayload(prompt="")\` raises ContractValidationError); decode() builds models from events it has
    already validated, without checking them twice.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True, protected_namespaces=())
    _contract: ClassVar[str]

    def __init__(self, /, **data: Any) -> None:
        super().__init__(**data)
        issues = issues_of(self._contract, self.model_dump(mode="json", by_alias=True, exclude_unset=True))
        if issues:
            raise ContractValidationError(None, issues)


${classes.join("\n\n")}

${unions.join("\n")}
ContractEvent: TypeAlias = Annotated[${events.join(" | ")}, Field(discriminator="event_type")]
"""Every event of the contracts in its current version, discriminated on \`eventType\`: what decode returns."""

AnyVersionEvent: TypeAlias = ${everyVersion.join(" | ")}
"""Every version of every event the contracts keep."""

EVENT_MODELS: dict[str, type[${events.join(" | ")}]] = {
${latestEvents(model).map((event) => `    ${pyString(event.eventType)}: ${names.type(event.name) ?? event.name},`).join("\n")}
}
"""Each event type's model, in its current version."""

for _model in (${modelNames.join(", ")}):
    _model.model_rebuild()
`;
}

function discriminatorAttribute(names: PythonNames, union: NamedType): string {
  if (union.type.kind !== "union") return "";
  const first = union.type.variants[0]?.type.name ?? "";
  return names.attribute(first, union.type.discriminator);
}

/** `constants.py`: event types, topics and `topic_of`. */
export function constantsFile(model: ContractsModel, names: PythonNames): string {
  const events = latestEvents(model);
  const topics = [...new Set(events.map((event) => event.kafka.topic))].sort();
  return `${pythonHeader(model)}"""Event types and Kafka topics of the contracts."""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

EventType: TypeAlias = Literal[${events.map((event) => pyString(event.eventType)).join(", ")}]
"""The identifier of an event type."""

${events.map((event) => `${event.eventType}: Final = ${pyString(event.eventType)}\n${pyDocstring(event.description, "")}`).join("\n")}
EVENT_TYPES: Final[tuple[EventType, ...]] = (${events.map((event) => `${event.eventType},`).join(" ")})
"""Every event type, sorted."""

${topics.map((topic) => `${names.topicConstant(topic)}: Final = ${pyString(topic)}`).join("\n")}

TOPICS: Final[dict[EventType, str]] = {
${events.map((event) => `    ${event.eventType}: ${names.topicConstant(event.kafka.topic)},`).join("\n")}
}
"""The Kafka topic of each event type, from the schemas' x-kafka annotations."""


def topic_of(event_type: EventType) -> str:
    """The Kafka topic an event type is published to.

    >>> topic_of(${pyString(events[0]?.eventType ?? "")})
    ${pyString(events[0]?.kafka.topic ?? "").replace(/^"|"$/g, "'")}
    """
    return TOPICS[event_type]
`;
}


/**
 * `factories.py`: one `create_<event>` per event, filling the envelope and validating. Parameters are the
 * models' attribute names; everything else a factory body names starts with an underscore, which no attribute
 * does, so no property can shadow it.
 */
export function factoriesFile(model: ContractsModel, names: PythonNames, builderOf: (name: string) => string): string {
  const events = latestEvents(model);
  // The envelope's generated properties, filled in when the caller passes None.
  const DEFAULTED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(model.envelope.generated).map(([name, how]) => [name, how === "uuid" ? "_new_id()" : "_now()"]));
  const filled = filledIn(model.envelope);
  const factories = events.map((event) => {
    const root = findType(model, event.name)?.type;
    if (root?.kind !== "object") return "";
    const parameters: string[] = [];
    const entries: string[] = [];
    const optional: string[] = [];
    for (const property of root.properties) {
      const key = pyString(property.name);
      if (property.name === "eventType") entries.push(`        ${key}: ${pyString(event.eventType)},`);
      else if (property.name === "version") entries.push(`        ${key}: ${event.version},`);
      else {
        // The model's attribute name: the naming pass has already kept it off keywords and pydantic's names.
        const parameter = names.attribute(event.name, property.name);
        const resolved = resolveType(model, property.type);
        const type = pyType(model, names, property.type) + (resolved.kind === "object" || resolved.kind === "union" ? " | Mapping[str, object]" : "");
        const orNone = resolved.kind === "nullable" ? type : `${type} | None`;
        const fallback = DEFAULTED[property.name];
        if (fallback !== undefined) {
          parameters.push(`    ${parameter}: ${orNone} = None,`);
          entries.push(`        ${key}: _wire(${parameter}) if ${parameter} is not None else ${fallback},`);
        } else if (property.required) {
          parameters.push(`    ${parameter}: ${type},`);
          entries.push(`        ${key}: _wire(${parameter}),`);
        } else {
          parameters.push(`    ${parameter}: ${orNone} = None,`);
          optional.push(`    if ${parameter} is not None:\n        _event[${key}] = _wire(${parameter})\n`);
        }
      }
    }
    const name = names.factory(event);
    const modelName = names.type(event.name) ?? event.name;
    return `def ${name}(
    *,
${parameters.join("\n")}
) -> ${modelName}:
    """Creates ${article(event.eventType)} ${event.eventType} event (version ${event.version}).

    Fills in eventType and version${filled === undefined ? "" : ` (${filled} filled in when not given)`},
    validates the event against its contract and returns it as a frozen model. Raises
    ContractValidationError listing every problem.
    """
    _event: dict[str, object] = {
${entries.join("\n")}
    }
${optional.join("")}    return _build.${builderOf(event.name)}(_read_event(_event))
`;
  });
  const imports = [...new Set(events.flatMap((event) => {
    const root = findType(model, event.name)?.type;
    const refs = root?.kind === "object" ? root.properties.map((property) => property.type).filter((type) => type.kind === "ref").map((type) => names.type(type.name)) : [];
    return [names.type(event.name), ...refs].filter((name): name is string => name !== undefined);
  }))].sort(isortOrder);
  const body = factories.join("\n\n");
  const typing = body.includes("Literal[") ? "from typing import Literal\n" : "";
  return `${pythonHeader(model)}"""Factories that build valid events: the envelope is filled in, the result validated."""

from __future__ import annotations

import datetime as _datetime
import uuid as _uuid
from collections.abc import Mapping
${typing}
from pydantic import BaseModel

from . import _build
from .models import ${imports.join(", ")}
from .validation import read_event as _read_event


def _new_id() -> str:
    return str(_uuid.uuid4())


def _now() -> str:
    return _datetime.datetime.now(_datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _wire(value: object) -> object:
    """A model as it goes on the wire (camelCase names, only the fields that were set); anything else as is."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, tuple):
        return [_wire(item) for item in value]
    return value


${body}`;
}
