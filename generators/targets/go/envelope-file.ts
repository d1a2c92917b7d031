import { goComment, goExported, goString } from "../../code/go.js";
import { spokenList, type Envelope } from "../../ir/envelope.js";

/** A generated envelope property as the Go package names it: the option that sets it and the field it goes in. */
export interface GoGenerated {
  readonly property: string;
  readonly how: "uuid" | "now";
  /** `WithEventID`. */
  readonly option: string;
  /** `eventID`, the field of the unexported envelope struct. */
  readonly field: string;
}

/** The envelope's generated properties in envelope order, with their Go names. */
export function goGenerated(envelope: Envelope): GoGenerated[] {
  return envelope.properties.flatMap((property) => {
    const how = envelope.generated[property];
    const exported = goExported(property);
    if (how === undefined || exported === undefined) return [];
    return [{ property, how, option: `With${exported}`, field: `${exported.charAt(0).toLowerCase()}${exported.slice(1)}` }];
  });
}

/**
 * `envelope.go`: the options that set what a factory otherwise fills in (the envelope's `generated`), and the
 * envelope properties the Kafka record's CloudEvents headers are read from.
 */
export function goEnvelopeFile(envelope: Envelope, packageName: string, header: string): string {
  const generated = goGenerated(envelope);
  const options = generated.map((entry) =>
    entry.how === "uuid"
      ? `${goComment(`${entry.option} sets the event's ${entry.property} instead of a random UUID.`)}func ${entry.option}(value string) Option {
	return func(e *envelope) { e.${entry.field} = value }
}
`
      : `${goComment(`${entry.option} sets the event's ${entry.property} instead of the current time; it is written in UTC with milliseconds.`)}func ${entry.option}(t time.Time) Option {
	return func(e *envelope) { e.${entry.field} = formatTimestamp(t) }
}
`,
  );
  const defaults = generated.map((entry) => `${entry.field}: ${entry.how === "uuid" ? "newUUID()" : "formatTimestamp(time.Now())"},`);
  const filled = generated.length === 0 ? "nothing: the contracts' envelope generates no property" : spokenList(generated.map((entry) => entry.property));
  const { cloudEvents } = envelope;
  return `${header}
package ${packageName}

${generated.some((entry) => entry.how === "now") ? 'import "time"\n\n' : ""}${goComment(`Option sets an envelope field that a factory otherwise fills in itself: ${filled}.`)}type Option func(*envelope)

type envelope struct {
${generated.map((entry) => `\t${entry.field} string`).join("\n")}
}

${options.join("\n")}
func newEnvelope(options []Option) envelope {
	e := envelope{
${defaults.map((line) => `\t\t${line}`).join("\n")}
	}
	for _, option := range options {
		option(&e)
	}
	return e
}

${goComment("The envelope properties the CloudEvents headers of a record are read from (binary mode); no subject when empty.")}const (
	cloudEventsID      = ${goString(cloudEvents.id)}
	cloudEventsTime    = ${goString(cloudEvents.time)}
	cloudEventsSubject = ${goString(cloudEvents.subject ?? "")}
)
`;
}
