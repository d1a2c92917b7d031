import Handlebars from "handlebars";
import { latestEvents } from "../../ir/model.js";
import { factoryFills, generatedProperties } from "../../ir/envelope.js";
import { isIdentifier } from "../../code/typescript.js";
import { template, type GeneratedFile, type TargetContext } from "../target.js";
import type { TypeScriptNames } from "./naming.js";
import { npmInstallLines } from "../install.js";
import { markdownCode, markdownText } from "../../code/markdown.js";

/**
 * The static skeleton of the package: package.json and README from Handlebars templates. Handlebars runs with
 * `noEscape` and `strict`; every value goes through a helper that escapes it for its context (`json` for
 * JSON, `md` and `code` for Markdown), so template output is never spliced code.
 */
export function packageFiles(context: TargetContext, names: TypeScriptNames): GeneratedFile[] {
  const { model, config } = context;
  const handlebars = Handlebars.create();
  handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));
  handlebars.registerHelper("md", (value: unknown) => markdownText(Array.isArray(value) ? value.join(", ") : String(value)));
  handlebars.registerHelper("code", (value: unknown) => markdownCode(String(value)));
  const render = (name: string, data: object): string =>
    handlebars.compile(template(context, name), { noEscape: true, strict: true })(data);

  const events = latestEvents(model);
  const first = events[0];
  const firstExample = (first?.examples[0] ?? {}) as Record<string, unknown>;
  const { envelope } = model;
  // The README's call: the first example, without what the factory fills in.
  const init = Object.entries(firstExample)
    .filter(([name]) => name !== "eventType" && name !== "version" && !(name in envelope.generated))
    .map(([name, value]) => `  ${isIdentifier(name) ? name : JSON.stringify(name)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")},`)
    .join("\n");
  const generated = generatedProperties(envelope);
  const data = {
    packageName: config.typescript.packageName,
    version: context.release.version,
    install: npmInstallLines(config, context.release.version).join("\n"),
    description: config.typescript.description,
    fills: `${factoryFills(envelope, markdownCode)}${generated.length === 0 ? "" : ` (when you do not pass ${generated.length === 1 ? "it" : "them"})`}`,
    schemas: model.schemas.map((schema) => ({ subpath: `./${schema.file}`, target: `./schemas/${schema.file}` })),
    events: events.map((event) => ({
      eventType: event.eventType,
      version: event.version,
      topic: event.kafka.topic,
      producers: event.kafka.producers,
      consumers: event.kafka.consumers,
      schema: event.schemaFile,
      name: names.type(event.name).text,
    })),
    first: {
      create: first === undefined ? "" : names.create(first).text,
      // UPPER_SNAKE_CASE, so an identifier as it is (the contract rules refuse any other).
      eventType: first?.eventType ?? "",
      init: codeBlockSafe(init),
      schema: first?.schemaFile ?? "",
    },
  };
  return [
    { path: "package.json", content: render("typescript/package.json.hbs", data) },
    { path: "README.md", content: render("typescript/README.md.hbs", data) },
    ...model.schemas.map((schema) => ({ path: `schemas/${schema.file}`, content: schema.text, formatted: true })),
    // Static sources, kept in prettier's form in templates/ (a test checks it), so they are not formatted again.
    { path: "src/runtime.ts", content: template(context, "typescript/runtime.ts"), formatted: true },
    { path: "src/kafka.ts", content: template(context, "typescript/kafka.ts"), formatted: true },
    { path: "src/platformatic.ts", content: template(context, "typescript/platformatic.ts"), formatted: true },
  ];
}

/** Text placed inside a fenced code block must not contain the fence itself. */
function codeBlockSafe(text: string): string {
  return text.replace(/```/g, "`\u200b``");
}
