import { findType, type ContractsModel, type EventContract, type NamedType, type Origin, type Property, resolveType, type TypeNode } from "./model.js";
import { childPointer } from "../schema/json-pointer.js";
import type { RuleId } from "./change-rules.js";
import { renameMessage } from "../compat/exports.js";
import { compareValueSets, isScalar, type Scalar } from "../compat/value-sets.js";

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
  /** One value that tells the two sides apart, when the change has one (see PlacedWitness). */
  readonly witness?: PlacedWitness;
  /** Why it could not be decided whether any value tells the two sides apart (the finding stands, unproven). */
  readonly undecided?: string;
  /** For TYPE_RENAMED: the exported names on each side. */
  readonly renamed?: { readonly from: string; readonly to: string };
}

/**
 * A value one side accepts and the other refuses, and where it goes in the event: at the change's pointer, or
 * at `at`. For a scalar it is the value itself (a Witness of value-sets.ts); for a union's new variant it is
 * an object with the discriminator alone, which the counterexample search completes with valid values.
 */
export interface PlacedWitness {
  readonly value: unknown;
  readonly validUnder: "old" | "new";
  readonly at?: string;
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

  private change(rule: RuleId, pointer: string, message: string, origin: Origin, proof: Pick<Change, "witness" | "undecided" | "renamed"> = {}): void {
    this.changes.push({ rule, pointer, message, origin, ...proof });
  }

  /**
   * Scalars are compared by the values they accept: a rewrite no value can notice is no change. Each keyword
   * that changed is a finding only if changing it alone can be noticed (a `maxLength` dropped beside a pattern
   * that bounds the length is not), and every finding carries the value that tells the sides apart.
   */
  private compareScalars(a: Scalar, b: Scalar, pointer: string, here: Origin): void {
    const overall = compareValueSets(a, b);
    if (overall.kind === "equal") return;
    const proof = overall.kind === "undecided" ? { undecided: overall.reason } : overall.witness === undefined ? {} : { witness: overall.witness };
    const changes = keywordChanges(a, b);
    const noticed = changes.filter((change) => change.alone === undefined || compareValueSets(a, change.alone).kind !== "equal");
    for (const change of noticed.length > 0 ? noticed : changes) {
      const said = proof.witness === undefined ? (proof.undecided === undefined ? "" : ` (unproven: ${proof.undecided})`) : ` (${shortly(proof.witness.value)} is accepted only by the ${proof.witness.validUnder} contract)`;
      this.change(change.rule, pointer, `${change.message}${said}`, here, proof);
    }
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
      // The same place holds a type of another name, and neither name is on the other side: the export was renamed.
      if (oldNamed.name !== newNamed.name && findType(this.after, oldNamed.name) === undefined && findType(this.before, newNamed.name) === undefined) {
        this.change("TYPE_RENAMED", pointer, renameMessage(oldNamed.name, newNamed.name), newNamed.origin, { renamed: { from: oldNamed.name, to: newNamed.name } });
      }
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
    if (isScalar(a) && isScalar(b)) {
      this.compareScalars(a, b, pointer, here);
      return;
    }
    if (a.kind !== b.kind) {
      this.change("TYPE_CHANGED", pointer, `type changed from ${describe(a)} to ${describe(b)}`, here);
      return;
    }
    switch (a.kind) {
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
        for (const variant of b.variants) {
          if (a.variants.some((old) => old.value === variant.value)) continue;
          const witness = { value: { [b.discriminator]: variant.value }, validUnder: "new", at: pointer } as const;
          this.change("UNION_VARIANT_ADDED", childPointer(pointer, b.discriminator), `variant "${variant.value}" added: old consumers do not know it`, here, { witness });
        }
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
    const renamed = new Set<string>();
    for (const property of after) {
      const path = childPointer(pointer, property.name);
      let old = before.find((candidate) => candidate.name === property.name);
      // A declared rename is one change, not a removal and an addition; the two sides are compared as one property.
      const from = old === undefined && property.renamedFrom !== undefined && !after.some((candidate) => candidate.name === property.renamedFrom) ? before.find((candidate) => candidate.name === property.renamedFrom) : undefined;
      if (from !== undefined) {
        this.change("PROPERTY_RENAMED", path, `property "${from.name}" renamed to "${property.name}" (x-renamed-from): consumers that read "${from.name}" break; events of the previous version are upcast`, property.origin);
        renamed.add(from.name);
        old = from;
      }
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
      if (!after.some((candidate) => candidate.name === old.name) && !renamed.has(old.name)) {
        this.change("PROPERTY_REMOVED", childPointer(pointer, old.name), `property "${old.name}" removed (or renamed): consumers that read it break, and old events carrying it are refused`, origin);
      }
    }
  }

  private bounds(pointer: string, origin: Origin, pairs: readonly (readonly [string, number | undefined, number | undefined])[]): void {
    for (const [keyword, before, after] of pairs) {
      if (before !== after) this.change("BOUND_CHANGED", pointer, boundMessage(keyword, before, after), origin);
    }
  }
}

function describe(type: TypeNode): string {
  return type.kind === "number" ? (type.integer ? "integer" : "number") : type.kind;
}

interface KeywordChange {
  readonly rule: RuleId;
  readonly message: string;
  /** The old type with only this change made, to see whether it alone can be noticed. */
  readonly alone?: Scalar;
}

/** What changed between two scalar types, keyword by keyword, named by the rule table. */
function keywordChanges(a: Scalar, b: Scalar): KeywordChange[] {
  const valuesOf = (type: Scalar): readonly (string | number | boolean)[] | undefined => (type.kind === "enum" ? type.values : type.kind === "const" ? [type.value] : undefined);
  const [oldValues, newValues] = [valuesOf(a), valuesOf(b)];
  if (oldValues !== undefined && newValues !== undefined && (a.kind === "enum" || b.kind === "enum")) {
    return [
      ...newValues.filter((value) => !oldValues.includes(value)).map((value) => ({ rule: "ENUM_VALUE_ADDED", message: `enum value ${JSON.stringify(value)} added: old consumers do not know it` })),
      ...oldValues.filter((value) => !newValues.includes(value)).map((value) => ({ rule: "ENUM_VALUE_REMOVED", message: `enum value ${JSON.stringify(value)} removed: old events that carry it become invalid` })),
    ];
  }
  if (a.kind === "const" && b.kind === "const") return [{ rule: "CONST_CHANGED", message: `constant changed from ${JSON.stringify(a.value)} to ${JSON.stringify(b.value)}` }];
  if (a.kind === "string" && b.kind === "string") {
    const changes: KeywordChange[] = [];
    for (const keyword of ["minLength", "maxLength"] as const) {
      if (a[keyword] !== b[keyword]) changes.push({ rule: "BOUND_CHANGED", message: boundMessage(keyword, a[keyword], b[keyword]), alone: withKeyword(a, keyword, b[keyword]) });
    }
    if (a.pattern !== b.pattern) changes.push({ rule: "PATTERN_CHANGED", message: `pattern changed from ${a.pattern ?? "none"} to ${b.pattern ?? "none"}`, alone: withKeyword(a, "pattern", b.pattern) });
    if (a.format !== b.format) changes.push({ rule: "FORMAT_CHANGED", message: `format changed from ${a.format ?? "none"} to ${b.format ?? "none"}`, alone: withKeyword(a, "format", b.format) });
    return changes;
  }
  if (a.kind === "number" && b.kind === "number") {
    const changes: KeywordChange[] = [];
    if (a.integer !== b.integer) changes.push({ rule: "TYPE_CHANGED", message: `type changed from ${describe(a)} to ${describe(b)}`, alone: { ...a, integer: b.integer } });
    for (const keyword of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const) {
      if (a[keyword] !== b[keyword]) changes.push({ rule: "BOUND_CHANGED", message: boundMessage(keyword, a[keyword], b[keyword]), alone: withKeyword(a, keyword, b[keyword]) });
    }
    return changes;
  }
  return [{ rule: "TYPE_CHANGED", message: `type changed from ${describe(a)} to ${describe(b)}` }];
}

function boundMessage(keyword: string, before: number | undefined, after: number | undefined): string {
  const direction = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  return `${keyword} ${direction}: ${before ?? "none"} -> ${after ?? "none"}`;
}

/** The type with one keyword set to a value, or removed when the value is undefined. */
function withKeyword<T extends Scalar, K extends keyof T>(type: T, keyword: K, value: T[K] | undefined): T {
  const copy = { ...type };
  if (value === undefined) delete copy[keyword];
  else copy[keyword] = value;
  return copy;
}

/** A witness as a message shows it: a long string by its start and its length in code points. */
function shortly(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const characters = [...value];
  return characters.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(characters.slice(0, 12).join(""))}… (${characters.length} characters)`;
}
