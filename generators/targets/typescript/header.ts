import { lineComment, type Code } from "../../code/typescript.js";
import type { ContractsModel } from "../../ir/model.js";
import { generatedBy } from "../../ir/project.js";

/** The first line of every generated source file: where it comes from, and the command that remakes it. */
export function generatedHeader(model: ContractsModel): Code {
  return lineComment(generatedBy(model.project));
}
