import { isortOrder, pyString } from "../../code/python.js";
import { findType, latestEvents, resolveType, type ContractsModel, type TypeNode } from "../../ir/model.js";
import type { PythonNames } from "./naming.js";
import { pythonHeader } from "./python-files.js";
import { functionNames } from "./validation-file.js";

/**
 * `_build.py`: a builder per model and union that turns a value `read_event` has already validated into the
 * frozen models, with no second parse and no second validation (`model_construct`): what was judged is what
 * is returned, and no name but the wire name is ever read.
 */
export function pythonBuildFile(model: ContractsModel, names: PythonNames): { path: string; content: string; builderOf(name: string): string } {
  const builders = functionNames(model, "build_");
  const builderOf = (name: string): string => builders.get(name) ?? "build_missing";
  const used = new Set<string>();
  const expression = (type: TypeNode, value: string): string => {
    switch (type.kind) {
      case "ref": {
        const named = findType(model, type.name);
        if (named?.type.kind === "object" || named?.type.kind === "union") return `${builderOf(type.name)}(${value})`;
        return expression(resolveType(model, type), value);
      }
      case "number":
        return type.integer ? value : `float(${value})`;
      case "array": {
        const item = expression(type.items, "item");
        return item === "item" ? `tuple(${value})` : `tuple(${item} for item in ${value})`;
      }
      case "map": {
        const entry = expression(type.values, "entry");
        return entry === "entry" ? `dict(${value})` : `{key: ${entry} for key, entry in ${value}.items()}`;
      }
      case "nullable": {
        const inner = expression(type.inner, value);
        return inner === value ? value : `None if ${value} is None else ${inner}`;
      }
      default:
        return value;
    }
  };
  const functions: string[] = [];
  for (const named of model.types) {
    const className = names.type(named.name);
    if (className === undefined) continue;
    if (named.type.kind === "union") {
      const variants = named.type.variants.map((variant) => `    if tag == ${pyString(variant.value)}:\n        return ${builderOf(variant.type.name)}(value)`);
      const returned = named.type.variants.map((variant) => names.type(variant.type.name) ?? variant.type.name);
      returned.forEach((name) => used.add(name));
      functions.push(`def ${builderOf(named.name)}(value: Any) -> ${returned.join(" | ")}:
    tag = value[${pyString(named.type.discriminator)}]
${variants.join("\n")}
    raise ValueError(f"no variant of ${named.name.replace(/[^A-Za-z0-9]/g, "")} is {tag!r}")
`);
    }
    if (named.type.kind === "object") {
      used.add(className);
      const { properties } = named.type;
      const entries = properties.map((property) => {
        const attribute = pyString(names.attribute(named.name, property.name));
        const key = pyString(property.name);
        if (property.required) return `        ${attribute}: ${expression(property.type, `value[${key}]`)},`;
        const converted = expression(property.type, "present");
        return converted === "present" ? `        ${attribute}: value.get(${key}),` : `        ${attribute}: None if (present := value.get(${key})) is None else ${converted},`;
      });
      const required = properties.filter((property) => property.required).map((property) => pyString(names.attribute(named.name, property.name)));
      const optional = properties.filter((property) => !property.required).map((property) => `(${pyString(property.name)}, ${pyString(names.attribute(named.name, property.name))})`);
      const given = optional.length === 0 ? `{${required.join(", ")}}` : `{${required.map((name) => `${name}, `).join("")}*(name for key, name in (${optional.join(", ")},) if key in value)}`;
      functions.push(`def ${builderOf(named.name)}(value: Any) -> ${className}:
    return _make(
        ${className},
        {${entries.length > 0 ? `\n${entries.join("\n")}\n        ` : ""}},
        ${required.length === 0 && optional.length === 0 ? "set()" : given},
    )
`);
    }
  }
  const events = latestEvents(model);
  const cases = events.map((event) => `    if event_type == ${pyString(event.eventType)}:\n        return ${builderOf(event.name)}(value)`);
  const eventNames = events.map((event) => names.type(event.name) ?? event.name);
  const imports = [...new Set([...used, ...eventNames])].sort(isortOrder);
  const content = `${pythonHeader(model)}"""Builders of the models from validated values: no second parse, no second validation."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from .models import ${imports.join(", ")}

_Model = TypeVar("_Model", bound=BaseModel)
_set = object.__setattr__


def _make(model: type[_Model], values: dict[str, Any], given: set[str]) -> _Model:
    """What pydantic's model_construct does for these frozen models, without its per-field loop.

    The values were validated already (by the same checks as validate), every field is given (absent ones
    as None), and \`given\` names the ones the event had, so that encode writes exactly those.
    """
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", given)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


${functions.join("\n\n")}

def build_event(value: Any) -> ${eventNames.join(" | ")}:
    """The current version's model of a validated event."""
    event_type = value["eventType"]
${cases.join("\n")}
    raise ValueError(f"no event type {event_type!r}")
`;
  return { path: "_build.py", content, builderOf };
}
