import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped` (and `; N files failed` when a file
 * failed outside its tests), that CI systems read without knowing vitest's own summary format.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    // A file can fail with no failed test (a beforeAll hook that throws skips its tests): it is counted apart,
    // or the line would read "0 failed" for a run that failed.
    const failedFiles = testModules.filter((module) => module.state() === "failed").length;
    const files = failedFiles === 0 ? "" : `; ${failedFiles} ${failedFiles === 1 ? "file" : "files"} failed`;
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${files}\n`);
  }
}
