import { deepFreeze, newEventId, nowTimestamp, rememberWire } from "./runtime.js";
import {
  assertActivityGenerated,
  assertImageJobRequested,
  assertJobStatusChanged,
  assertTextJobRequested
} from "./validators.js";
function createActivityGenerated(init) {
  const event = {
    eventType: "ACTIVITY_GENERATED",
    version: 1,
    eventId: init["eventId"] ?? newEventId(),
    jobId: init["jobId"] ?? newEventId(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? nowTimestamp(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return rememberWire(deepFreeze(assertActivityGenerated(JSON.parse(json))), json);
}
function createImageJobRequested(init) {
  const event = {
    eventType: "IMAGE_JOB_REQUESTED",
    version: 1,
    eventId: init["eventId"] ?? newEventId(),
    jobId: init["jobId"] ?? newEventId(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? nowTimestamp(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return rememberWire(deepFreeze(assertImageJobRequested(JSON.parse(json))), json);
}
function createJobStatusChanged(init) {
  const event = {
    eventType: "JOB_STATUS_CHANGED",
    version: 1,
    eventId: init["eventId"] ?? newEventId(),
    jobId: init["jobId"] ?? newEventId(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? nowTimestamp(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return rememberWire(deepFreeze(assertJobStatusChanged(JSON.parse(json))), json);
}
function createTextJobRequested(init) {
  const event = {
    eventType: "TEXT_JOB_REQUESTED",
    version: 1,
    eventId: init["eventId"] ?? newEventId(),
    jobId: init["jobId"] ?? newEventId(),
    userId: init["userId"],
    timestamp: init["timestamp"] ?? nowTimestamp(),
    payload: init["payload"]
  };
  const json = JSON.stringify(event);
  return rememberWire(deepFreeze(assertTextJobRequested(JSON.parse(json))), json);
}
export {
  createActivityGenerated,
  createImageJobRequested,
  createJobStatusChanged,
  createTextJobRequested
};
