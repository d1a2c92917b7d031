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
var factories_exports = {};
__export(factories_exports, {
  createActivityGenerated: () => createActivityGenerated,
  createImageJobRequested: () => createImageJobRequested,
  createJobStatusChanged: () => createJobStatusChanged,
  createTextJobRequested: () => createTextJobRequested
});
module.exports = __toCommonJS(factories_exports);
var import_runtime = require("./runtime.js");
var import_validators = require("./validators.js");
function createActivityGenerated(init) {
  const event = {
    eventType: "ACTIVITY_GENERATED",
    version: 1,
    eventId: init["eventId"] ?? (0, import_runtime.newEventId)(),
    jobId: init["jobId"] ?? (0, import_runtime.newEventId)(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? (0, import_runtime.nowTimestamp)(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return (0, import_runtime.rememberWire)((0, import_runtime.deepFreeze)((0, import_validators.assertActivityGenerated)(JSON.parse(json))), json);
}
function createImageJobRequested(init) {
  const event = {
    eventType: "IMAGE_JOB_REQUESTED",
    version: 1,
    eventId: init["eventId"] ?? (0, import_runtime.newEventId)(),
    jobId: init["jobId"] ?? (0, import_runtime.newEventId)(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? (0, import_runtime.nowTimestamp)(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return (0, import_runtime.rememberWire)((0, import_runtime.deepFreeze)((0, import_validators.assertImageJobRequested)(JSON.parse(json))), json);
}
function createJobStatusChanged(init) {
  const event = {
    eventType: "JOB_STATUS_CHANGED",
    version: 1,
    eventId: init["eventId"] ?? (0, import_runtime.newEventId)(),
    jobId: init["jobId"] ?? (0, import_runtime.newEventId)(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? (0, import_runtime.nowTimestamp)(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return (0, import_runtime.rememberWire)((0, import_runtime.deepFreeze)((0, import_validators.assertJobStatusChanged)(JSON.parse(json))), json);
}
function createTextJobRequested(init) {
  const event = {
    eventType: "TEXT_JOB_REQUESTED",
    version: 1,
    eventId: init["eventId"] ?? (0, import_runtime.newEventId)(),
    jobId: init["jobId"] ?? (0, import_runtime.newEventId)(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? (0, import_runtime.nowTimestamp)(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return (0, import_runtime.rememberWire)((0, import_runtime.deepFreeze)((0, import_validators.assertTextJobRequested)(JSON.parse(json))), json);
}
