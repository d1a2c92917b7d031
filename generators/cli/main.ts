import { readFileSync } from "node:fs";
import path from "node:path";
import yargs from "yargs";
import { ContractProblemsError, UsageError, formatProblem, type Problem } from "../problems.js";
import { EXIT, EXIT_CODES_HELP, type ExitCode } from "./exit-codes.js";
// The target names are listed here rather than imported from the pipeline, so that `--help` and a wrong flag
// answer without loading the compilers and formatters; a test checks that the list matches the pipeline's.
export const TARGET_CHOICES = ["ts", "go", "python", "vectors", "docs"] as const;
import { jsonOutput, processOutput, type Output } from "./io.js";
import { PLAIN } from "../style.js";

/**
 * The `event-contracts` command line. A thin layer over the pipeline: it parses flags, runs one command and
 * maps outcomes to exit codes; it never exits the process itself, so tests can call it.
 *
 * @example
 * event-contracts generate            # schemas/ -> out/
 * event-contracts generate --check    # exit 1 when out/ has drifted
 * event-contracts validate captured.ndjson
 */
export async function main(argv: readonly string[], output: Output = processOutput, about: { readonly version?: string } = {}): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.OK;
  // --quiet: only problems are printed; what a command says when all is well is left out.
  const quiet = argv.includes("--quiet") || argv.includes("-q");
  // --format json: one JSON object on standard output at the end (compat has its own formats).
  const commandName = argv.find((arg) => !arg.startsWith("-"));
  const formatAt = argv.indexOf("--format");
  const json = commandName !== "compat" && (argv.includes("--format=json") || (formatAt >= 0 && argv[formatAt + 1] === "json")) ? jsonOutput(commandName ?? "") : undefined;
  const said: Output = json !== undefined ? json.output : quiet ? { out: () => {}, err: output.err, style: output.style ?? PLAIN } : output;
  const formatOption = { format: { choices: ["text", "json"] as const, default: "text" as const, describe: "report format (json: one object on standard output, the exit code as usual)" } };
  const pathOptions = {
    schemas: { type: "string", requiresArg: true, describe: "folder of JSON Schema files (default: from the config, else schemas/)" },
    config: { type: "string", requiresArg: true, describe: "config file (default: event-contracts.config.json, if present)" },
  } as const;
  const parser = yargs([...argv])
    .scriptName("event-contracts")
    .usage("$0 <command> [options]\n\nTurns JSON Schema event contracts into typed, validated packages.")
    .command(
      "generate",
      "generate the packages in out/ from the schemas (--check: compare only)",
      (command) =>
        command.options({
          ...pathOptions,
          out: { type: "string", requiresArg: true, describe: "output folder (default: from the config, else out/); generate writes only into a new or empty folder or one it generated" },
          check: { type: "boolean", default: false, describe: "write nothing; exit 1 and list drifted, missing and extra files" },
          "allow-violations": { type: "boolean", default: false, describe: "release even when the contracts break a rule against the last release (the changelog records it)" },
          target: { type: "string", array: true, choices: TARGET_CHOICES, describe: "generate only these targets (repeatable; default: all)" },
          watch: { type: "boolean", default: false, describe: "keep running: generate again after every change to the schemas, upcasters or config, printing problems" },
          ...formatOption,
        }).epilogue(EXIT_CODES_HELP),
      async (args) => {
        // Each command loads its own modules when it runs (the pipeline pulls in TypeScript, Biome, ruff).
        const { runGenerate } = await import("./generate-command.js");
        if (args.watch) {
          if (args.check) throw new UsageError("--watch writes after every change; it cannot be combined with --check");
          const { watchGenerate } = await import("./watch.js");
          const once = async (): Promise<void> => {
            try {
              await runGenerate({ schemas: args.schemas, out: args.out, config: args.config, check: false, allowViolations: args["allow-violations"], targets: args.target }, said);
            } catch (error) {
              // A problem is printed and watching goes on; the next change tries again.
              reportFailure(error, said);
            }
          };
          await watchGenerate({ schemas: args.schemas, out: args.out, config: args.config }, said, once);
          return;
        }
        exitCode = await runGenerate({ schemas: args.schemas, out: args.out, config: args.config, check: args.check, allowViolations: args["allow-violations"], targets: args.target }, said);
      },
    )
    .command(
      "validate <input>",
      "validate events: a JSON file, a JSON array, or NDJSON; '-' reads standard input",
      (command) =>
        command
          .positional("input", { type: "string", demandOption: true, describe: "file of events, or - for standard input" })
          .options({ ...pathOptions, ...formatOption, out: { type: "string", requiresArg: true, describe: "output folder whose generated validators are used when it was made from these schemas (default: from the config, else out/)" } })
          .epilogue(EXIT_CODES_HELP),
      async (args) => {
        // yargs-parser reads a lone "-" as an empty string; "-" is the conventional name of standard input.
        const input = args.input === "" ? "-" : args.input;
        const { runValidate } = await import("./validate-command.js");
        exitCode = await runValidate({ input, schemas: args.schemas, out: args.out, config: args.config }, said);
      },
    )
    .command(
      "compat",
      "check the contract rules between the schemas at a git ref (or a folder) and the working tree's",
      (command) =>
        command
          .options({
            ...pathOptions,
            against: { type: "string", requiresArg: true, describe: "git ref (read with git show) or folder of schemas to compare with (default: the last release)" },
            format: { choices: ["text", "json", "github"] as const, default: "text" as const, describe: "report format (github: workflow annotations)" },
          })
          .epilogue(EXIT_CODES_HELP),
      async (args) => {
        const { runCompat } = await import("./compat-command.js");
        exitCode = await runCompat({ against: args.against, format: args.format, schemas: args.schemas, config: args.config }, args.format === "text" ? said : output);
      },
    )
    .command(
      "release",
      "record out/'s version as released: the git tag <tagPrefix><version> (contracts-v1.2.0) on HEAD (out/ in sync and committed)",
      (command) =>
        command
          .options({ ...pathOptions, ...formatOption, "allow-violations": { type: "boolean", default: false, describe: "release an output folder generated with --allow-violations" } })
          .epilogue(EXIT_CODES_HELP),
      async (args) => {
        const { runRelease } = await import("./release-command.js");
        exitCode = await runRelease({ schemas: args.schemas, config: args.config, allowViolations: args["allow-violations"] }, said);
      },
    )
    .command(
      "publish",
      "publish the released packages of out/ to their registries (npm, a PyPI-protocol index, a Go module proxy folder)",
      (command) =>
        command
          .options({
            ...pathOptions,
            out: { type: "string", requiresArg: true, describe: "output folder (default: from the config, else out/)" },
            "dry-run": { type: "boolean", default: false, describe: "ask the registries and say what would be published; change nothing" },
            target: { type: "string", array: true, choices: ["ts", "go", "python"] as const, describe: "publish only these packages (repeatable; default: all)" },
            ...formatOption,
          })
          .epilogue(EXIT_CODES_HELP),
      async (args) => {
        const { runPublish } = await import("./publish-command.js");
        exitCode = await runPublish({ schemas: args.schemas, out: args.out, config: args.config, dryRun: args["dry-run"], targets: args.target }, said);
      },
    )
    .command(
      "init [dir]",
      "scaffold a contracts repository: config, an example schema, npm scripts, a CI workflow and a README",
      (command) =>
        command
          .positional("dir", { type: "string", describe: "the folder to scaffold (default: the working folder)" })
          .options({ name: { type: "string", requiresArg: true, describe: "the project's name, for its packages (default: the folder's name)" }, ...formatOption })
          .epilogue(EXIT_CODES_HELP),
      async (args) => {
        const { runInit } = await import("./init-command.js");
        exitCode = await runInit({ dir: args.dir, name: args.name, toolkitVersion: about.version ?? toolkitVersion() }, said);
      },
    )
    .demandCommand(1, "name a command: init, generate, validate, compat, release or publish")
    .option("quiet", { alias: "q", type: "boolean", global: true, describe: "print only problems: nothing when all is well" })
    .strict()
    .epilogue(EXIT_CODES_HELP)
    .help()
    .alias("help", "h")
    .version("version", "print the version of event-contracts", `event-contracts ${about.version ?? toolkitVersion()}`)
    .alias("version", "V")
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports a wrong command line (a flag without its value, say) as a YError: a usage error.
      if (error === undefined || error === null || error.name === "YError") throw new UsageError(withSuggestion(message ?? error?.message ?? "invalid command line", argv));
      throw error;
    });
  try {
    let helpText = "";
    await parser.parseAsync([...argv], {}, (_error, _argv, text) => {
      helpText = text;
    });
    if (helpText !== "") output.out(helpText);
    if (json !== undefined && helpText === "") output.out(JSON.stringify(json.result(exitCode), null, 2));
    return exitCode;
  } catch (error) {
    if (json !== undefined && (error instanceof ContractProblemsError || error instanceof UsageError)) {
      const facts = error instanceof ContractProblemsError ? { problems: error.problems.map(problemFacts) } : { error: error.message };
      output.out(JSON.stringify({ ...json.result(EXIT.USAGE), ...facts }, null, 2));
      return EXIT.USAGE;
    }
    return reportFailure(error, output);
  }
}

/** What a command that failed says, and its exit code: problems and usage errors 2, anything else a bug, 3. */
export function reportFailure(error: unknown, output: Output): ExitCode {
  const style = output.style ?? PLAIN;
  if (error instanceof ContractProblemsError) {
    output.err(error.problems.map(formatProblem).join("\n"));
    output.err(`\n${style.error(`${error.problems.length} ${error.problems.length === 1 ? "problem" : "problems"} found`)}; nothing was written.`);
    return EXIT.USAGE;
  }
  if (error instanceof UsageError) {
    output.err(`${style.error("event-contracts:")} ${error.message}\nRun \`event-contracts --help\` for usage.`);
    return EXIT.USAGE;
  }
  // Anything else is a bug in event-contracts, never a problem of the input: say so, without a stack trace
  // unless asked for one, and say how to report it. Nothing was written (writes are atomic).
  const debug = process.env["EVENT_CONTRACTS_DEBUG"] === "1";
  const detail = (debug && error instanceof Error ? (error.stack ?? error.message) : error instanceof Error ? error.message : String(error)).replace(/^internal error: /, "");
  output.err(
    `event-contracts: internal error: ${detail}\n` +
      "This is a bug in event-contracts, not a problem of your schemas; nothing was written. Please report it with the schemas and the command that caused it" +
      (debug ? "." : ", and the stack trace that EVENT_CONTRACTS_DEBUG=1 prints."),
  );
  return EXIT.INTERNAL;
}

const COMMANDS = ["init", "generate", "validate", "compat", "release", "publish"];
const FLAGS = ["schemas", "config", "out", "check", "watch", "allow-violations", "target", "against", "format", "dry-run", "name", "quiet", "help", "version"];

/**
 * yargs's "Unknown argument: gen" with what was probably meant: a command or flag that the word starts, or
 * one within a small edit distance of it ("Did you mean generate?").
 */
export function withSuggestion(message: string, argv: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message)?.[1]?.split(", ");
  if (unknown === undefined) return message;
  const hints = unknown.flatMap((word) => {
    const asFlag = argv.some((arg) => arg === `--${word}` || arg.startsWith(`--${word}=`) || arg === `-${word}`);
    const guess = closest(word, asFlag ? FLAGS : COMMANDS);
    return guess === undefined ? [] : [`did you mean ${asFlag ? `--${guess}` : guess}${unknown.length > 1 ? ` for ${asFlag ? `--${word}` : word}` : ""}?`];
  });
  return hints.length === 0 ? message : `${message}; ${hints.join(" ")}`;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.filter((candidate) => word.length >= 2 && candidate.startsWith(word));
  if (prefixed.length === 1) return prefixed[0];
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  return best !== undefined && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  const at = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) table[i * width] = i;
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      table[i * width + j] = value;
    }
  }
  return at(a.length, b.length);
}

/** The toolkit's version, from its package.json, when the bin script does not pass it (tests run the sources). */
function toolkitVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** A problem as data: where (file, line, column, JSON pointer), what (code, message). */
function problemFacts(problem: Problem): Record<string, unknown> {
  return { code: problem.code, file: problem.file, ...(problem.position === undefined ? {} : { line: problem.position.line, column: problem.position.column }), ...(problem.pointer === undefined ? {} : { pointer: problem.pointer }), message: problem.message };
}
