import type {
  ActivityGenerated,
  ContractEvent,
  EventType,
  ImageJobRequested,
  JobStatusChanged,
  TextJobRequested,
} from "./types.js";
/**
 * The Kafka topic of each event stream.
 * @example
 * await producer.send({ topic: TOPICS.ACTIVITY_RESULTS, messages });
 */
export declare const TOPICS: {
  /**
   * Carries ACTIVITY_GENERATED.
   */
  readonly ACTIVITY_RESULTS: "activity-results";
  /**
   * Carries IMAGE_JOB_REQUESTED.
   */
  readonly IMAGE_JOBS: "image-jobs";
  /**
   * Carries JOB_STATUS_CHANGED.
   */
  readonly JOB_STATUS: "job-status";
  /**
   * Carries TEXT_JOB_REQUESTED.
   */
  readonly TEXT_JOBS: "text-jobs";
};
/**
 * A Kafka topic of the contracts.
 */
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
/**
 * Every event type's identifier.
 */
export declare const EVENT_TYPES: {
  /**
   * A worker finished a job and the activity is ready. Emitted by the Text and Image services on success; the API Gateway serves it to pollers and the User Service stores it in the user's history.
   */
  readonly ACTIVITY_GENERATED: "ACTIVITY_GENERATED";
  /**
   * A user asked for an image activity (a coloring page, an illustration, a diagram...). Emitted by the API Gateway; the Image Service generates the images.
   */
  readonly IMAGE_JOB_REQUESTED: "IMAGE_JOB_REQUESTED";
  /**
   * A job moved to another state: queued, processing, completed or failed. Any service that changes a job's state emits it; progress tracking and retries consume it.
   */
  readonly JOB_STATUS_CHANGED: "JOB_STATUS_CHANGED";
  /**
   * A user asked for a text activity (a quiz, a worksheet, a story...). Emitted by the API Gateway; the Text Service generates the activity.
   */
  readonly TEXT_JOB_REQUESTED: "TEXT_JOB_REQUESTED";
};
/**
 * What the contracts say about one event type: where it goes and who talks about it.
 */
export interface EventContractInfo {
  readonly eventType: EventType;
  /** Current version of the event's schema: what producers publish. */
  readonly version: number;
  /** Every version consumers may receive, oldest first; decodeEvent upcasts them all to the current one. */
  readonly versions: readonly number[];
  readonly topic: Topic;
  /** The envelope property used as the Kafka record key. */
  readonly key: string;
  /** Services that emit the event. */
  readonly producers: readonly string[];
  /** Services that consume the event. */
  readonly consumers: readonly string[];
  /** The schema file, also exported as the package subpath `<package>/<schema>`. */
  readonly schema: string;
  /** The schema's `$id`. */
  readonly schemaId: string;
}
/**
 * The contract metadata of every event type, from the schemas' `x-kafka` annotations.
 */
export declare const EVENT_CONTRACTS: {
  readonly ACTIVITY_GENERATED: {
    readonly eventType: "ACTIVITY_GENERATED";
    readonly version: 1;
    readonly versions: readonly [1];
    readonly topic: "activity-results";
    readonly key: "jobId";
    readonly producers: readonly ["text-service", "image-service"];
    readonly consumers: readonly ["api-gateway", "user-service"];
    readonly schema: "activity-result.json";
    readonly schemaId: "https://contracts.activity-builder.dev/events/activity-result.json";
  };
  readonly IMAGE_JOB_REQUESTED: {
    readonly eventType: "IMAGE_JOB_REQUESTED";
    readonly version: 1;
    readonly versions: readonly [1];
    readonly topic: "image-jobs";
    readonly key: "jobId";
    readonly producers: readonly ["api-gateway"];
    readonly consumers: readonly ["image-service"];
    readonly schema: "image-job.json";
    readonly schemaId: "https://contracts.activity-builder.dev/events/image-job.json";
  };
  readonly JOB_STATUS_CHANGED: {
    readonly eventType: "JOB_STATUS_CHANGED";
    readonly version: 1;
    readonly versions: readonly [1];
    readonly topic: "job-status";
    readonly key: "jobId";
    readonly producers: readonly ["api-gateway", "text-service", "image-service"];
    readonly consumers: readonly ["api-gateway", "job-tracker"];
    readonly schema: "job-status.json";
    readonly schemaId: "https://contracts.activity-builder.dev/events/job-status.json";
  };
  readonly TEXT_JOB_REQUESTED: {
    readonly eventType: "TEXT_JOB_REQUESTED";
    readonly version: 1;
    readonly versions: readonly [1];
    readonly topic: "text-jobs";
    readonly key: "jobId";
    readonly producers: readonly ["api-gateway"];
    readonly consumers: readonly ["text-service"];
    readonly schema: "text-job.json";
    readonly schemaId: "https://contracts.activity-builder.dev/events/text-job.json";
  };
};
/**
 * Each topic mapped to the events it carries.
 */
export interface TopicEventMap {
  readonly "activity-results": ActivityGenerated;
  readonly "image-jobs": ImageJobRequested;
  readonly "job-status": JobStatusChanged;
  readonly "text-jobs": TextJobRequested;
}
/**
 * The events a topic carries.
 */
export type EventOfTopic<T extends Topic> = TopicEventMap[T];
/**
 * The Kafka topic an event type is published to.
 * @example
 * topicOf("ACTIVITY_GENERATED"); // "activity-results"
 */
export declare function topicOf<T extends EventType>(
  eventType: T,
): (typeof EVENT_CONTRACTS)[T]["topic"];
/**
 * The Kafka record key of an event (its `jobId`), so that all events with one key land in one partition, in order.
 * @example
 * await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
 */
export declare function keyOf(event: ContractEvent): string;
/**
 * The CloudEvents attributes an event's envelope gives its record (binary mode): `ce_id` from `eventId`, `ce_time` from `timestamp`, `ce_subject` from `jobId`.
 */
export declare function cloudEventsOf(event: ContractEvent): {
  readonly id: string;
  readonly time: string;
  readonly subject?: string;
};
