import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface TreeRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly ms: number;
  /** The largest sum of the resident memory of the command and every process below it, sampled. */
  readonly peakMiB: number;
}

/**
 * Runs a command and samples, every 50 ms, the resident memory of its whole process tree: generate runs Biome,
 * gofmt and esbuild beside itself, and what they hold counts as much as what the CLI holds. Linux's /proc is
 * read; elsewhere the peak is the CLI's own (process.resourceUsage), which leaves the helpers out.
 */
export function runMeasuringTree(command: string, args: readonly string[], cwd: string): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, treeResidentBytes(child.pid));
    };
    const timer = setInterval(sample, 50);
    child.on("error", reject);
    child.on("close", (status) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ status, stderr, ms, peakMiB: peak / 2 ** 20 });
    });
  });
}

/** The resident bytes of a process and its descendants, from /proc (0 where there is none). */
function treeResidentBytes(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 0;
  }
  const parents = new Map<number, number>();
  const resident = new Map<number, number>();
  for (const entry of entries) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (parent !== undefined) parents.set(Number(entry), Number(parent));
      if (rss !== undefined) resident.set(Number(entry), Number(rss) * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid; current !== undefined && current > 1; current = parents.get(current)) if (current === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of resident) if (inTree(pid)) total += bytes;
  return total;
}
