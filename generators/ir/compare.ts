import { findType, type ContractsModel, type EventContract, type NamedType, type Origin, type Property, resolveType, type TypeNode } from "./model.js";
import { childPointer } from "../schema/json-pointer.js";
import type { RuleId } from "./change-rules.js";

/**
 * The structural comparison of two contracts of an event: every difference, named by its compatibility rule.
 * `compat` judges them against the versions; the upcast planner uses them to see which steps between
 * versions can be made automatically.
 */
export interface Change {
  readonly rule: RuleId;
  /** JSON pointer into the event; `0` stands for any array item, `*` for any map value. */
  readonly pointer: string;
  readonly message: string;
  readonly origin: Origin;
}

/** Changes between two versions of an event: envelope and payload, documentation included. */
export function compareEvents(before: ContractsModel, oldEvent: EventContract, after: ContractsModel, newEvent: EventContract): Change[] {
  const changes: Change[] = [];
  const root = { file: newEvent.schemaFile, pointer: "" };
  if (oldEvent.description !== newEvent.description || oldEvent.title !== newEvent.title) {
    changes.push({ rule: "DESCRIPTION_CHANGED", pointer: "", message: "the event's title or description changed", origin: root });
  }
  if (JSON.stringify(oldEvent.examples) !== JSON.stringify(newEvent.examples)) {
    changes.push({ rule: "EXAMPLES_CHANGED", pointer: "", message: "the examples changed", origin: { file: newEvent.schemaFile, pointer: "/examples" } });
  }
  const walker = new TypeWalker(before, after, changes);
  walker.compare({ kind: "ref", name: oldEvent.name }, { kind: "ref", name: newEvent.name }, "", root, true);
  return changes;
}

class TypeWalker {
  private readonly seen = new Set<string>();
  /** The pairs of named types being compared on the way down: a recursive type is walked once per place. */
  private readonly open = new Set<string>();

  constructor(
    private readonly before: ContractsModel,
    private readonly after: ContractsModel,
    private readonly changes: Change[],
  ) {}

  private change(rule: RuleId, pointer: string, message: string, origin: Origin): void {
    this.changes.push({ rule, pointer, message, origin });
  }

  private named(model: ContractsModel, type: TypeNode): NamedType | undefined {
    return type.kind === "ref" ? findType(model, type.name) : undefined;
  }

  compare(oldType: TypeNode, newType: TypeNode, pointer: string, origin: Origin, isRoot = false): void {
    const oldNamed = this.named(this.before, oldType);
    const newNamed = this.named(this.after, newType);
    if (oldNamed !== undefined && newNamed !== undefined) {
      const pair = `${oldNamed.name}\u0000${newNamed.name}`;
      const key = `${pair}\u0000${pointer}`;
      if (this.seen.has(key) || this.open.has(pair)) return;
      this.seen.add(key);
      if (!isRoot && oldNamed.description !== newNamed.description) {
        this.change("DESCRIPTION_CHANGED", pointer, `the description of ${newNamed.name} changed`, newNamed.origin);
      }
      this.open.add(pair);
      try {
        this.compareResolved(oldType, newType, pointer, newNamed.origin);
      } finally {
        this.open.delete(pair);
      }
      return;
    }
    this.compareResolved(oldType, newType, pointer, newNamed?.origin ?? origin);
  }

  private compareResolved(oldType: TypeNode, newType: TypeNode, pointer: string, here: Origin): void {
    const oldResolved = resolveType(this.before, oldType);
    const newResolved = resolveType(this.after, newType);
    const oldNullable = oldResolved.kind === "nullable";
    const newNullable = newResolved.kind === "nullable";
    if (oldNullable !== newNullable) {
      this.change("NULLABILITY_CHANGED", pointer, newNullable ? "null is now allowed: old consumers do not expect it" : "null is no longer allowed: old events that carry null become invalid", here);
    }
    const a = oldResolved.kind === "nullable" ? resolveType(this.before, oldResolved.inner) : oldResolved;
    const b = newResolved.kind === "nullable" ? resolveType(this.after, newResolved.inner) : newResolved;
    if (a.kind === "nullable" || b.kind === "nullable") return;
    if (a.kind !== b.kind || (a.kind === "number" && b.kind === "number" && a.integer !== b.integer)) {
      this.change("TYPE_CHANGED", pointer, `type changed from ${describe(a)} to ${describe(b)}`, here);
      return;
    }
    switch (a.kind) {
      case "string":
        if (b.kind !== "string") return;
        this.bounds(pointer, here, [["minLength", a.minLength, b.minLength], ["maxLength", a.maxLength, b.maxLength]]);
        if (a.pattern !== b.pattern) this.change("PATTERN_CHANGED", pointer, `pattern changed from ${a.pattern ?? "none"} to ${b.pattern ?? "none"}`, here);
        if (a.format !== b.format) this.change("FORMAT_CHANGED", pointer, `format changed from ${a.format ?? "none"} to ${b.format ?? "none"}`, here);
        return;
      case "number":
        if (b.kind !== "number") return;
        this.bounds(pointer, here, [
          ["minimum", a.minimum, b.minimum],
          ["maximum", a.maximum, b.maximum],
          ["exclusiveMinimum", a.exclusiveMinimum, b.exclusiveMinimum],
          ["exclusiveMaximum", a.exclusiveMaximum, b.exclusiveMaximum],
          ["multipleOf", a.multipleOf, b.multipleOf],
        ]);
        return;
      case "enum": {
        if (b.kind !== "enum") return;
        for (const value of b.values) if (!a.values.includes(value)) this.change("ENUM_VALUE_ADDED", pointer, `enum value ${JSON.stringify(value)} added: old consumers do not know it`, here);
        for (const value of a.values) if (!b.values.includes(value)) this.change("ENUM_VALUE_REMOVED", pointer, `enum value ${JSON.stringify(value)} removed: old events that carry it become invalid`, here);
        return;
      }
      case "const":
        if (b.kind === "const" && a.value !== b.value) this.change("CONST_CHANGED", pointer, `constant changed from ${JSON.stringify(a.value)} to ${JSON.stringify(b.value)}`, here);
        return;
      case "array":
        if (b.kind !== "array") return;
        this.bounds(pointer, here, [["minItems", a.minItems, b.minItems], ["maxItems", a.maxItems, b.maxItems]]);
        this.compare(a.items, b.items, `${pointer}/0`, here);
        return;
      case "map":
        if (b.kind !== "map") return;
        this.bounds(pointer, here, [["minProperties", a.minProperties, b.minProperties], ["maxProperties", a.maxProperties, b.maxProperties]]);
        this.compare(a.values, b.values, `${pointer}/*`, here);
        return;
      case "union": {
        if (b.kind !== "union") return;
        if (a.discriminator !== b.discriminator) {
          this.change("DISCRIMINATOR_CHANGED", pointer, `the union is now told apart by "${b.discriminator}" instead of "${a.discriminator}"`, here);
          return;
        }
        for (const variant of b.variants) if (!a.variants.some((old) => old.value === variant.value)) this.change("UNION_VARIANT_ADDED", childPointer(pointer, b.discriminator), `variant "${variant.value}" added: old consumers do not know it`, here);
        for (const variant of a.variants) {
          const kept = b.variants.find((candidate) => candidate.value === variant.value);
          if (kept === undefined) this.change("UNION_VARIANT_REMOVED", childPointer(pointer, a.discriminator), `variant "${variant.value}" removed: old events of that variant become invalid`, here);
          else this.compare(variant.type, kept.type, pointer, here);
        }
        return;
      }
      case "object":
        if (b.kind === "object") this.compareProperties(a.properties, b.properties, pointer, here);
        return;
      case "boolean":
        return;
    }
  }

  private compareProperties(before: readonly Property[], after: readonly Property[], pointer: string, origin: Origin): void {
    for (const property of after) {
      const path = childPointer(pointer, property.name);
      const old = before.find((candidate) => candidate.name === property.name);
      if (old === undefined) {
        if (property.required) this.change("REQUIRED_PROPERTY_ADDED", path, `required property "${property.name}" added: events from old producers lack it`, property.origin);
        else this.change("OPTIONAL_PROPERTY_ADDED", path, `optional property "${property.name}" added`, property.origin);
        continue;
      }
      if (!old.required && property.required) this.change("PROPERTY_MADE_REQUIRED", path, `property "${property.name}" became required: events from old producers may lack it`, property.origin);
      if (old.required && !property.required) this.change("PROPERTY_MADE_OPTIONAL", path, `property "${property.name}" became optional: old consumers rely on it`, property.origin);
      if (old.description !== property.description) this.change("DESCRIPTION_CHANGED", path, `the description of "${property.name}" changed`, property.origin);
      this.compare(old.type, property.type, path, property.origin);
    }
    for (const old of before) {
      if (!after.some((candidate) => candidate.name === old.name)) {
        this.change("PROPERTY_REMOVED", childPointer(pointer, old.name), `property "${old.name}" removed (or renamed): consumers that read it break, and old events carrying it are refused`, origin);
      }
    }
  }

  private bounds(pointer: string, origin: Origin, pairs: readonly (readonly [string, number | undefined, number | undefined])[]): void {
    for (const [keyword, before, after] of pairs) {
      if (before === after) continue;
      const direction = before === undefined ? "added" : after === undefined ? "removed" : "changed";
      this.change("BOUND_CHANGED", pointer, `${keyword} ${direction}: ${before ?? "none"} -> ${after ?? "none"}`, origin);
    }
  }
}

function describe(type: TypeNode): string {
  return type.kind === "number" ? (type.integer ? "integer" : "number") : type.kind;
}
