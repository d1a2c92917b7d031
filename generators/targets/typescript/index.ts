import type { ContractsModel } from "../../ir/model.js";
import type { GeneratedFile, Target, TargetContext } from "../target.js";
import { declarations, javascript } from "./compile.js";
import { decodeFile } from "./decode-file.js";
import { factoriesFile } from "./factories-file.js";
import { generatedHeader } from "./header.js";
import { nameTypeScript } from "./naming.js";
import { packageFiles } from "./package-files.js";
import { topicsFile } from "./topics-file.js";
import { typesFile } from "./types-file.js";
import { validatorsFile } from "./validators-file.js";

const index = (model: ContractsModel): string => `${generatedHeader(model).text}
export { ContractValidationError, type ValidationError, type ValidationOptions, type ValidationResult } from "./runtime.js";
export * from "./types.js";
export * from "./topics.js";
export * from "./validators.js";
export * from "./factories.js";
export * from "./decode.js";
`;

/**
 * The npm package in `out/ts`: sources, compiled ESM + CommonJS with declarations, schemas, README. The
 * declarations are made with the sources, so that they are formatted with them, in one run of Biome.
 */
export const typescriptTarget: Target = {
  name: "ts",
  generate(context: TargetContext): readonly GeneratedFile[] {
    const { model } = context;
    const names = nameTypeScript(model);
    const decode = decodeFile(model, names, context.upcasters);
    const files = [
      { path: "src/decode.ts", content: decode.source },
      ...decode.upcasters,
      ...packageFiles(context, names),
      { path: "src/index.ts", content: index(model) },
      { path: "src/types.ts", content: typesFile(model, names) },
      { path: "src/validators.ts", content: validatorsFile(model, names) },
      { path: "src/topics.ts", content: topicsFile(model, names) },
      { path: "src/factories.ts", content: factoriesFile(model, names) },
    ];
    return [...files, ...declarations(files)];
  },
  afterFormat(files: readonly GeneratedFile[]): Promise<readonly GeneratedFile[]> {
    return javascript(files);
  },
};
