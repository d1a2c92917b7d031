import { UsageError } from "../problems.js";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** How one command-line formatter is run over a folder of sources, and how it is told its settings. */
export interface FormatterTool {
  /** Names the tool in errors, and its scratch folders. */
  readonly name: string;
  /** The file name suffix the tool recognises the language by (`.go`, `.ts`). */
  readonly suffix: string;
  /** The command, and its arguments for formatting in place every file of `folder`. */
  command(folder: string, settings: string): { readonly file: string; readonly args: readonly string[] };
  /** Files the tool reads its settings from, written into their own folder beside the sources. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Variables set for the command, beside this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** What to say when the command cannot be started: what to install, or how to do without it. */
  readonly missing: string;
}

/** A formatter refused a source: `said` is what it said, with the source named by its path. */
export class FormatterRefusal extends Error {
  constructor(
    message: string,
    readonly said: string,
  ) {
    super(message);
    this.name = "FormatterRefusal";
  }
}

interface Pending {
  readonly path: string;
  readonly source: string;
  resolve(formatted: string): void;
  reject(error: unknown): void;
}

/**
 * Formats sources with a formatter's own native program, one run for all the sources that one piece of code
 * asks for before it yields (a formatFiles call asks for all of its files at once): a process per file would
 * cost more than formatting it. The program runs beside this thread, on another core, while the generator goes
 * on with the next target.
 */
export class BatchFormatter {
  #pending: Pending[] = [];

  constructor(private readonly tool: FormatterTool) {}

  /**
   * The source in the tool's form; `path` names it in errors. `alone`: in a run of its own, so that a refusal is
   * about this source only (the user's upcasters are checked so).
   */
  format(path: string, source: string, options: { readonly alone?: boolean } = {}): Promise<string> {
    if (options.alone === true) return runOver(this.tool, [{ path, source }]).then(([formatted]) => formatted ?? "");
    return new Promise((resolve, reject) => {
      // Flushed as soon as the code that asks yields, not at the next turn of the event loop: that turn may come
      // only after seconds of the next target's work.
      if (this.#pending.length === 0) queueMicrotask(() => void this.#flush());
      this.#pending.push({ path, source, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const formatted = await runOver(this.tool, batch);
      batch.forEach((item, index) => item.resolve(formatted[index] ?? ""));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}

async function runOver(tool: FormatterTool, batch: readonly { readonly path: string; readonly source: string }[]): Promise<string[]> {
  // The sources are written at once, without waiting on the event loop, so that the program starts now: this
  // thread is about to be busy making the next target.
  const scratch = mkdtempSync(path.join(os.tmpdir(), `event-contracts-${tool.name}-`));
  try {
    const sources = path.join(scratch, "sources");
    const settings = path.join(scratch, "settings");
    mkdirSync(sources);
    mkdirSync(settings);
    // "source-12.ts": no name is a part of another, so each can be replaced by its path in a message.
    const names = batch.map((_, index) => path.join(sources, `source-${index}${tool.suffix}`));
    batch.forEach((item, index) => writeFileSync(names[index] ?? "", item.source));
    for (const [name, text] of Object.entries(tool.settings ?? {})) writeFileSync(path.join(settings, name), text);
    const { file, args } = tool.command(sources, settings);
    const said = await new Promise<string | undefined>((resolve, reject) => {
      const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...tool.env } });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      // A program that is not installed is the machine's problem, not a bug: a usage error (exit 2) saying what to do.
      child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new UsageError(tool.missing) : new Error(`${tool.missing}: ${error.message}`)));
      child.on("close", (code) => resolve(code === 0 ? undefined : output));
    });
    if (said !== undefined) {
      // The tool names the scratch files; the message names the generated ones.
      const unfolded = said.replaceAll(`${sources}${path.sep}`, "");
      const named = batch.reduce((text, item, index) => text.replaceAll(path.basename(names[index] ?? ""), item.path), unfolded);
      throw new FormatterRefusal(`internal error: generated code does not parse (${tool.name}):\n${named.trim()}`, named);
    }
    return names.map((name) => readFileSync(name, "utf8"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
