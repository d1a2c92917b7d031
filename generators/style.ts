/** Colours for a report's words; each returns the text unchanged when colour is off. */
export interface Style {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly good: (text: string) => string;
  readonly faint: (text: string) => string;
}

export const PLAIN: Style = { error: (text) => text, warning: (text) => text, good: (text) => text, faint: (text) => text };

const ANSI: Style = {
  error: (text) => `\u001b[1;31m${text}\u001b[0m`,
  warning: (text) => `\u001b[33m${text}\u001b[0m`,
  good: (text) => `\u001b[32m${text}\u001b[0m`,
  faint: (text) => `\u001b[2m${text}\u001b[0m`,
};

/**
 * Colour only for a person at a terminal: FORCE_COLOR (not "0") turns it on anywhere; otherwise NO_COLOR
 * (https://no-color.org), TERM=dumb or a stream that is not a terminal turn it off.
 */
export function styleFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const forced = env["FORCE_COLOR"];
  if (forced !== undefined && forced !== "" && forced !== "0") return ANSI;
  if (forced === "0" || (env["NO_COLOR"] ?? "") !== "" || env["TERM"] === "dumb") return PLAIN;
  return stream.isTTY === true ? ANSI : PLAIN;
}
