/** A small benchmark harness: interleaved rounds, median of rounds, so a noisy 2-core machine still gives stable ratios. */

/**
 * The Activity Builder contracts the benchmarks measure, relative to the repository: the tests' frozen copy,
 * so that editing schemas/ never breaks (or silently changes) a benchmark.
 */
export const ACTIVITY = "test/fixtures/activity";

export interface Case {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Measurement {
  readonly name: string;
  readonly nsPerOp: number;
}

let sink: unknown;

export function measure(cases: readonly Case[], { rounds = 15, minRoundMs = 40 } = {}): Measurement[] {
  // Calibrate each case to a round of about minRoundMs, after a warm-up that lets the JIT settle.
  const iterations = cases.map((entry) => {
    for (let index = 0; index < 20_000; index++) sink = entry.run();
    let count = 1_000;
    for (;;) {
      const start = process.hrtime.bigint();
      for (let index = 0; index < count; index++) sink = entry.run();
      const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (elapsedMs >= minRoundMs) return count;
      count *= 2;
    }
  });
  const samples: number[][] = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    cases.forEach((entry, caseIndex) => {
      const count = iterations[caseIndex] ?? 1;
      const start = process.hrtime.bigint();
      for (let index = 0; index < count; index++) sink = entry.run();
      samples[caseIndex]?.push(Number(process.hrtime.bigint() - start) / count);
    });
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return cases.map((entry, index) => ({ name: entry.name, nsPerOp: median(samples[index] ?? []) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
