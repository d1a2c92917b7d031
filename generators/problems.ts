/**
 * Problems found in the user's input (schemas, config, events). Every problem names the file and, where it
 * is known, the line and column and the JSON pointer, so a user can jump straight to it.
 */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface Problem {
  /** Stable identifier of the rule that was broken, e.g. `MALFORMED_JSON`. */
  readonly code: string;
  readonly file: string;
  readonly position?: SourcePosition | undefined;
  readonly pointer?: string | undefined;
  readonly message: string;
}

/** `file:line:col  /pointer  message`, the one format every command prints problems in. */
export function formatProblem(problem: Problem): string {
  const where = problem.position
    ? `${problem.file}:${problem.position.line}:${problem.position.column}`
    : problem.file;
  const pointer = problem.pointer === undefined ? "" : `  ${problem.pointer === "" ? "/" : problem.pointer}`;
  return `${where}${pointer}  ${problem.message} [${problem.code}]`;
}

/** Thrown when input is wrong; carries every problem found, not just the first. */
export class ContractProblemsError extends Error {
  readonly code = "CONTRACT_PROBLEMS";
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContractProblemsError";
  }
}

/** Thrown when a command is called wrongly (bad flag, missing file); the CLI exits with 2. */
export class UsageError extends Error {
  readonly code = "USAGE";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Collects problems while a pass walks its input, so that one run reports all of them. */
export class ProblemCollector {
  private readonly list: Problem[] = [];

  add(problem: Problem): void {
    this.list.push(problem);
  }

  get problems(): readonly Problem[] {
    return this.list;
  }

  get hasProblems(): boolean {
    return this.list.length > 0;
  }

  /** Throws when anything was collected; problems come out sorted by file, line and column. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const sorted = [...this.list].sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
        (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
        compareText(a.message, b.message),
    );
    throw new ContractProblemsError(sorted);
  }
}

/** Code-unit order, independent of the machine's locale, so output never depends on where it runs. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
