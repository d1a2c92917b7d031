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
import { goHandlersFile } from "./handlers-file.js";
import { goValidateFile } from "./validate-file.js";
import { goEnvelopeFile, goGenerated } from "./envelope-file.js";
import { goGeneratedBy } from "../../ir/project.js";
import { latestEvents } from "../../ir/model.js";
import { goInstallLines } from "../install.js";

const STATIC_FILES = ["nullable", "options", "formats", "json", "kafka", "consume"];

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
      topicConstant: names.topicConstant(event.kafka.topic),
      arguments: (factoryParts(model, names, event)?.parameters ?? []).map((parameter) => parameter.split(" ")[0]).join(", "),
    }));
    const generated = goGenerated(model.envelope);
    const fills = factoryFills(model.envelope, markdownCode);
    const overrides = generated.length === 0 ? "" : ` (${spokenList(generated.map((entry) => markdownCode(entry.option)))} override ${generated.length === 1 ? "it" : "them"})`;
    const module = goModulePath(config.go.module, context.release.version);
    const install = goInstallLines(config, module, context.release.version).join("\n");
    const data = { module, franzModule: goModulePath(`${config.go.module}/franz`, context.release.version), version: context.release.version, install, package: packageName, events, first: events[0] ?? {}, fills: `${fills}${overrides}` };
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
      { path: "handlers.go", content: goHandlersFile(model, names, packageName, HEADER) },
      { path: "envelope.go", content: goEnvelopeFile(model.envelope, packageName, HEADER) },
      ...STATIC_FILES.map((name) => ({ path: `${name}.go`, content: `${HEADER}\npackage ${packageName}\n\n${template(context, `go/${name}.go.tmpl`)}` })),
      ...franzModule(context, module, packageName, HEADER),
      ...model.schemas.map((schema) => ({ path: `schemas/${schema.file}`, content: schema.text, formatted: true })),
    ];
  },
};

/** The franz-go version the franz module requires: the newest that still asks for no Go newer than the events module's 1.24. */
export const FRANZ_GO_VERSION = "v1.20.7";

/**
 * `franz/`: the franz-go half of the Kafka helpers, a module of its own (`<module>/franz`, with the major
 * version suffix after it from v2 on), so that the events module keeps no third-party dependency and a service
 * that never imports the helpers never downloads a Kafka client.
 */
function franzModule(context: TargetContext, module: string, packageName: string, header: string): GeneratedFile[] {
  const franz = goModulePath(`${context.config.go.module}/franz`, context.release.version);
  const goMod = `module ${franz}

go 1.24.0

require (
\t${module} v${context.release.version}
\tgithub.com/twmb/franz-go ${FRANZ_GO_VERSION}
)
`;
  const source = `${header}
// Package franz runs the contracts' publisher and event handler on franz-go (github.com/twmb/franz-go): Send and
// NewPublisher publish validated events with a *kgo.Client, and Consume polls one and hands each record to the
// event handler. See the events package's README.md.
package franz

import (
\t"context"
\t"errors"
\t"fmt"

\t"github.com/twmb/franz-go/pkg/kerr"
\t"github.com/twmb/franz-go/pkg/kgo"

\t${module.split("/").at(-1) === "events" && packageName === "events" ? "" : "events "}${JSON.stringify(module)}
)

${template(context, "go/franz/franz.go.tmpl")}`;
  return [
    { path: "franz/go.mod", content: goMod },
    { path: "franz/franz.go", content: source },
  ];
}
