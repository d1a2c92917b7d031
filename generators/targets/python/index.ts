import Handlebars from "handlebars";
import { dunderAllOrder, isortOrder, pyString } from "../../code/python.js";
import { markdownCode, markdownText } from "../typescript/package-files.js";
import { template, type GeneratedFile, type Target, type TargetContext } from "../target.js";
import { latestEvents } from "../../ir/model.js";
import { namePython } from "./naming.js";
import { pythonUpcastFiles } from "./upcast-file.js";
import { HEADER, constantsFile, factoriesFile, modelsFile } from "./python-files.js";

/** The Python package in `out/python`: pydantic models, validation over the shipped schemas, factories. */
export const pythonTarget: Target = {
  name: "python",
  generate(context: TargetContext): readonly GeneratedFile[] {
    const { model, config } = context;
    const names = namePython(model);
    const root = `src/${config.python.package}`;
    const handlebars = Handlebars.create();
    handlebars.registerHelper("md", (value: unknown) => markdownText(String(value)));
    handlebars.registerHelper("code", (value: unknown) => markdownCode(String(value)));
    // A TOML basic string has JSON's escapes for the characters a name or version can hold.
    handlebars.registerHelper("toml", (value: unknown) => JSON.stringify(String(value)));
    const render = (name: string, data: object): string => handlebars.compile(template(context, name), { noEscape: true, strict: true })(data);
    const latest = latestEvents(model);
    const events = latest.map((event) => ({
      eventType: event.eventType,
      model: names.type(event.name) ?? event.name,
      topic: event.kafka.topic,
      factory: names.factory(event),
    }));
    const data = { ...config.python, version: context.release.version, events, first: events[0] ?? {} };
    const exported = [
      "AnyVersionEvent", "ContractEvent", "ContractValidationError", "EVENT_MODELS", "EVENT_TYPES", "EventType", "TOPICS", "ValidationIssue",
      "Record", "decode", "encode", "from_record", "to_record", "topic_of", "upcast", "validate", "validation_errors",
      ...model.types.map((type) => names.type(type.name)).filter((name): name is string => name !== undefined),
      ...latest.map((event) => event.eventType),
      ...latest.map((event) => names.factory(event)),
      ...[...new Set(latest.map((event) => names.topicConstant(event.kafka.topic)))],
    ];
    const fromModels = exported.filter((name) => name === "AnyVersionEvent" || name === "ContractEvent" || name === "EVENT_MODELS" || model.types.some((type) => names.type(type.name) === name));
    const fromConstants = exported.filter((name) => name === "EVENT_TYPES" || name === "EventType" || name === "TOPICS" || name === "topic_of" || name.startsWith("TOPIC_") || latest.some((event) => event.eventType === name));
    const fromFactories = latest.map((event) => names.factory(event)).sort(isortOrder);
    return [
      { path: "pyproject.toml", content: render("python/pyproject.toml.hbs", data) },
      { path: "README.md", content: render("python/README.md.hbs", data) },
      { path: `${root}/py.typed`, content: "" },
      {
        path: `${root}/__init__.py`,
        content: `${HEADER}"""Event contracts of the Activity Builder: models, validation, topics and factories. See README.md."""

from .codec import Record, decode, encode, from_record, to_record, upcast
from .constants import ${fromConstants.sort(isortOrder).join(", ")}
from .factories import ${fromFactories.join(", ")}
from .models import ${fromModels.sort(isortOrder).join(", ")}
from .validation import ContractValidationError, ValidationIssue, validate, validation_errors

__all__ = [${[...exported].sort(dunderAllOrder).map((name) => pyString(name)).join(", ")}]
`,
      },
      { path: `${root}/models.py`, content: modelsFile(model, names) },
      { path: `${root}/constants.py`, content: constantsFile(model, names) },
      { path: `${root}/factories.py`, content: factoriesFile(model, names) },
      {
        path: `${root}/codec.py`,
        content: `${HEADER}"""Decoding events from the wire and encoding them back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import TypeAdapter

from ._schemas import EVENT_SCHEMAS
from .constants import TOPICS
from .models import ContractEvent
from .upcast import upcast
from .validation import ContractValidationError, ValidationIssue, load_json, validate

__all__ = ["Record", "decode", "encode", "from_record", "to_record", "upcast"]

_EVENTS: TypeAdapter[ContractEvent] = TypeAdapter(ContractEvent)


def decode(data: bytes | str | Mapping[str, object]) -> ContractEvent:
    """Reads an event as a consumer should, raising ContractValidationError when it breaks its contract.

    The event is validated against the version it declares with unknown properties allowed (producers may
    be on a newer package), upcast to the current version, checked again, and returned as its model.
    """
    try:
        value = load_json(data)
    except ValueError as error:
        raise ContractValidationError(None, [ValidationIssue("", "json", f"malformed JSON: {error}")]) from error
    if not isinstance(value, Mapping):
        raise ContractValidationError(None, [ValidationIssue("", "type", "must be an object")])
    validate(value, tolerant=True)
    current = upcast(value)
    if current is not value:
        validate(current, tolerant=True)
    return _EVENTS.validate_python(current)


def encode(event: ContractEvent) -> bytes:
    """The event as JSON on the wire: camelCase names, exactly the fields that were set."""
    return event.model_dump_json(by_alias=True, exclude_unset=True).encode()


@dataclass(frozen=True)
class Record:
    """The Kafka record of an event, independent of any Kafka client: give its fields to yours."""

    topic: str
    key: bytes
    value: bytes
    headers: tuple[tuple[str, bytes], ...]


def to_record(event: ContractEvent, source: str) -> Record:
    """Validates an event strictly and maps it to its Kafka record, exactly as the TypeScript and Go packages do.

    The contract's topic, the jobId as key (all events of one job share a partition), the JSON envelope as
    value, and CloudEvents headers in binary mode (ce_id, ce_type, ce_source, ce_time, ce_subject, ...).
    """
    value = encode(event)
    validate(value)
    headers = {
        "ce_specversion": "1.0",
        "ce_id": event.event_id,
        "ce_type": event.event_type,
        "ce_source": source,
        "ce_time": event.timestamp,
        "ce_subject": event.job_id,
        "ce_dataschema": EVENT_SCHEMAS[(event.event_type, event.version)],
        "content-type": "application/json",
    }
    return Record(
        topic=TOPICS[event.event_type],
        key=event.job_id.encode(),
        value=value,
        headers=tuple((name, text.encode()) for name, text in headers.items()),
    )


def from_record(value: bytes) -> ContractEvent:
    """Reads the value of a received record as a consumer should (see decode)."""
    return decode(value)
`,
      },
      {
        path: `${root}/_schemas.py`,
        content: `${HEADER}"""The schemas shipped in this package, and which one each event type follows."""

from __future__ import annotations

from typing import Final

SCHEMA_FILES: Final[tuple[tuple[str, str], ...]] = (
${model.schemas.map((schema) => `    (${pyString(schema.file)}, ${pyString(schema.id)}),`).join("\n")}
)
EVENT_SCHEMAS: Final[dict[tuple[str, int], str]] = {
${model.events.map((event) => `    (${pyString(event.eventType)}, ${event.version}): ${pyString(event.schemaId)},`).join("\n")}
}
`,
      },
      { path: `${root}/validation.py`, content: `${HEADER}${template(context, "python/validation.py.tmpl")}` },
      ...pythonUpcastFiles(model, names, root, context.upcasters),
      ...model.schemas.map((schema) => ({ path: `${root}/schemas/${schema.file}`, content: schema.text })),
    ];
  },
};

