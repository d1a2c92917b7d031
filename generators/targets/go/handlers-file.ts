import { goComment, goString } from "../../code/go.js";
import { latestEvents, type ContractsModel } from "../../ir/model.js";
import type { GoNames } from "./naming.js";

/**
 * `handlers.go`: the typed handler of each event type that EventHandler (consume.go) dispatches to. A
 * struct with one func field per event type, so that the compiler checks each handler's event type and a
 * new event type of the contracts is a new field, never a broken call.
 */
export function goHandlersFile(model: ContractsModel, names: GoNames, packageName: string, header: string): string {
  const events = latestEvents(model).map((event) => ({ eventType: event.eventType, goType: names.type(event.name) ?? event.name, constant: names.eventTypeConstant(event) }));
  const fields = events.map((event) => `${goComment(`${event.goType} handles ${goString(event.eventType).slice(1, -1)} events.`, "\t")}\t${event.goType} func(ctx context.Context, event ${event.goType}, message MessageContext) error`);
  const handlerCases = events.map(
    (event) => `\tcase ${event.goType}:
\t\tif h.${event.goType} == nil {
\t\t\treturn nil
\t\t}
\t\treturn func(ctx context.Context, _ Event, message MessageContext) error { return h.${event.goType}(ctx, event, message) }`,
  );
  const typeCases = events.map((event) => `\tcase ${event.goType}:\n\t\treturn ${event.constant}`);
  return `${header}
package ${packageName}

import "context"

${goComment("Handlers has one handler per event type, given the event as its current version's type. A nil handler skips its events (see HandlerOptions.OnUnhandled); an error, or a panic, is retried by the RetryPolicy, then dead-lettered.")}type Handlers struct {
${fields.join("\n")}
}

// of is the handler of an event's type, or nil.
func (h Handlers) of(event Event) func(context.Context, Event, MessageContext) error {
${events.length === 0 ? "" : `\tswitch event := event.(type) {\n${handlerCases.join("\n")}\n\t}\n`}\treturn nil
}

// eventTypeOfEvent is the eventType of an event of the contracts.
func eventTypeOfEvent(event Event) string {
${events.length === 0 ? "" : `\tswitch event.(type) {\n${typeCases.join("\n")}\n\t}\n`}\treturn ""
}
`;
}
