import { randomUUID } from "node:crypto";
import * as events from "../fixtures/activity/out/ts/dist/esm/index.js";

/** One event of each type of the activity fixture, made by its factories, all of job `jobId`. */
export function oneOfEach(jobId: string): events.ContractEvent[] {
  return [
    events.createTextJobRequested({ userId: "u1", jobId, payload: { activityType: "quiz", prompt: "Volcanoes", language: "en" } }),
    events.createImageJobRequested({ userId: "u1", jobId, payload: { activityType: "poster", prompt: "Planets", size: { width: 512, height: 512 } } }),
    events.createActivityGenerated({ userId: "u1", jobId, payload: { activityId: randomUUID(), output: { kind: "text", activityType: "quiz", title: "T", content: "C", wordCount: 1 }, generationMs: 5 } }),
    events.createJobStatusChanged({ userId: "u1", jobId, payload: { status: "completed", jobKind: "text", attempt: 1, activityId: randomUUID() } }),
  ];
}

/** Waits until `done` says so or `timeoutMs` pass, looking every `everyMs`; the caller checks what it got. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, everyMs));
}
