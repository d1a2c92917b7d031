/**
 * The compatibility rules `compat` enforces (DESIGN.md's table). Each rule id is stable: CI annotations,
 * dashboards and changelogs refer to it.
 *
 * - "breaking": allowed only together with `version + 1` (a violation otherwise);
 * - "api": no event can notice it, but code using the generated packages must change: an exported type was
 *   renamed or removed (a major release of the packages; the contract's version stays);
 * - "additive": compatible both ways under tolerant consumers (a minor release);
 * - "documentation": no effect on any event (a patch release);
 * - "violation": never allowed (contract rules 1 to 3).
 */
export type ChangeKind = "violation" | "breaking" | "api" | "additive" | "documentation";

export const RULES: Readonly<Record<string, { readonly kind: ChangeKind; readonly summary: string }>> = {
  EVENT_TYPE_CHANGED: { kind: "violation", summary: "an event's eventType changed (eventType is immutable)" },
  EVENT_REMOVED: { kind: "violation", summary: "an event type disappeared (published events are append-only)" },
  TOPIC_CHANGED: { kind: "violation", summary: "an event's Kafka topic changed" },
  KEY_CHANGED: { kind: "violation", summary: "an event's Kafka record key changed (ordering per job would break)" },
  VERSION_BUMP_WITHOUT_BREAKING_CHANGE: { kind: "violation", summary: "version went up with no breaking change" },
  VERSION_SKIPPED: { kind: "violation", summary: "version went up by more than one" },
  VERSION_DECREASED: { kind: "violation", summary: "version went down" },
  OLD_VERSION_REMOVED: { kind: "violation", summary: "a breaking change did not keep the previous version's schema" },
  FROZEN_VERSION_CHANGED: { kind: "violation", summary: "the schema of a superseded version was edited" },
  PROPERTY_REMOVED: { kind: "breaking", summary: "a property was removed (or renamed without x-renamed-from)" },
  PROPERTY_RENAMED: { kind: "breaking", summary: "a property was renamed, declared with x-renamed-from (upcast automatically)" },
  REQUIRED_PROPERTY_ADDED: { kind: "breaking", summary: "a required property was added" },
  PROPERTY_MADE_REQUIRED: { kind: "breaking", summary: "an optional property became required" },
  PROPERTY_MADE_OPTIONAL: { kind: "breaking", summary: "a required property became optional" },
  TYPE_CHANGED: { kind: "breaking", summary: "a value's type changed, was narrowed or widened" },
  NULLABILITY_CHANGED: { kind: "breaking", summary: "null became allowed or disallowed" },
  ENUM_VALUE_ADDED: { kind: "breaking", summary: "an enum gained a value old consumers do not know" },
  ENUM_VALUE_REMOVED: { kind: "breaking", summary: "an enum lost a value old events carry" },
  CONST_CHANGED: { kind: "breaking", summary: "a constant changed" },
  BOUND_CHANGED: { kind: "breaking", summary: "a length, size or numeric bound was tightened or loosened" },
  PATTERN_CHANGED: { kind: "breaking", summary: "a pattern was added, changed or removed" },
  FORMAT_CHANGED: { kind: "breaking", summary: "a format was added, changed or removed" },
  UNION_VARIANT_ADDED: { kind: "breaking", summary: "a union gained a variant old consumers do not know" },
  UNION_VARIANT_REMOVED: { kind: "breaking", summary: "a union lost a variant old events carry" },
  DISCRIMINATOR_CHANGED: { kind: "breaking", summary: "a union is told apart by another property" },
  TYPE_RENAMED: { kind: "api", summary: "an exported type was renamed (its $defs key or title): the packages export it under the new name" },
  EXPORTED_TYPE_REMOVED: { kind: "api", summary: "a type the packages exported is gone (its $defs entry removed, or inlined)" },
  EXPORTED_TYPE_ADDED: { kind: "additive", summary: "a shared definition adds a type to the packages" },
  EVENT_ADDED: { kind: "additive", summary: "a new event type" },
  OPTIONAL_PROPERTY_ADDED: { kind: "additive", summary: "an optional property was added" },
  DESCRIPTION_CHANGED: { kind: "documentation", summary: "a description or title changed" },
  EXAMPLES_CHANGED: { kind: "documentation", summary: "examples changed" },
  SERVICES_CHANGED: { kind: "documentation", summary: "the producers or consumers listed in x-kafka changed" },
};

export type RuleId = keyof typeof RULES;
