import Handlebars from "handlebars";
import { findType, latestEvents, type ContractsModel } from "../../ir/model.js";
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
  const firstExample = first?.examples[0] as { payload?: unknown } | undefined;
  const data = {
    packageName: config.typescript.packageName,
    version: context.release.version,
    install: npmInstallLines(config, context.release.version).join("\n"),
    description: config.typescript.description,
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
      payloadType: first === undefined ? "" : payloadTypeName(model, first.name).replace(/\*\//g, "*\\/"),
      payload: codeBlockSafe(JSON.stringify(firstExample?.payload ?? {}, null, 2)),
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
  ];
}

function payloadTypeName(model: ContractsModel, eventName: string): string {
  const event = findType(model, eventName)?.type;
  const payload = event?.kind === "object" ? event.properties.find((property) => property.name === "payload")?.type : undefined;
  return payload?.kind === "ref" ? payload.name : "payload";
}

/** Text placed inside a fenced code block must not contain the fence itself. */
function codeBlockSafe(text: string): string {
  return text.replace(/```/g, "`\u200b``");
}
