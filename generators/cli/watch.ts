import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { Output } from "./io.js";
import { resolveSettings, type PathFlags } from "./settings.js";

/**
 * `generate --watch`: generates once, then again after every change to the schemas, the upcasters or the
 * config (changes within 150 ms make one run), printing each run's result or problems and carrying on, until
 * the process is interrupted (SIGINT, SIGTERM) or `signal` aborts. A run never overlaps the previous one: a
 * change during a run makes one more run after it.
 */
export async function watchGenerate(flags: PathFlags, output: Output, generateOnce: () => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  const settings = await resolveSettings(flags);
  const watched = [settings.schemasDir, settings.upcastersDir, settings.configFile];
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await generateOnce();
        output.out(`watching ${watched.filter((entry) => existsSync(entry)).map((entry) => path.relative(process.cwd(), entry) || ".").join(", ")} (Ctrl-C stops)`);
      } while (again);
    })();
    await running;
    running = undefined;
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  };
  const watchers: FSWatcher[] = [];
  for (const entry of watched) {
    try {
      // A folder is watched with everything below it; a file (the config) by its folder, filtered to its name.
      const isFile = entry === settings.configFile;
      const watcher = watch(isFile ? path.dirname(entry) : entry, { recursive: !isFile }, (_event, name) => {
        if (!isFile || name === path.basename(entry)) schedule();
      });
      watcher.on("error", () => undefined);
      watchers.push(watcher);
    } catch {
      // A folder that does not exist (no upcasters yet) has nothing to watch.
    }
  }
  await run();
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
}
