import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The suites spawn tsc, npm and the CLI; two workers match this machine's two cores.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
