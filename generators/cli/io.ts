import { styleFor, type Style } from "../style.js";

/** Where a command prints. The real CLI passes process streams; tests can pass buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** How to mark words in what goes to standard error: colours on a terminal, plain text otherwise. */
  readonly style?: Style;
  /** The same for standard output. */
  readonly outStyle?: Style;
  /**
   * Facts for `--format json`: what the command found, as data. Set only in that mode, where the text lines are
   * kept as `messages` and one JSON object is printed at the end.
   */
  readonly report?: (facts: Readonly<Record<string, unknown>>) => void;
}

/** The Output of `--format json`: text is collected as messages, facts merged; `result` is the JSON object. */
export function jsonOutput(command: string): { readonly output: Output; result(exitCode: number): Record<string, unknown> } {
  const facts: Record<string, unknown> = {};
  const messages: string[] = [];
  const keep = (text: string): void => {
    messages.push(...text.replace(/\n$/, "").split("\n").filter((line) => line !== ""));
  };
  return {
    output: { out: keep, err: keep, report: (more) => Object.assign(facts, more) },
    result: (exitCode) => ({ command, exitCode, ...facts, messages }),
  };
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  get style(): Style {
    return styleFor(process.stderr);
  },
  get outStyle(): Style {
    return styleFor(process.stdout);
  },
};
