import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../generators/cli/main.js";
import { EXIT } from "../generators/cli/exit-codes.js";

// A bug is simulated where it would surface: the pipeline throws something that is not a problem of the input.
vi.mock("../generators/pipeline.js", async (original) => ({
  ...(await original<typeof import("../generators/pipeline.js")>()),
  generate: () => Promise.reject(new TypeError("internal error: cannot read properties of undefined (reading 'kind')")),
}));

async function run(): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(["generate", "--out", "never-written"], { out: () => undefined, err: (text) => (err += `${text}\n`) });
  return { code, err };
}

describe("an internal error", () => {
  afterEach(() => {
    delete process.env["EVENT_CONTRACTS_DEBUG"];
  });

  it("says it is a bug and how to report it, exits 3, and shows no stack trace", async () => {
    const { code, err } = await run();
    expect(code).toBe(EXIT.INTERNAL);
    expect(err).toContain("event-contracts: internal error: cannot read properties of undefined (reading 'kind')\nThis is a bug in event-contracts, not a problem of your schemas; nothing was written.");
    expect(err).toContain("EVENT_CONTRACTS_DEBUG=1");
    expect(err).not.toMatch(/^\s+at /m);
  });

  it("shows the stack trace when EVENT_CONTRACTS_DEBUG=1 asks for it", async () => {
    process.env["EVENT_CONTRACTS_DEBUG"] = "1";
    const { code, err } = await run();
    expect(code).toBe(EXIT.INTERNAL);
    expect(err).toMatch(/^\s+at /m);
  });
});
