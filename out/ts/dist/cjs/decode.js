var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var decode_exports = {};
__export(decode_exports, {
  decodeEvent: () => decodeEvent,
  decodeEventJson: () => decodeEventJson,
  upcastEvent: () => upcastEvent
});
module.exports = __toCommonJS(decode_exports);
var import_runtime = require("./runtime.js");
var import_validators = require("./validators.js");
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
  const received = (0, import_validators.validateEvent)(value, { unknownProperties: "allow" });
  if (!received.ok) return received;
  const current = upcastEvent(received.value);
  if (current === received.value) return { ok: true, value: current };
  const checked = (0, import_validators.validateEvent)(current, { unknownProperties: "allow" });
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
  const parsed = (0, import_runtime.parseJson)(data);
  return parsed === void 0 ? { ok: false, errors: (0, import_runtime.syntaxErrors)() } : decodeEvent(parsed.value);
}
