import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as canonical from "./fixtures/activity/out/ts/dist/esm/index.js";
import { FIXTURES } from "./support/paths.js";
import { cli } from "./support/run.js";

const FIXTURE = path.join(FIXTURES, "versions");
const examples = (file: string): Record<string, unknown>[] =>
  (JSON.parse(readFileSync(path.join(FIXTURE, "schemas", file), "utf8")) as { examples: Record<string, unknown>[] }).examples;

interface VersionsPackage {
  decodeEvent(value: unknown): { ok: true; value: Record<string, any> } | { ok: false; errors: { pointer: string; message: string }[] };
  validateEvent(value: unknown, options?: { unknownProperties?: "reject" | "allow" }): { ok: boolean; errors?: { pointer: string; keyword: string }[] };
  validateNoteCreatedV1(value: unknown): { ok: boolean };
  validateNoteCreatedV2(value: unknown): { ok: boolean };
  EVENT_CONTRACTS: Record<string, { version: number; versions: number[] }>;
}

const load = async (): Promise<VersionsPackage> =>
  (await import(pathToFileURL(path.join(FIXTURE, "out/ts/dist/esm/index.js")).href)) as VersionsPackage;

describe("several versions of one event", () => {
  it("decodes version 1 into version 2 through the steps the schema declares (rename, default)", async () => {
    const events = await load();
    const [first] = examples("archive/note.v1.json");
    const decoded = events.decodeEvent(first);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value).toMatchObject({ eventType: "NOTE_CREATED", version: 2, payload: { title: "Groceries", body: "Milk", priority: "normal" } });
    expect(decoded.value["payload"]).not.toHaveProperty("subject");
  });

  it("decodes version 1 into version 2 through an upcaster written by hand", async () => {
    const events = await load();
    const decoded = events.decodeEvent(examples("archive/task.v1.json")[0]);
    expect(decoded).toMatchObject({ ok: true, value: { version: 2, payload: { assignee: { id: "ada", name: "Ada Lovelace" } } } });
  });

  it("leaves a current event as it is", async () => {
    const events = await load();
    const [current] = examples("note.json");
    expect(events.decodeEvent(current)).toEqual({ ok: true, value: current });
  });

  it("validates each version against its own schema, and refuses versions the contracts do not keep", async () => {
    const events = await load();
    const [v1] = examples("archive/note.v1.json");
    const [v2] = examples("note.json");
    expect(events.validateNoteCreatedV1(v1).ok).toBe(true);
    expect(events.validateNoteCreatedV1(v2).ok).toBe(false);
    expect(events.validateNoteCreatedV2(v2).ok).toBe(true);
    expect(events.validateEvent(v1).ok).toBe(true);
    expect(events.validateEvent({ ...v2, version: 3 })).toMatchObject({ ok: false, errors: [{ pointer: "/version", keyword: "version" }] });
    expect(events.EVENT_CONTRACTS["NOTE_CREATED"]).toMatchObject({ version: 2, versions: [1, 2] });
  });

  it("refuses, while generating, a step that needs an upcaster nobody wrote", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-versions-"));
    try {
      // The schemas and config without the upcasters folder beside them.
      cpSync(path.join(FIXTURE, "schemas"), path.join(dir, "schemas"), { recursive: true });
      cpSync(path.join(FIXTURE, "event-contracts.config.json"), path.join(dir, "event-contracts.config.json"));
      const result = cli(["generate"], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/task\.json:\d+:\d+ {2}\/properties\/version {2}TASK_ASSIGNED version 1 to 2 needs an upcaster \(\/payload\/assignee: type changed from string to object\): write upcasters\/task-assigned\/v1-to-v2\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("strict producers, tolerant consumers", () => {
  const event = canonical.createTextJobRequested({ userId: "u", payload: { activityType: "quiz", prompt: "p", language: "en" } });
  const newer = { ...event, traceId: "added by a newer producer", payload: { ...event.payload, addedLater: "teachers" } };

  it("rejects unknown properties when producing", () => {
    expect(canonical.validateEvent(newer)).toMatchObject({ ok: false });
  });

  it("allows them when consuming", () => {
    expect(canonical.validateEvent(newer, { unknownProperties: "allow" }).ok).toBe(true);
    expect(canonical.decodeEvent(newer)).toEqual({ ok: true, value: newer });
  });

  it("still rejects everything else when consuming", () => {
    expect(canonical.decodeEvent({ ...newer, payload: { ...newer.payload, prompt: "" } })).toMatchObject({ ok: false, errors: [{ pointer: "/payload/prompt" }] });
  });
});
