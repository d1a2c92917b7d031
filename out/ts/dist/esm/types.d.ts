/**
 * A worker finished a job and the activity is ready. Emitted by the Text and Image services on success; the API Gateway serves it to pollers and the User Service stores it in the user's history.
 */
export interface ActivityGenerated {
  /**
   * Immutable identifier of this kind of event.
   */
  readonly eventType: "ACTIVITY_GENERATED";
  /**
   * Version of this event's schema; it goes up only for breaking changes.
   */
  readonly version: 1;
  /**
   * Unique identifier of this event.
   */
  readonly eventId: EventId;
  /**
   * The job that produced the activity; also the Kafka record key.
   */
  readonly jobId: JobId;
  /**
   * The user who owns the activity.
   */
  readonly userId: UserId;
  /**
   * When the activity was completed.
   */
  readonly timestamp: Timestamp;
  /**
   * The generated activity.
   */
  readonly payload: ActivityResultPayload;
}
/**
 * The generated activity, discriminated by `kind`.
 */
export type ActivityOutput = TextOutput | ImageOutput;
/**
 * The generated activity and how it was made.
 */
export interface ActivityResultPayload {
  /**
   * Identifier under which the activity is stored.
   *
   * Constraints: format `uuid`.
   */
  readonly activityId: string;
  /**
   * The activity itself: text or images.
   */
  readonly output: ActivityOutput;
  /**
   * Time the worker spent generating, in milliseconds.
   *
   * Constraints: whole number, >= 0.
   */
  readonly generationMs: number;
  /**
   * Name of the model that generated the activity, for audits.
   *
   * Constraints: 1 to 100 characters.
   */
  readonly model?: string;
}
/**
 * Unique identifier of one event (a UUID). Consumers use it to drop duplicates under at-least-once delivery; it maps to the CloudEvents `id`.
 *
 * Constraints: format `uuid`.
 */
export type EventId = string;
/**
 * One generated image, stored by the Image Service.
 */
export interface GeneratedImage {
  /**
   * Where the image can be downloaded.
   *
   * Constraints: at most 2048 characters; format `uri`.
   */
  readonly url: string;
  /**
   * Media type of the image file.
   */
  readonly mimeType: "image/png" | "image/jpeg" | "image/webp";
  /**
   * Width in pixels.
   *
   * Constraints: whole number, >= 1.
   */
  readonly width: number;
  /**
   * Height in pixels.
   *
   * Constraints: whole number, >= 1.
   */
  readonly height: number;
  /**
   * Text alternative for screen readers.
   *
   * Constraints: at most 500 characters.
   */
  readonly altText?: string;
}
/**
 * Kind of image activity the user asked for.
 */
export type ImageActivityType =
  "coloring-page" | "illustration" | "diagram" | "flashcard-image" | "poster";
/**
 * What the user asked the Image Service to generate.
 */
export interface ImageJobPayload {
  /**
   * Kind of image activity to generate.
   */
  readonly activityType: ImageActivityType;
  /**
   * The user's description of the image.
   *
   * Constraints: 1 to 2000 characters.
   */
  readonly prompt: string;
  /**
   * What the image must not show.
   *
   * Constraints: at most 1000 characters.
   */
  readonly negativePrompt?: string;
  /**
   * Visual style of the image.
   */
  readonly style?: "cartoon" | "line-art" | "realistic" | "watercolor" | "pixel-art";
  /**
   * Dimensions of each image, in pixels.
   */
  readonly size: ImageSize;
  /**
   * How many alternative images to generate.
   *
   * Constraints: whole number, >= 1, <= 4.
   */
  readonly count?: number;
  /**
   * Seed for reproducible generation; null asks the Image Service to pick one at random.
   *
   * Constraints: whole number, >= 0, <= 4294967295.
   */
  readonly seed?: number | null;
}
/**
 * A user asked for an image activity (a coloring page, an illustration, a diagram...). Emitted by the API Gateway; the Image Service generates the images.
 */
export interface ImageJobRequested {
  /**
   * Immutable identifier of this kind of event.
   */
  readonly eventType: "IMAGE_JOB_REQUESTED";
  /**
   * Version of this event's schema; it goes up only for breaking changes.
   */
  readonly version: 1;
  /**
   * Unique identifier of this event.
   */
  readonly eventId: EventId;
  /**
   * Identifier of the requested job; also the Kafka record key.
   */
  readonly jobId: JobId;
  /**
   * The user who asked for the activity.
   */
  readonly userId: UserId;
  /**
   * When the request was accepted.
   */
  readonly timestamp: Timestamp;
  /**
   * What to draw.
   */
  readonly payload: ImageJobPayload;
}
/**
 * A generated image activity.
 */
export interface ImageOutput {
  /**
   * Marks an image activity.
   */
  readonly kind: "image";
  /**
   * Kind of image activity.
   */
  readonly activityType: ImageActivityType;
  /**
   * The generated images, best first.
   *
   * Constraints: 1 to 4 items.
   */
  readonly images: readonly GeneratedImage[];
}
/**
 * Width and height of an image, in pixels.
 */
export interface ImageSize {
  /**
   * Width in pixels.
   *
   * Constraints: whole number, >= 64, <= 4096.
   */
  readonly width: number;
  /**
   * Height in pixels.
   *
   * Constraints: whole number, >= 64, <= 4096.
   */
  readonly height: number;
}
/**
 * The activity is ready; an `ACTIVITY_GENERATED` event carries it.
 */
export interface JobCompleted {
  /**
   * Marks a completed job.
   */
  readonly status: "completed";
  /**
   * Which pipeline handled the job.
   */
  readonly jobKind: JobKind;
  /**
   * The attempt that succeeded, starting at 1.
   *
   * Constraints: whole number, >= 1, <= 10.
   */
  readonly attempt: number;
  /**
   * Identifier of the stored activity.
   *
   * Constraints: format `uuid`.
   */
  readonly activityId: string;
}
/**
 * Details of a failure.
 */
export interface JobError {
  /**
   * Machine-readable failure class.
   */
  readonly code:
    "INVALID_REQUEST" | "CONTENT_REJECTED" | "MODEL_UNAVAILABLE" | "TIMEOUT" | "INTERNAL";
  /**
   * Explanation for logs and support staff; never shown to end users as is.
   *
   * Constraints: 1 to 2000 characters.
   */
  readonly message: string;
  /**
   * Whether trying again may succeed.
   */
  readonly retryable: boolean;
}
/**
 * The attempt failed; `error` says why and whether the job will be retried.
 */
export interface JobFailed {
  /**
   * Marks a failed job.
   */
  readonly status: "failed";
  /**
   * Which pipeline handled the job.
   */
  readonly jobKind: JobKind;
  /**
   * The attempt that failed, starting at 1.
   *
   * Constraints: whole number, >= 1, <= 10.
   */
  readonly attempt: number;
  /**
   * Why the attempt failed.
   */
  readonly error: JobError;
  /**
   * When the job will be tried again; null when it will not be retried.
   *
   * Constraints: format `date-time`.
   */
  readonly nextRetryAt?: string | null;
}
/**
 * Identifier of the job (a UUID). Every event of one job carries the same `jobId`, which is also the Kafka record key, so all of a job's events land in one partition, in order.
 *
 * Constraints: format `uuid`.
 */
export type JobId = string;
/**
 * Which worker pipeline handles the job.
 */
export type JobKind = "text" | "image";
/**
 * A worker is generating the activity.
 */
export interface JobProcessing {
  /**
   * Marks a job in progress.
   */
  readonly status: "processing";
  /**
   * Which pipeline handles the job.
   */
  readonly jobKind: JobKind;
  /**
   * Which attempt this is, starting at 1.
   *
   * Constraints: whole number, >= 1, <= 10.
   */
  readonly attempt: number;
  /**
   * Completion estimate, in percent.
   *
   * Constraints: whole number, >= 0, <= 100.
   */
  readonly progress: number;
  /**
   * Human-readable name of the current step.
   *
   * Constraints: 1 to 200 characters.
   */
  readonly stage?: string;
}
/**
 * The job was accepted and waits for a worker.
 */
export interface JobQueued {
  /**
   * Marks a queued job.
   */
  readonly status: "queued";
  /**
   * Which pipeline will handle the job.
   */
  readonly jobKind: JobKind;
  /**
   * Jobs ahead of this one, when known.
   *
   * Constraints: whole number, >= 0.
   */
  readonly queuePosition?: number;
}
/**
 * The job's new state, discriminated by `status`. Error details are present exactly when the job failed.
 */
export type JobStatus = JobQueued | JobProcessing | JobCompleted | JobFailed;
/**
 * A job moved to another state: queued, processing, completed or failed. Any service that changes a job's state emits it; progress tracking and retries consume it.
 */
export interface JobStatusChanged {
  /**
   * Immutable identifier of this kind of event.
   */
  readonly eventType: "JOB_STATUS_CHANGED";
  /**
   * Version of this event's schema; it goes up only for breaking changes.
   */
  readonly version: 1;
  /**
   * Unique identifier of this event.
   */
  readonly eventId: EventId;
  /**
   * The job whose state changed; also the Kafka record key.
   */
  readonly jobId: JobId;
  /**
   * The user who owns the job.
   */
  readonly userId: UserId;
  /**
   * When the state changed.
   */
  readonly timestamp: Timestamp;
  /**
   * The job's new state.
   */
  readonly payload: JobStatus;
}
/**
 * Language of the activity as a BCP 47 tag: a language subtag, an optional script and an optional region (for example `en`, `pt-BR`, `zh-Hant-TW`).
 *
 * Constraints: 2 to 16 characters; pattern `^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$`.
 */
export type LanguageTag = string;
/**
 * Kind of text activity the user asked for.
 */
export type TextActivityType =
  "quiz" | "worksheet" | "flashcards" | "story" | "lesson-plan" | "word-search";
/**
 * Optional tuning of the generated text; the Text Service picks sensible defaults for anything left out.
 */
export interface TextJobOptions {
  /**
   * How hard the activity should be.
   */
  readonly difficulty?: "easy" | "medium" | "hard";
  /**
   * Upper bound on the length of the generated text, in words.
   *
   * Constraints: whole number, >= 10, <= 5000.
   */
  readonly maxWords?: number;
  /**
   * Number of questions, for quizzes and worksheets.
   *
   * Constraints: whole number, >= 1, <= 50.
   */
  readonly questionCount?: number;
  /**
   * Whether to append an answer key.
   */
  readonly includeAnswerKey?: boolean;
}
/**
 * What the user asked the Text Service to generate.
 */
export interface TextJobPayload {
  /**
   * Kind of text activity to generate.
   */
  readonly activityType: TextActivityType;
  /**
   * The user's request in their own words.
   *
   * Constraints: 1 to 4000 characters.
   */
  readonly prompt: string;
  /**
   * Language the activity is written in.
   */
  readonly language: LanguageTag;
  /**
   * School grade the activity targets, from 0 (kindergarten) to 12.
   *
   * Constraints: whole number, >= 0, <= 12.
   */
  readonly gradeLevel?: number;
  /**
   * Optional tuning of the generated text.
   */
  readonly options?: TextJobOptions;
  /**
   * Labels the user attached to the activity, for search and grouping.
   *
   * Constraints: at most 10 items.
   */
  readonly tags?: readonly string[];
}
/**
 * A user asked for a text activity (a quiz, a worksheet, a story...). Emitted by the API Gateway; the Text Service generates the activity.
 */
export interface TextJobRequested {
  /**
   * Immutable identifier of this kind of event.
   */
  readonly eventType: "TEXT_JOB_REQUESTED";
  /**
   * Version of this event's schema; it goes up only for breaking changes.
   */
  readonly version: 1;
  /**
   * Unique identifier of this event.
   */
  readonly eventId: EventId;
  /**
   * Identifier of the requested job; also the Kafka record key.
   */
  readonly jobId: JobId;
  /**
   * The user who asked for the activity.
   */
  readonly userId: UserId;
  /**
   * When the request was accepted.
   */
  readonly timestamp: Timestamp;
  /**
   * What to generate.
   */
  readonly payload: TextJobPayload;
}
/**
 * A generated text activity.
 */
export interface TextOutput {
  /**
   * Marks a text activity.
   */
  readonly kind: "text";
  /**
   * Kind of text activity.
   */
  readonly activityType: TextActivityType;
  /**
   * Title of the activity, shown to the user.
   *
   * Constraints: 1 to 200 characters.
   */
  readonly title: string;
  /**
   * The activity as Markdown.
   *
   * Constraints: 1 to 100000 characters.
   */
  readonly content: string;
  /**
   * Number of words in `content`.
   *
   * Constraints: whole number, >= 0.
   */
  readonly wordCount: number;
}
/**
 * When the event was created, as an RFC 3339 date-time with an explicit offset (for example `2026-11-27T09:30:00.000Z`).
 *
 * Constraints: format `date-time`.
 */
export type Timestamp = string;
/**
 * Identifier of the user who owns the job, as issued by the User Service.
 *
 * Constraints: 1 to 128 characters; pattern `^[A-Za-z0-9][A-Za-z0-9._:@|-]*$`.
 */
export type UserId = string;
/**
 * Every event of the contracts in its current version, discriminated on `eventType`: what producers publish and what `decodeEvent` returns.
 */
export type ContractEvent =
  ActivityGenerated | ImageJobRequested | JobStatusChanged | TextJobRequested;
/**
 * Every version of every event the contracts keep: what a consumer may receive before upcasting.
 */
export type AnyVersionEvent =
  ActivityGenerated | ImageJobRequested | JobStatusChanged | TextJobRequested;
/**
 * Each event type's identifier mapped to its event's type.
 */
export interface EventTypeMap {
  readonly ACTIVITY_GENERATED: ActivityGenerated;
  readonly IMAGE_JOB_REQUESTED: ImageJobRequested;
  readonly JOB_STATUS_CHANGED: JobStatusChanged;
  readonly TEXT_JOB_REQUESTED: TextJobRequested;
}
/**
 * The identifier of an event type, e.g. `"TEXT_JOB_REQUESTED"`.
 */
export type EventType = keyof EventTypeMap;
