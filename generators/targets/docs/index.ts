import type { GeneratedFile, Target, TargetContext } from "../target.js";
import { asyncApiDocument } from "./asyncapi.js";
import { catalog } from "./catalog.js";

/** `out/docs`: the event catalog (Markdown with a Mermaid map) and an AsyncAPI 3.0 document. */
export const docsTarget: Target = {
  name: "docs",
  generate(context: TargetContext): readonly GeneratedFile[] {
    return [
      { path: "README.md", content: catalog(context.model, context.release.version) },
      // Formatted by the yaml library itself: prettier re-folds long double-quoted strings, and its folding
      // loses escaped line breaks (a description's \n would read back as a space).
      { path: "asyncapi.yaml", content: asyncApiDocument(context.model, context.config, context.release.version), formatted: true },
    ];
  },
};
