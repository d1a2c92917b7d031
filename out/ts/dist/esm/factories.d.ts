import type {
  ActivityGenerated,
  ActivityResultPayload,
  EventId,
  ImageJobPayload,
  ImageJobRequested,
  JobId,
  JobStatus,
  JobStatusChanged,
  TextJobPayload,
  TextJobRequested,
  Timestamp,
  UserId,
} from "./types.js";
/**
 * What createActivityGenerated needs. eventId, jobId and timestamp are filled in when left out.
 */
export interface ActivityGeneratedInit {
  /**
   * Unique identifier of this event.
   *
   * Filled in when left out.
   */
  readonly eventId?: EventId;
  /**
   * The job that produced the activity; also the Kafka record key.
   *
   * Filled in when left out.
   */
  readonly jobId?: JobId;
  /**
   * The user who owns the activity.
   */
  readonly userId: UserId;
  /**
   * When the activity was completed.
   *
   * Filled in when left out.
   */
  readonly timestamp?: Timestamp;
  /**
   * The generated activity.
   */
  readonly payload: ActivityResultPayload;
}
/**
 * Creates an ACTIVITY_GENERATED event (version 1): fills in `eventType`, `version` and any missing eventId, jobId and timestamp, validates the result against the contract and returns it deeply frozen. The event is a JSON copy of the input, exactly what goes on the wire.
 * @throws ContractValidationError listing every problem when the input breaks the contract.
 * @example
 * const event = createActivityGenerated({ userId: …, payload: … });
 * await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
 */
export declare function createActivityGenerated(init: ActivityGeneratedInit): ActivityGenerated;
/**
 * What createImageJobRequested needs. eventId, jobId and timestamp are filled in when left out.
 */
export interface ImageJobRequestedInit {
  /**
   * Unique identifier of this event.
   *
   * Filled in when left out.
   */
  readonly eventId?: EventId;
  /**
   * Identifier of the requested job; also the Kafka record key.
   *
   * Filled in when left out.
   */
  readonly jobId?: JobId;
  /**
   * The user who asked for the activity.
   */
  readonly userId: UserId;
  /**
   * When the request was accepted.
   *
   * Filled in when left out.
   */
  readonly timestamp?: Timestamp;
  /**
   * What to draw.
   */
  readonly payload: ImageJobPayload;
}
/**
 * Creates an IMAGE_JOB_REQUESTED event (version 1): fills in `eventType`, `version` and any missing eventId, jobId and timestamp, validates the result against the contract and returns it deeply frozen. The event is a JSON copy of the input, exactly what goes on the wire.
 * @throws ContractValidationError listing every problem when the input breaks the contract.
 * @example
 * const event = createImageJobRequested({ userId: …, payload: … });
 * await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
 */
export declare function createImageJobRequested(init: ImageJobRequestedInit): ImageJobRequested;
/**
 * What createJobStatusChanged needs. eventId, jobId and timestamp are filled in when left out.
 */
export interface JobStatusChangedInit {
  /**
   * Unique identifier of this event.
   *
   * Filled in when left out.
   */
  readonly eventId?: EventId;
  /**
   * The job whose state changed; also the Kafka record key.
   *
   * Filled in when left out.
   */
  readonly jobId?: JobId;
  /**
   * The user who owns the job.
   */
  readonly userId: UserId;
  /**
   * When the state changed.
   *
   * Filled in when left out.
   */
  readonly timestamp?: Timestamp;
  /**
   * The job's new state.
   */
  readonly payload: JobStatus;
}
/**
 * Creates a JOB_STATUS_CHANGED event (version 1): fills in `eventType`, `version` and any missing eventId, jobId and timestamp, validates the result against the contract and returns it deeply frozen. The event is a JSON copy of the input, exactly what goes on the wire.
 * @throws ContractValidationError listing every problem when the input breaks the contract.
 * @example
 * const event = createJobStatusChanged({ userId: …, payload: … });
 * await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
 */
export declare function createJobStatusChanged(init: JobStatusChangedInit): JobStatusChanged;
/**
 * What createTextJobRequested needs. eventId, jobId and timestamp are filled in when left out.
 */
export interface TextJobRequestedInit {
  /**
   * Unique identifier of this event.
   *
   * Filled in when left out.
   */
  readonly eventId?: EventId;
  /**
   * Identifier of the requested job; also the Kafka record key.
   *
   * Filled in when left out.
   */
  readonly jobId?: JobId;
  /**
   * The user who asked for the activity.
   */
  readonly userId: UserId;
  /**
   * When the request was accepted.
   *
   * Filled in when left out.
   */
  readonly timestamp?: Timestamp;
  /**
   * What to generate.
   */
  readonly payload: TextJobPayload;
}
/**
 * Creates a TEXT_JOB_REQUESTED event (version 1): fills in `eventType`, `version` and any missing eventId, jobId and timestamp, validates the result against the contract and returns it deeply frozen. The event is a JSON copy of the input, exactly what goes on the wire.
 * @throws ContractValidationError listing every problem when the input breaks the contract.
 * @example
 * const event = createTextJobRequested({ userId: …, payload: … });
 * await producer.send({ topic: topicOf(event.eventType), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
 */
export declare function createTextJobRequested(init: TextJobRequestedInit): TextJobRequested;
