/**
 * The envelope: the top-level properties every event of a project carries, beside its payload. It comes from
 * the config (`envelope`), with the Activity Builder's as the default, and travels in the model, so that every
 * target, the Kafka helpers, the docs and the vectors read the same names.
 */
export interface Envelope {
  /** The properties every event must declare and require, in wire order; `eventType` and `version` among them. */
  readonly properties: readonly string[];
  /** The record key of an event whose `x-kafka` names none: all events with one key share a partition. */
  readonly key: string;
  /** The properties the CloudEvents headers are read from: `ce_id`, `ce_time` and, when set, `ce_subject`. */
  readonly cloudEvents: { readonly id: string; readonly time: string; readonly subject?: string };
  /** Properties a factory fills in when the caller leaves them out: a new random UUID, or the current time. */
  readonly generated: Readonly<Record<string, "uuid" | "now">>;
}

export const DEFAULT_ENVELOPE: Envelope = {
  properties: ["eventType", "version", "eventId", "jobId", "userId", "timestamp", "payload"],
  key: "jobId",
  cloudEvents: { id: "eventId", time: "timestamp", subject: "jobId" },
  generated: { eventId: "uuid", jobId: "uuid", timestamp: "now" },
};

/**
 * Envelope property names are camelCase identifiers: they are written into code of every language (fields,
 * struct tags, keyword arguments, header mappings), so they are held to what needs no escaping anywhere.
 */
export const ENVELOPE_NAME = /^[a-z][A-Za-z0-9]*$/;

/** What is wrong with an envelope, each problem with the JSON pointer (below `/envelope`) it is about. */
export function envelopeProblems(envelope: Envelope): { readonly pointer: string; readonly message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  const { properties } = envelope;
  properties.forEach((name, index) => {
    if (!ENVELOPE_NAME.test(name)) problems.push({ pointer: `/properties/${index}`, message: `"${name}" is not a camelCase name (a lower-case letter, then letters and digits)` });
    else if (properties.indexOf(name) !== index) problems.push({ pointer: `/properties/${index}`, message: `"${name}" is listed twice` });
  });
  for (const fixed of ["eventType", "version"]) {
    if (!properties.includes(fixed)) problems.push({ pointer: "/properties", message: `the envelope must include "${fixed}": the toolkit tells events and their versions apart by it` });
  }
  const member = (pointer: string, name: string, what: string): void => {
    if (!properties.includes(name)) problems.push({ pointer, message: `${what} "${name}" is not one of the envelope's properties (${properties.join(", ")})` });
    else if (name === "eventType" || name === "version") problems.push({ pointer, message: `${what} cannot be "${name}"` });
  };
  member("/key", envelope.key, "the record key");
  member("/cloudEvents/id", envelope.cloudEvents.id, "the CloudEvents id");
  member("/cloudEvents/time", envelope.cloudEvents.time, "the CloudEvents time");
  if (envelope.cloudEvents.subject !== undefined) member("/cloudEvents/subject", envelope.cloudEvents.subject, "the CloudEvents subject");
  for (const [name, how] of Object.entries(envelope.generated)) {
    member(`/generated/${name}`, name, "the generated property");
    if (how !== "uuid" && how !== "now") problems.push({ pointer: `/generated/${name}`, message: `"${String(how)}" is not a way to fill a property in; use "uuid" or "now"` });
  }
  return problems;
}

/** Names for a sentence: `a`, `a and b`, `a, b and c` (or `a, b or c`). */
export function spokenList(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1) ?? ""}`;
}

/** The properties a factory fills in when they are left out, in envelope order. */
export function generatedProperties(envelope: Envelope): string[] {
  return envelope.properties.filter((name) => name in envelope.generated);
}

/**
 * What every factory fills in, for the package READMEs: "`eventType`, `version`, `eventId` and `timestamp`",
 * each name as `code` writes it.
 */
export function factoryFills(envelope: Envelope, code: (name: string) => string): string {
  return spokenList(["eventType", "version", ...generatedProperties(envelope)].map(code));
}

/** The generated properties in envelope order, for the factories' docs: "eventId, jobId and timestamp are". */
export function filledIn(envelope: Envelope, present: readonly string[] = envelope.properties): string | undefined {
  const names = generatedProperties(envelope).filter((name) => present.includes(name));
  if (names.length === 0) return undefined;
  return `${spokenList(names)} ${names.length === 1 ? "is" : "are"}`;
}

/** Where the CloudEvents attributes come from, for the packages' docs: "ce_id from eventId, ce_time from ...". */
export function cloudEventsSentence(envelope: Envelope): string {
  const { id, time, subject } = envelope.cloudEvents;
  return `ce_id from ${id}, ce_time from ${time}${subject === undefined ? ", no ce_subject" : ` and ce_subject from ${subject}`}`;
}
