import { z } from "zod";

/** TEXT_JOB_REQUESTED written by hand in zod 4, as close to the schema as zod allows (the baseline). */
export const zodTextJobRequested = z.strictObject({
  eventType: z.literal("TEXT_JOB_REQUESTED"),
  version: z.literal(1),
  eventId: z.uuid(),
  jobId: z.uuid(),
  userId: z.string().min(1).max(128).regex(/^[A-Za-z0-9][A-Za-z0-9._:@|-]*$/u),
  timestamp: z.iso.datetime({ offset: true }),
  payload: z.strictObject({
    activityType: z.enum(["quiz", "worksheet", "flashcards", "story", "lesson-plan", "word-search"]),
    prompt: z.string().min(1).max(4000),
    language: z.string().min(2).max(16).regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/u),
    gradeLevel: z.int().min(0).max(12).optional(),
    options: z
      .strictObject({
        difficulty: z.enum(["easy", "medium", "hard"]).optional(),
        maxWords: z.int().min(10).max(5000).optional(),
        questionCount: z.int().min(1).max(50).optional(),
        includeAnswerKey: z.boolean().optional(),
      })
      .optional(),
    tags: z.array(z.string().min(1).max(40)).max(10).optional(),
  }),
});
