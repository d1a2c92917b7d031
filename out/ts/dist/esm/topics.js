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
export {
  EVENT_CONTRACTS,
  EVENT_TYPES,
  TOPICS,
  cloudEventsOf,
  keyOf,
  topicOf
};
