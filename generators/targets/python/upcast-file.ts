import { pyString, snakeCase } from "../../code/python.js";
import { upcastSteps, type ContractsModel } from "../../ir/model.js";
import { ContractProblemsError, type Problem } from "../../problems.js";
import { upcasterPath } from "../typescript/decode-file.js";
import type { GeneratedFile } from "../target.js";
import type { PythonNames } from "./naming.js";
import { pythonHeader } from "./python-files.js";

/**
 * `upcast.py`: the steps from one version of an event to the next, and `upcast`, which decode uses. Manual
 * steps call the upcasters written in the contracts repository (upcasters/<event>/v1_to_v2.py), copied
 * into the package as `_upcasters`; a typed constant makes mypy refuse one with the wrong signature.
 */
export function pythonUpcastFiles(model: ContractsModel, names: PythonNames, root: string, upcasters: ReadonlyMap<string, string>, builderOf: (name: string) => string): GeneratedFile[] {
  const builders = new Set<string>();
  const steps: string[] = [];
  const table: string[] = [];
  const imports: string[] = [];
  const modelImports = new Set<string>();
  const copied: GeneratedFile[] = [];
  const problems: Problem[] = [];
  for (const { event, previous, step } of upcastSteps(model)) {
    const from = names.type(previous.name) ?? previous.name;
    const to = names.type(event.name) ?? event.name;
    const stepName = `_step_${snakeCase(previous.name) ?? "event"}`;
    table.push(`    (${pyString(event.eventType)}, ${step.from}): ${stepName},`);
    if (step.kind === "automatic") {
      const operations = step.operations.map((operation) => {
        const parent = `(${operation.parent.map((segment) => `${pyString(segment)},`).join(" ")})`;
        return operation.op === "rename"
          ? `    _rename(event, ${parent}, ${pyString(operation.from)}, ${pyString(operation.to)})`
          : `    _default(event, ${parent}, ${pyString(operation.property)}, json.loads(${pyString(JSON.stringify(operation.value))}))`;
      });
      steps.push(`def ${stepName}(event: dict[str, Any]) -> dict[str, Any]:
    """${event.eventType} version ${step.from} to ${event.version}, as the schema declares it."""
${operations.join("\n")}
    event["version"] = ${event.version}
    return event
`);
      continue;
    }
    const file = upcasterPath(event, "py");
    const content = upcasters.get(file);
    if (content === undefined) {
      problems.push({
        code: "UPCASTER_MISSING",
        file: event.schemaFile,
        pointer: "/properties/version",
        message: `${event.eventType} version ${step.from} to ${event.version} needs an upcaster (${step.reasons.join("; ")}): write upcasters/${file} with \`def upcast(event: ${from}) -> ${to}\` (it imports the models from ..models)`,
      });
      continue;
    }
    const module = file.replace(/\.py$/, "").replace(/[/-]/g, "_");
    copied.push({ path: `${root}/_upcasters/${module}.py`, content });
    const written = `_written_${snakeCase(previous.name) ?? "event"}`;
    imports.push(`from ._upcasters.${module} import upcast as ${written}`);
    modelImports.add(from);
    modelImports.add(to);
    builders.add(builderOf(previous.name));
    steps.push(`# The upcaster written in upcasters/${file}; the annotation makes mypy refuse one with the wrong signature.
_${written.slice(1).toUpperCase()}: Callable[[${from}], ${to}] = ${written}


def ${stepName}(event: dict[str, Any]) -> dict[str, Any]:
    """${event.eventType} version ${step.from} to ${event.version}, by the upcaster written in upcasters/${file}."""
    current = _${written.slice(1).toUpperCase()}(${builderOf(previous.name)}(event))
    return current.model_dump(mode="json", by_alias=True, exclude_unset=True)
`);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);
  const usesJson = steps.some((step) => step.includes("json.loads("));
  const source = `${pythonHeader(model)}"""Upcasting: events of older versions become events of the current version, step by step."""

from __future__ import annotations

import copy
${usesJson ? "import json\n" : ""}from collections.abc import Callable, Mapping
from typing import Any

${builders.size > 0 ? `from ._build import ${[...builders].sort().join(", ")}\n` : ""}${imports.join("\n")}
${modelImports.size > 0 ? `from .models import ${[...modelImports].sort().join(", ")}\n` : ""}

def _object_at(event: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    current: object = event
    for key in path:
        current = current.get(key) if isinstance(current, dict) else None
    return current if isinstance(current, dict) else None


def _rename(event: dict[str, Any], parent: tuple[str, ...], old: str, new: str) -> None:
    target = _object_at(event, parent)
    if target is not None and old in target:
        target[new] = target.pop(old)


def _default(event: dict[str, Any], parent: tuple[str, ...], name: str, value: object) -> None:
    target = _object_at(event, parent)
    if target is not None and name not in target:
        target[name] = value


${steps.join("\n\n")}

_STEPS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {
${table.join("\n")}
}


def _version(event: Mapping[str, object]) -> int:
    version = event.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else -1


def upcast(event: Mapping[str, object]) -> Mapping[str, object]:
    """Brings an event of any version the contracts keep to the current version of its type.

    An event already in its current version is returned as it is; otherwise a new mapping is returned.
    """
    current = event
    while (step := _STEPS.get((str(current.get("eventType")), _version(current)))) is not None:
        current = step(copy.deepcopy(dict(current)))
    return current
`;
  return [{ path: `${root}/upcast.py`, content: source }, ...(copied.length > 0 ? [{ path: `${root}/_upcasters/__init__.py`, content: `${pythonHeader(model)}"""Upcasters written by hand in the contracts repository."""\n` }] : []), ...copied];
}
