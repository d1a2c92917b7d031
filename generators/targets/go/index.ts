import Handlebars from "handlebars";
import { markdownCode, markdownText } from "../../code/markdown.js";
import { template, type GeneratedFile, type Target, type TargetContext } from "../target.js";
import { factoryParts, goEventsFile } from "./events-file.js";
import { factoryFills, spokenList } from "../../ir/envelope.js";
import { goTypesFile } from "./go-types.js";
import { goModulePath } from "../../compat/release.js";
import { nameGo } from "./naming.js";
import { goUpcastFile } from "./upcast-file.js";
import { goDecodeFile } from "./decode-file.js";
import { goValidateFile } from "./validate-file.js";
import { goEnvelopeFile, goGenerated } from "./envelope-file.js";
import { goGeneratedBy } from "../../ir/project.js";
import { latestEvents } from "../../ir/model.js";
import { goInstallLines } from "../install.js";

const STATIC_FILES = ["nullable", "options", "formats", "json", "kafka"];

/**
 * The Go module in `out/go`: types, factories, and Validate and Decode printed from the validation plan over
 * one parse of the bytes; no third-party module is needed at run time.
 */
export const goTarget: Target = {
  name: "go",
  generate(context: TargetContext): readonly GeneratedFile[] {
    const { model, config } = context;
    const HEADER = goGeneratedBy(model.project);
    const names = nameGo(model);
    const packageName = config.go.package;
    const handlebars = Handlebars.create();
    handlebars.registerHelper("md", (value: unknown) => markdownText(String(value)));
    handlebars.registerHelper("code", (value: unknown) => markdownCode(String(value)));
    const render = (name: string, data: object): string => handlebars.compile(template(context, name), { noEscape: true, strict: true })(data);
    const events = latestEvents(model).map((event) => ({
      eventType: event.eventType,
      goType: names.type(event.name) ?? event.name,
      topic: event.kafka.topic,
      factory: names.factory(event),
      arguments: (factoryParts(model, names, event)?.parameters ?? []).map((parameter) => parameter.split(" ")[0]).join(", "),
    }));
    const generated = goGenerated(model.envelope);
    const fills = factoryFills(model.envelope, markdownCode);
    const overrides = generated.length === 0 ? "" : ` (${spokenList(generated.map((entry) => markdownCode(entry.option)))} override ${generated.length === 1 ? "it" : "them"})`;
    const module = goModulePath(config.go.module, context.release.version);
    const install = goInstallLines(config, module, context.release.version).join("\n");
    const data = { module, version: context.release.version, install, package: packageName, events, first: events[0] ?? {}, fills: `${fills}${overrides}` };
    return [
      { path: "go.mod", content: render("go/go.mod.hbs", data) },
      { path: "README.md", content: render("go/README.md.hbs", data) },
      {
        path: "doc.go",
        content: `${HEADER}\n// Package ${packageName} holds the Go bindings of the event contracts: a type per event and payload, a\n// factory per event, Decode and Validate. See README.md.\npackage ${packageName}\n`,
      },
      { path: "types.go", content: goTypesFile(model, names, packageName, HEADER) },
      { path: "events.go", content: goEventsFile(model, names, packageName, HEADER) },
      ...goUpcastFile(model, names, packageName, HEADER, context.upcasters),
      { path: "validate.go", content: goValidateFile(model, names, packageName, HEADER, template(context, "go/validate.go.tmpl")) },
      { path: "decode.go", content: goDecodeFile(model, names, packageName, HEADER) },
      { path: "envelope.go", content: goEnvelopeFile(model.envelope, packageName, HEADER) },
      ...STATIC_FILES.map((name) => ({ path: `${name}.go`, content: `${HEADER}\npackage ${packageName}\n\n${template(context, `go/${name}.go.tmpl`)}` })),
      ...model.schemas.map((schema) => ({ path: `schemas/${schema.file}`, content: schema.text, formatted: true })),
    ];
  },
};
