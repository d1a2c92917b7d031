import { describe, expect, it } from "vitest";
import * as events from "./fixtures/activity/out/ts/dist/esm/index.js";
import { canonicalSchemas, clone } from "./support/schemas.js";

const schemas = canonicalSchemas();
const examplesOf = (file: string): Record<string, any>[] => (schemas.get(file)?.["examples"] ?? []) as Record<string, any>[];
const textJob = (): Record<string, any> => clone(examplesOf("text-job.json")[0] ?? {});

describe("validators", () => {
  for (const file of ["text-job.json", "image-job.json", "activity-result.json", "job-status.json"]) {
    it(`accept every example of ${file}`, () => {
      for (const example of examplesOf(file)) {
        const result = events.validateEvent(example);
        expect(result.ok, JSON.stringify(result)).toBe(true);
      }
    });
  }

  const invalid: readonly [string, (event: Record<string, any>) => void, string, string][] = [
    ["a missing required envelope field", (e) => delete e["userId"], "/userId", "required"],
    ["a missing required payload field", (e) => delete e["payload"].prompt, "/payload/prompt", "required"],
    ["a wrong type", (e) => (e["payload"].gradeLevel = "4"), "/payload/gradeLevel", "type"],
    ["a non-integer", (e) => (e["payload"].gradeLevel = 4.5), "/payload/gradeLevel", "type"],
    ["a value outside an enum", (e) => (e["payload"].activityType = "crossword"), "/payload/activityType", "enum"],
    ["a wrong eventType const", (e) => (e["eventType"] = "IMAGE_JOB_REQUESTED"), "/eventType", "const"],
    ["a wrong version const", (e) => (e["version"] = 2), "/version", "const"],
    ["a pattern mismatch", (e) => (e["payload"].language = "english"), "/payload/language", "pattern"],
    ["a string that is too long", (e) => (e["payload"].prompt = "x".repeat(4001)), "/payload/prompt", "maxLength"],
    ["an empty string below minLength", (e) => (e["payload"].prompt = ""), "/payload/prompt", "minLength"],
    ["a number below its minimum", (e) => (e["payload"].gradeLevel = -1), "/payload/gradeLevel", "minimum"],
    ["a number above its maximum", (e) => (e["payload"].options.questionCount = 51), "/payload/options/questionCount", "maximum"],
    ["an array that is too long", (e) => (e["payload"].tags = Array.from({ length: 11 }, () => "t")), "/payload/tags", "maxItems"],
    ["a bad array item", (e) => (e["payload"].tags = ["ok", ""]), "/payload/tags/1", "minLength"],
    ["a bad UUID", (e) => (e["jobId"] = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4"), "/jobId", "format"],
    ["a calendar-invalid date-time", (e) => (e["timestamp"] = "2024-02-30T00:00:00Z"), "/timestamp", "format"],
    ["a date-time without offset", (e) => (e["timestamp"] = "2026-11-27T09:30:00"), "/timestamp", "format"],
    ["an unknown top-level property", (e) => (e["extra"] = true), "/extra", "additionalProperties"],
    ["an unknown payload property", (e) => (e["payload"]["a/b~c"] = 1), "/payload/a~1b~0c", "additionalProperties"],
    ["a null where null is not allowed", (e) => (e["payload"].options = null), "/payload/options", "type"],
  ];

  for (const [what, mutate, pointer, keyword] of invalid) {
    it(`reject ${what} with its JSON pointer`, () => {
      const event = textJob();
      mutate(event);
      const result = events.validateTextJobRequested(event);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toContainEqual(expect.objectContaining({ pointer, keyword }));
      expect(result.errors.every((error) => error.message.length > 0)).toBe(true);
    });
  }

  it("count string lengths in code points, not UTF-16 units", () => {
    const event = textJob();
    event["payload"].prompt = "😀".repeat(4000); // 8000 UTF-16 units, 4000 characters
    expect(events.validateTextJobRequested(event).ok).toBe(true);
    event["payload"].prompt = "😀".repeat(4001);
    expect(events.validateTextJobRequested(event).ok).toBe(false);
  });

  it("check date-times against the calendar, leap years and leap seconds included", () => {
    const at = (timestamp: string): boolean => events.validateTextJobRequested({ ...textJob(), timestamp }).ok;
    expect(at("2024-02-29T00:00:00Z")).toBe(true);
    expect(at("2023-02-29T00:00:00Z")).toBe(false);
    expect(at("2024-02-30T00:00:00Z")).toBe(false);
    expect(at("2026-12-31T23:59:60Z")).toBe(true);
    expect(at("2026-12-31T22:59:60Z")).toBe(false);
    expect(at("2026-11-27T09:30:00.123+05:30")).toBe(true);
  });

  it("report every problem at once", () => {
    const event = textJob();
    delete event["userId"];
    event["payload"].prompt = "";
    event["extra"] = 1;
    const result = events.validateEvent(event);
    expect(result.ok ? [] : result.errors.map((error) => error.pointer).sort()).toEqual(["/extra", "/payload/prompt", "/userId"]);
  });

  it("dispatch on eventType and refuse unknown ones", () => {
    const result = events.validateEvent({ ...textJob(), eventType: "TEXT_JOB_EXPLODED" });
    expect(result).toMatchObject({ ok: false, errors: [{ pointer: "/eventType", keyword: "eventType" }] });
    expect(events.validateEvent(null)).toMatchObject({ ok: false, errors: [{ pointer: "", keyword: "type" }] });
    expect(events.validateEvent([])).toMatchObject({ ok: false });
  });

  it("require error details exactly when a job failed", () => {
    const failed = clone(examplesOf("job-status.json")[1] ?? {});
    delete failed["payload"].error;
    expect(events.validateJobStatusChanged(failed)).toMatchObject({ ok: false, errors: [{ pointer: "/payload/error", keyword: "required" }] });
    const processing = clone(examplesOf("job-status.json")[0] ?? {});
    processing["payload"].error = { code: "TIMEOUT", message: "x", retryable: true };
    expect(events.validateJobStatusChanged(processing)).toMatchObject({ ok: false, errors: [{ pointer: "/payload/error", keyword: "additionalProperties" }] });
  });

  it("have type guards and assertions", () => {
    const event: unknown = textJob();
    expect(events.isTextJobRequested(event)).toBe(true);
    expect(events.isImageJobRequested(event)).toBe(false);
    expect(events.assertEvent(event)).toBe(event);
    expect(() => events.assertTextJobRequested({ ...textJob(), userId: "" })).toThrow(events.ContractValidationError);
    try {
      events.assertEvent({ ...textJob(), userId: "" });
    } catch (error) {
      expect(error).toBeInstanceOf(events.ContractValidationError);
      expect((error as events.ContractValidationError).eventType).toBe("TEXT_JOB_REQUESTED");
      expect((error as events.ContractValidationError).errors[0]?.pointer).toBe("/userId");
      expect((error as Error).message).toContain("/userId: must not be empty");
    }
  });
});

describe("factories", () => {
  const payload = (): events.TextJobPayload => ({ activityType: "quiz", prompt: "Volcanoes", language: "en" });

  it("fill eventType, version, eventId, jobId and timestamp", () => {
    const before = Date.now();
    const event = events.createTextJobRequested({ userId: "user_1", payload: payload() });
    expect(event).toMatchObject({ eventType: "TEXT_JOB_REQUESTED", version: 1, userId: "user_1", payload: payload() });
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.jobId).not.toBe(event.eventId);
    expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(before - 1);
    expect(Object.keys(event)).toEqual(["eventType", "version", "eventId", "jobId", "userId", "timestamp", "payload"]);
  });

  it("keep the jobId, eventId and timestamp they are given", () => {
    const init = { userId: "u", payload: payload(), jobId: "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", eventId: "0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21", timestamp: "2026-01-01T00:00:00Z" };
    expect(events.createTextJobRequested(init)).toMatchObject({ jobId: init.jobId, eventId: init.eventId, timestamp: init.timestamp });
  });

  it("return a deeply frozen copy and leave the input alone", () => {
    const input = payload();
    const event = events.createTextJobRequested({ userId: "u", payload: input });
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.payload)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(event.payload).not.toBe(input);
  });

  it("drop undefined optional fields, as JSON would", () => {
    const event = events.createTextJobRequested({ userId: "u", payload: { ...payload(), options: undefined } as unknown as events.TextJobPayload });
    expect("options" in event.payload).toBe(false);
  });

  it("throw ContractValidationError listing every problem", () => {
    const bad = { userId: "", payload: { activityType: "crossword", prompt: "" } } as unknown as events.TextJobRequestedInit;
    expect(() => events.createTextJobRequested(bad)).toThrow(events.ContractValidationError);
    try {
      events.createTextJobRequested(bad);
    } catch (error) {
      const pointers = (error as events.ContractValidationError).errors.map((problem) => problem.pointer).sort();
      expect(pointers).toEqual(["/payload/activityType", "/payload/language", "/payload/prompt", "/userId", "/userId"]);
    }
  });

  it("build a failed job status only with error details", () => {
    const common = { userId: "u", jobId: "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b" };
    const failed = events.createJobStatusChanged({ ...common, payload: { status: "failed", jobKind: "text", attempt: 2, error: { code: "TIMEOUT", message: "slow", retryable: true }, nextRetryAt: null } });
    expect(failed.payload.status).toBe("failed");
    expect(() => events.createJobStatusChanged({ ...common, payload: { status: "failed", jobKind: "text", attempt: 2 } as unknown as events.JobFailed })).toThrow(/error: is required/);
  });
});

describe("topics", () => {
  it("map every event type to its topic", () => {
    expect(events.TOPICS).toEqual({ ACTIVITY_RESULTS: "activity-results", IMAGE_JOBS: "image-jobs", JOB_STATUS: "job-status", TEXT_JOBS: "text-jobs" });
    expect(events.topicOf("TEXT_JOB_REQUESTED")).toBe("text-jobs");
    expect(events.topicOf(events.EVENT_TYPES.JOB_STATUS_CHANGED)).toBe("job-status");
    expect(() => events.topicOf("NOPE" as events.EventType)).toThrow(/unknown event type/);
  });

  it("describe each contract from the schemas' x-kafka", () => {
    expect(events.EVENT_CONTRACTS.ACTIVITY_GENERATED).toEqual({
      eventType: "ACTIVITY_GENERATED",
      version: 1,
      versions: [1],
      topic: "activity-results",
      key: "jobId",
      producers: ["text-service", "image-service"],
      consumers: ["api-gateway", "user-service"],
      schema: "activity-result.json",
      schemaId: "https://contracts.activity-builder.dev/events/activity-result.json",
    });
  });

  it("key every event by its jobId", () => {
    const event = events.createImageJobRequested({ userId: "u", payload: { activityType: "poster", prompt: "p", size: { width: 64, height: 64 } } });
    expect(events.keyOf(event)).toBe(event.jobId);
  });
});
