import { Code, docComment, join, literal, ts } from "../../code/typescript.js";
import { ContractProblemsError } from "../../problems.js";
import { latestEvents, upcastSteps, type ContractsModel, type EventContract } from "../../ir/model.js";
import { generatedHeader } from "./header.js";
import type { TypeScriptNames } from "./naming.js";

/** Where the hand-written upcaster of a manual step lives, in the contracts repository and in the package. */
export function upcasterPath(event: EventContract, language: "ts" | "go" | "py"): string {
  const folder = event.eventType.toLowerCase().replace(/_/g, "-");
  const from = event.upcast?.from ?? event.version - 1;
  return language === "ts" ? `${folder}/v${from}-to-v${event.version}.ts` : `${folder}/v${from}_to_v${event.version}.${language}`;
}

/**
 * `src/decode.ts`: what consumers call. `decodeEvent` validates tolerantly (unknown properties allowed), then
 * upcasts an event of any kept version, step by step, to the current version, and checks the result.
 */
export function decodeFile(model: ContractsModel, names: TypeScriptNames, upcasters: ReadonlyMap<string, string>): { source: string; upcasters: { path: string; content: string }[] } {
  const steps: Code[] = [];
  const imports: Code[] = [];
  const copied: { path: string; content: string }[] = [];
  const missing: { file: string; message: string }[] = [];
  for (const { event, previous, step } of upcastSteps(model)) {
    const from = names.type(previous.name);
    const to = names.type(event.name);
    if (step.kind === "automatic") {
      const operations = step.operations.map((operation) =>
        operation.op === "rename"
          ? ts`renameProperty(draft, ${literal(operation.parent)}, ${operation.from}, ${operation.to});`
          : ts`defaultProperty(draft, ${literal(operation.parent)}, ${operation.property}, ${literal(operation.value)});`,
      );
      steps.push(join([
        docComment([`${event.eventType} version ${step.from} to ${event.version}, as the schema declares it (x-renamed-from, defaults).`]),
        ts`function ${names.upcast(previous)}(event: ${from}): ${to} {
  const draft = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  ${join(operations)}
  draft["version"] = ${event.version};
  return draft as unknown as ${to};
}`,
      ]));
      continue;
    }
    const file = upcasterPath(event, "ts");
    const content = upcasters.get(file);
    if (content === undefined) {
      missing.push({ file: event.schemaFile, message: `${event.eventType} version ${step.from} to ${event.version} needs an upcaster (${step.reasons.join("; ")}): write upcasters/${file} exporting \`function upcast(event: ${from.text}): ${to.text}\`` });
      continue;
    }
    const local = `upcasters/${file}`;
    copied.push({ path: `src/${local}`, content });
    const alias = Code.trusted(`${names.upcast(previous).text}Written`);
    imports.push(ts`import { upcast as ${alias} } from ${`./${local.replace(/\.ts$/, ".js")}`};`);
    steps.push(join([
      docComment([`${event.eventType} version ${step.from} to ${event.version}, by the upcaster written in upcasters/${file}. The annotation makes the compiler refuse one with the wrong signature.`]),
      ts`const ${names.upcast(previous)}: (event: ${from}) => ${to} = ${alias};`,
    ]));
  }
  if (missing.length > 0) {
    throw new ContractProblemsError(missing.map(({ file, message }) => ({ code: "UPCASTER_MISSING", file, pointer: "/properties/version", message })));
  }
  const chains = latestEvents(model).map((latest) => {
    const versions = model.events.filter((candidate) => candidate.eventType === latest.eventType);
    if (versions.length === 1) return ts`case ${latest.eventType}:
      return event;`;
    const upcasts = versions.slice(0, -1).map((version) => ts`if (current.version === ${version.version}) current = ${names.upcast(version)}(current);`);
    return ts`case ${latest.eventType}: {
      let current: ${join(versions.map((version) => ts`${names.type(version.name)}`), " | ")} = event;
      ${join(upcasts)}
      return current;
    }`;
  });
  // Only the helpers the steps call are imported: an unused import fails noUnusedLocals.
  const helpers = ["defaultProperty", "renameProperty"].filter((helper) => steps.some((step) => step.text.includes(`${helper}(`)));
  const typeImports = [...new Set(["AnyVersionEvent", "ContractEvent", ...model.events.filter((event) => event.upcast !== undefined || !event.latest).map((event) => event.name)])].sort();
  const source = join([
    generatedHeader(model),
    ts`import { type ValidationResult, parseJson, syntaxErrors${Code.trusted(helpers.map((helper) => `, ${helper}`).join(""))} } from "./runtime.js";`,
    ts`import type { ${join(typeImports.map((name) => ts`${Code.trusted(name)}`), ", ")} } from "./types.js";`,
    ts`import { validateEvent } from "./validators.js";`,
    ...imports,
    ...steps,
    join([
      docComment(["Upcasts an event of any version the contracts keep to the current version of its type."]),
      ts`export function upcastEvent(event: AnyVersionEvent): ContractEvent {
  switch (event.eventType) {
    ${join(chains)}
  }
}`,
    ]),
    join([
      docComment(
        ["Reads an event as a consumer should: validates it against the version it declares, allowing unknown properties (producers may be on a newer package), upcasts it to the current version, and checks the result."],
        ["@example", "const result = decodeEvent(JSON.parse(message.value.toString()));", "if (result.ok) route(result.value); // always the current version"],
      ),
      ts`export function decodeEvent(value: unknown): ValidationResult<ContractEvent> {
  const received = validateEvent(value, { unknownProperties: "allow" });
  if (!received.ok) return received;
  const current = upcastEvent(received.value);
  if (current === received.value) return { ok: true, value: current };
  const checked = validateEvent(current, { unknownProperties: "allow" });
  if (!checked.ok) {
    return { ok: false, errors: checked.errors.map((error) => ({ ...error, message: "after upcasting: " + error.message })) };
  }
  return { ok: true, value: current };
}`,
    ]),
    join([
      docComment(
        ["Reads an event's JSON (text or UTF-8 bytes, such as a Kafka message value) as a consumer should, exactly as the Go and Python packages read it; see decodeEvent."],
        ["@example", "const result = decodeEventJson(message.value);", "if (result.ok) route(result.value);"],
      ),
      ts`export function decodeEventJson(data: string | Uint8Array): ValidationResult<ContractEvent> {
  const parsed = parseJson(data);
  return parsed === undefined ? { ok: false, errors: syntaxErrors() } : decodeEvent(parsed.value);
}`,
    ]),
    ts``,
  ], "\n\n");
  return { source: source.text, upcasters: copied };
}
