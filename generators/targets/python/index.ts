import Handlebars from "handlebars";
import { dunderAllOrder, isortOrder, pyDocstring, pyString } from "../../code/python.js";
import { markdownCode, markdownText } from "../../code/markdown.js";
import { template, type GeneratedFile, type Target, type TargetContext } from "../target.js";
import { cloudEventsSentence, factoryFills, generatedProperties, spokenList } from "../../ir/envelope.js";
import { tomlString } from "../../code/toml.js";
import { findType, latestEvents, type EventContract, type Property } from "../../ir/model.js";
import { namePython } from "./naming.js";
import { pythonUpcastFiles } from "./upcast-file.js";
import { pythonKafkaFile } from "./kafka-file.js";
import { pythonHeader, constantsFile, factoriesFile, modelsFile } from "./python-files.js";
import { pythonBuildFile } from "./build-file.js";
import { pythonValidationFile } from "./validation-file.js";
import { pipInstallLines } from "../install.js";

/**
 * The Python package in `out/python`: frozen pydantic models that check themselves, validation printed from
 * the validation plan over one read of the JSON, decoding from that same read, factories.
 */
export const pythonTarget: Target = {
  name: "python",
  generate(context: TargetContext): readonly GeneratedFile[] {
    const { model, config } = context;
    const names = namePython(model);
    const root = `src/${config.python.package}`;
    const handlebars = Handlebars.create();
    handlebars.registerHelper("md", (value: unknown) => markdownText(String(value)));
    handlebars.registerHelper("code", (value: unknown) => markdownCode(String(value)));
    handlebars.registerHelper("toml", (value: unknown) => tomlString(String(value)));
    const render = (name: string, data: object): string => handlebars.compile(template(context, name), { noEscape: true, strict: true })(data);
    const latest = latestEvents(model);
    const { envelope } = model;
    const generated = generatedProperties(envelope);
    const properties = (event: EventContract): readonly Property[] => {
      const type = findType(model, event.name)?.type;
      return type?.kind === "object" ? type.properties : [];
    };
    const events = latest.map((event) => ({
      eventType: event.eventType,
      model: names.type(event.name) ?? event.name,
      topic: event.kafka.topic,
      factory: names.factory(event),
      // The README's call: the required arguments the envelope does not fill in, each as `name=...`.
      call: properties(event).filter((property) => property.required && property.name !== "eventType" && property.name !== "version" && !(property.name in envelope.generated)).map((property) => `${names.attribute(event.name, property.name)}=...`).join(", "),
      key: names.attribute(event.name, event.kafka.key),
      topicLiteral: pyString(event.kafka.topic),
      handlerField: names.factory(event).replace(/^create_/, ""),
      fills: `${factoryFills(envelope, markdownCode)}${generated.length === 0 ? "" : ` (pass ${spokenList(generated.map((name) => markdownCode(`${names.attribute(event.name, name)}=`)), "or")} to set ${generated.length === 1 ? "it" : "them"})`}`,
    }));
    // Each schema file by name, as a glob that matches only itself: a wildcard would skip files whose names
    // start with a dot, which setuptools's glob treats as hidden.
    const packageData = ["py.typed", ...model.schemas.map((schema) => `schemas/${schema.file}`.replace(/[[*?]/g, (character) => `[${character}]`))];
    const data = { ...config.python, description: config.python.description ?? config.typescript.description, version: context.release.version, install: pipInstallLines(config, context.release.version).join("\n"), kafkaInstall: pipInstallLines(config, context.release.version, "kafka").join("\n"), events, first: events[0] ?? {}, packageData };
    const exported = [
      "AnyVersionEvent", "ContractEvent", "ContractValidationError", "EVENT_MODELS", "EVENT_TYPES", "EventType", "TOPICS", "ValidationIssue",
      "MAX_DEPTH", "Record", "decode", "encode", "from_record", "read_event", "to_record", "topic_of", "upcast", "validate", "validation_errors",
      ...model.types.map((type) => names.type(type.name)).filter((name): name is string => name !== undefined),
      ...latest.map((event) => event.eventType),
      ...latest.map((event) => names.factory(event)),
      ...[...new Set(latest.map((event) => names.topicConstant(event.kafka.topic)))],
    ];
    const fromModels = exported.filter((name) => name === "AnyVersionEvent" || name === "ContractEvent" || name === "EVENT_MODELS" || model.types.some((type) => names.type(type.name) === name));
    const fromConstants = exported.filter((name) => name === "EVENT_TYPES" || name === "EventType" || name === "TOPICS" || name === "topic_of" || name.startsWith("TOPIC_") || latest.some((event) => event.eventType === name));
    const fromFactories = latest.map((event) => names.factory(event)).sort(isortOrder);
    const build = pythonBuildFile(model, names);
    return [
      { path: "pyproject.toml", content: render("python/pyproject.toml.hbs", data) },
      { path: "README.md", content: render("python/README.md.hbs", data) },
      { path: `${root}/py.typed`, content: "" },
      {
        path: `${root}/__init__.py`,
        content: `${pythonHeader(model)}${pyDocstring(`${model.project.title}: models, validation, topics and factories. See README.md.`, "")}
from .codec import Record, decode, encode, from_record, to_record, upcast
from .constants import ${fromConstants.sort(isortOrder).join(", ")}
from .factories import ${fromFactories.join(", ")}
from .models import ${fromModels.sort(isortOrder).join(", ")}
from .validation import MAX_DEPTH, ContractValidationError, ValidationIssue, read_event, validate, validation_errors

__all__ = [${[...exported].sort(dunderAllOrder).map((name) => pyString(name)).join(", ")}]
`,
      },
      { path: `${root}/models.py`, content: modelsFile(model, names) },
      { path: `${root}/constants.py`, content: constantsFile(model, names) },
      { path: `${root}/factories.py`, content: factoriesFile(model, names, build.builderOf) },
      {
        path: `${root}/codec.py`,
        content: `${pythonHeader(model)}"""Decoding events from the wire and encoding them back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ._build import build_event
from ._schemas import EVENT_SCHEMAS
from .constants import TOPICS
from .models import ContractEvent
from .upcast import upcast
from .validation import ContractValidationError, ValidationIssue, read_event, validate, validation_errors

__all__ = ["Record", "decode", "encode", "from_record", "to_record", "upcast"]

# The envelope property each event type's record key is read from (its x-kafka key).
_KEYS: Final[dict[str, str]] = {
${latest.map((event) => `    ${pyString(event.eventType)}: ${pyString(event.kafka.key)},`).join("\n")}
}


def decode(data: bytes | str | Mapping[str, object]) -> ContractEvent:
    """Reads an event as a consumer should, raising ContractValidationError when it breaks its contract.

    The JSON is read once; that value is validated against the version it declares with unknown properties
    allowed (producers may be on a newer package), upcast to the current version, checked again, and built
    into its model without a second parse.
    """
    value = read_event(data, tolerant=True)
    current = upcast(value)
    if current is not value:
        issues = validation_errors(current, tolerant=True)
        if issues:
            raise ContractValidationError(
                str(value.get("eventType")),
                [ValidationIssue(issue.pointer, issue.keyword, f"after upcasting: {issue.message}") for issue in issues],
            )
        current = read_event(current, tolerant=True)
    return build_event(current)


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

    The contract's topic, the contract's key (all events with one key share a partition), the JSON envelope
    as value, and CloudEvents headers in binary mode (ce_id, ce_type, ce_source, ce_time, ...), read from
    the envelope: ${cloudEventsSentence(model.envelope)}.
    """
    value = encode(event)
    validate(value)
    wire = json.loads(value)
    headers: dict[str, str] = {
        "ce_specversion": "1.0",
        "ce_id": str(wire[${pyString(model.envelope.cloudEvents.id)}]),
        "ce_type": event.event_type,
        "ce_source": source,
        "ce_time": str(wire[${pyString(model.envelope.cloudEvents.time)}]),
${model.envelope.cloudEvents.subject === undefined ? "" : `        "ce_subject": str(wire[${pyString(model.envelope.cloudEvents.subject)}]),\n`}        "ce_dataschema": EVENT_SCHEMAS[(event.event_type, event.version)],
        "content-type": "application/json",
    }
    return Record(
        topic=TOPICS[event.event_type],
        key=str(wire[_KEYS[event.event_type]]).encode(),
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
        content: `${pythonHeader(model)}"""The schemas shipped in this package, and which one each event type follows."""

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
      { path: `${root}/kafka.py`, content: pythonKafkaFile(model, names, template(context, "python/kafka.py.tmpl")) },
      { path: `${root}/confluent.py`, content: `${pythonHeader(model)}${template(context, "python/confluent.py.tmpl")}` },
      { path: `${root}/validation.py`, content: pythonValidationFile(model, pythonHeader(model), template(context, "python/validation.py.tmpl")) },
      { path: `${root}/${build.path}`, content: build.content },
      ...pythonUpcastFiles(model, names, root, context.upcasters, build.builderOf),
      ...model.schemas.map((schema) => ({ path: `${root}/schemas/${schema.file}`, content: schema.text, formatted: true })),
    ];
  },
};

