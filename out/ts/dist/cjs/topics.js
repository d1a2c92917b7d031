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
var topics_exports = {};
__export(topics_exports, {
  EVENT_CONTRACTS: () => EVENT_CONTRACTS,
  EVENT_TYPES: () => EVENT_TYPES,
  TOPICS: () => TOPICS,
  cloudEventsOf: () => cloudEventsOf,
  keyOf: () => keyOf,
  topicOf: () => topicOf
});
module.exports = __toCommonJS(topics_exports);
const TOPICS = {
  /**
   * Carries ACTIVITY_GENERATED.
   */
  ACTIVITY_RESULTS: "activity-results",
  /**
   * Carries IMAGE_JOB_REQUESTED.
   */
  IMAGE_JOBS: "image-jobs",
  /**
   * Carries JOB_STATUS_CHANGED.
   */
  JOB_STATUS: "job-status",
  /**
   * Carries TEXT_JOB_REQUESTED.
   */
  TEXT_JOBS: "text-jobs"
};
const EVENT_TYPES = {
  /**
   * A worker finished a job and the activity is ready. Emitted by the Text and Image services on success; the API Gateway serves it to pollers and the User Service stores it in the user's history.
   */
  ACTIVITY_GENERATED: "ACTIVITY_GENERATED",
  /**
   * A user asked for an image activity (a coloring page, an illustration, a diagram...). Emitted by the API Gateway; the Image Service generates the images.
   */
  IMAGE_JOB_REQUESTED: "IMAGE_JOB_REQUESTED",
  /**
   * A job moved to another state: queued, processing, completed or failed. Any service that changes a job's state emits it; progress tracking and retries consume it.
   */
  JOB_STATUS_CHANGED: "JOB_STATUS_CHANGED",
  /**
   * A user asked for a text activity (a quiz, a worksheet, a story...). Emitted by the API Gateway; the Text Service generates the activity.
   */
  TEXT_JOB_REQUESTED: "TEXT_JOB_REQUESTED"
};
const EVENT_CONTRACTS = {
  ACTIVITY_GENERATED: {
    eventType: "ACTIVITY_GENERATED",
    version: 1,
    versions: [1],
    topic: "activity-results",
    key: "jobId",
    producers: ["text-service", "image-service"],
    consumers: ["api-gateway", "user-service"],
    schema: "activity-result.json",
    schemaId: "https://contracts.activity-builder.dev/events/activity-result.json"
  },
  IMAGE_JOB_REQUESTED: {
    eventType: "IMAGE_JOB_REQUESTED",
    version: 1,
    versions: [1],
    topic: "image-jobs",
    key: "jobId",
    producers: ["api-gateway"],
    consumers: ["image-service"],
    schema: "image-job.json",
    schemaId: "https://contracts.activity-builder.dev/events/image-job.json"
  },
  JOB_STATUS_CHANGED: {
    eventType: "JOB_STATUS_CHANGED",
    version: 1,
    versions: [1],
    topic: "job-status",
    key: "jobId",
    producers: ["api-gateway", "text-service", "image-service"],
    consumers: ["api-gateway", "job-tracker"],
    schema: "job-status.json",
    schemaId: "https://contracts.activity-builder.dev/events/job-status.json"
  },
  TEXT_JOB_REQUESTED: {
    eventType: "TEXT_JOB_REQUESTED",
    version: 1,
    versions: [1],
    topic: "text-jobs",
    key: "jobId",
    producers: ["api-gateway"],
    consumers: ["text-service"],
    schema: "text-job.json",
    schemaId: "https://contracts.activity-builder.dev/events/text-job.json"
  }
};
function topicOf(eventType) {
  const contract = EVENT_CONTRACTS[eventType];
  if (contract === void 0) throw new TypeError("unknown event type: " + String(eventType));
  return contract.topic;
}
function keyOf(event) {
  switch (event.eventType) {
    case "ACTIVITY_GENERATED":
      return String(event["jobId"]);
    case "IMAGE_JOB_REQUESTED":
      return String(event["jobId"]);
    case "JOB_STATUS_CHANGED":
      return String(event["jobId"]);
    case "TEXT_JOB_REQUESTED":
      return String(event["jobId"]);
  }
}
function cloudEventsOf(event) {
  return {
    id: String(event["eventId"]),
    time: String(event["timestamp"]),
    subject: String(event["jobId"])
  };
}
