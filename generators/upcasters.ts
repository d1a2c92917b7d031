import { transform } from "esbuild";
import path from "node:path";
import { isolatedDeclarationSync } from "oxc-transform";
import { FormatterRefusal } from "./output/batch-formatter.js";
import { formatGo } from "./output/format.js";
import { formatPython } from "./output/format-python.js";
import { ContractProblemsError, type Problem, type SourcePosition } from "./problems.js";
import { textPosition } from "./schema/json-source.js";

/**
 * The hand-written upcasters are the user's code, copied into the packages: a mistake in one is a problem of the
 * input, to be reported at its place like a schema's, not met later as a failure of a compiler or formatter on
 * the generated package (which would read as a bug of the generator). Each is read by its language's own tools
 * before anything is generated: TypeScript by esbuild (syntax) and by Oxc (the package is declared file by file,
 * so its types must be explicit, as `isolatedDeclarations` says), Go by gofmt, Python by ruff's parser.
 * `folder` is where they are (paths in problems are relative to the working folder); `files` by path below it.
 */
export async function checkUpcasters(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  const problems = (await Promise.all([...files].map(([file, text]) => problemsOf(path.relative(process.cwd(), path.join(folder, file)), text)))).flat();
  if (problems.length > 0) throw new ContractProblemsError(problems);
}

async function problemsOf(file: string, text: string): Promise<Problem[]> {
  if (file.endsWith(".ts")) return typeScriptProblems(file, text);
  // Each Go file alone, so that gofmt's refusal is about that file only; ruff formats one file at a time anyway.
  const format = file.endsWith(".go") ? (name: string, source: string) => formatGo(name, source, { alone: true }) : file.endsWith(".py") ? formatPython : undefined;
  if (format === undefined) return [];
  try {
    await format(file, text);
    return [];
  } catch (error) {
    if (!(error instanceof FormatterRefusal)) throw error;
    return [syntaxProblem(file, text, error.said)];
  }
}

async function typeScriptProblems(file: string, text: string): Promise<Problem[]> {
  try {
    await transform(text, { loader: "ts", sourcefile: file, logLevel: "silent" });
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    const location = first?.location ?? undefined;
    return [{ code: "UPCASTER_SYNTAX", file, position: location && { line: location.line, column: location.column + 1 }, message: `does not parse as TypeScript: ${first?.text ?? String(error)}` }];
  }
  return isolatedDeclarationSync(file, text, { sourcemap: false }).errors.map((error) => ({
    code: "UPCASTER_TYPES",
    file,
    position: error.labels[0] === undefined ? undefined : positionAt(text, error.labels[0].start),
    message: `${error.message} The package's declarations are written file by file, so annotate what is exported (upcast's parameter and return type, say).`,
  }));
}

/**
 * A formatter's refusal as a located problem: gofmt says `file:line:col: message`, ruff `... at byte range
 * start..end`.
 */
function syntaxProblem(file: string, text: string, said: string): Problem {
  const language = file.endsWith(".go") ? "Go" : "Python";
  const gofmt = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+): ([^\\n]*)`).exec(said);
  if (gofmt !== null) return { code: "UPCASTER_SYNTAX", file, position: { line: Number(gofmt[1]), column: Number(gofmt[2]) }, message: `does not parse as ${language}: ${gofmt[3]}` };
  const ruff = /^(?:Error: )?(.*?) at byte range (\d+)\.\.\d+/.exec(said);
  if (ruff !== null) return { code: "UPCASTER_SYNTAX", file, position: positionAt(text, Number(ruff[2])), message: `does not parse as ${language}: ${ruff[1]}` };
  return { code: "UPCASTER_SYNTAX", file, message: `does not parse as ${language}: ${said.trim().split("\n").slice(-3).join(" ")}` };
}

/** The position of a UTF-8 byte offset (Oxc and ruff count bytes). */
function positionAt(text: string, byteOffset: number): SourcePosition {
  return textPosition(text, Buffer.from(text, "utf8").subarray(0, byteOffset).toString("utf8").length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
