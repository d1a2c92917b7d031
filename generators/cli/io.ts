import { styleFor, type Style } from "../style.js";

/** Where a command prints. The real CLI passes process streams; tests can pass buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** How to mark words in what goes to standard error: colours on a terminal, plain text otherwise. */
  readonly style?: Style;
  /** The same for standard output. */
  readonly outStyle?: Style;
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
