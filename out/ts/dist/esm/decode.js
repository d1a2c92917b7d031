import { parseJson, syntaxErrors } from "./runtime.js";
import { validateEvent } from "./validators.js";
function upcastEvent(event) {
  switch (event.eventType) {
    case "ACTIVITY_GENERATED":
      return event;
    case "IMAGE_JOB_REQUESTED":
      return event;
    case "JOB_STATUS_CHANGED":
      return event;
    case "TEXT_JOB_REQUESTED":
      return event;
  }
}
function decodeEvent(value) {
  const received = validateEvent(value, { unknownProperties: "allow" });
  if (!received.ok) return received;
  const current = upcastEvent(received.value);
  if (current === received.value) return { ok: true, value: current };
  const checked = validateEvent(current, { unknownProperties: "allow" });
  if (!checked.ok) {
    return {
      ok: false,
      errors: checked.errors.map((error) => ({
        ...error,
        message: "after upcasting: " + error.message
      }))
    };
  }
  return { ok: true, value: current };
}
function decodeEventJson(data) {
  const parsed = parseJson(data);
  return parsed === void 0 ? { ok: false, errors: syntaxErrors() } : decodeEvent(parsed.value);
}
export {
  decodeEvent,
  decodeEventJson,
  upcastEvent
};
