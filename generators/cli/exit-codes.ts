/** The CLI's exit codes; `--help` prints them and the README documents them. */
export const EXIT = {
  /** Everything is fine: files generated, in sync, events valid. */
  OK: 0,
  /** The command ran and found problems: `--check` drift, invalid events, compatibility violations, a publish refused. */
  PROBLEMS: 1,
  /** The command could not run: bad flags, unreadable files, invalid schemas or config. */
  USAGE: 2,
  /** A bug in event-contracts itself (an internal error); nothing was written. */
  INTERNAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0  success: output generated or in sync, all events valid, contracts compatible
  1  problems found: --check drift, invalid events, contract violations, publish refused
  2  usage or input error: bad flags, unreadable files, invalid schemas or config (nothing is written)
  3  internal error: a bug in event-contracts, to be reported (nothing is written)`;
