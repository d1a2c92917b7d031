import { goComment, goString } from "../../code/go.js";
import { goFunctionName } from "./validate-file.js";
import { latestEvents, upcastSteps, type ContractsModel } from "../../ir/model.js";
import { ContractProblemsError, type Problem } from "../../problems.js";
import { upcasterPath } from "../typescript/decode-file.js";
import type { GeneratedFile } from "../target.js";
import type { GoNames } from "./naming.js";

const HELPERS = `// objectAt follows a path of property names through nested objects.
func objectAt(object map[string]any, path []string) (map[string]any, bool) {
	for _, key := range path {
		next, ok := object[key].(map[string]any)
		if !ok {
			return nil, false
		}
		object = next
	}
	return object, true
}

// renameProperty moves a property to its new name (an automatic upcast step).
func renameProperty(event map[string]any, parent []string, from, to string) {
	if object, ok := objectAt(event, parent); ok {
		if value, present := object[from]; present {
			object[to] = value
			delete(object, from)
		}
	}
}

// defaultProperty fills in a property an older version lacks (an automatic upcast step); the value is
// JSON text from the schema, read as every event is.
func defaultProperty(event map[string]any, parent []string, property string, value string) {
	if object, ok := objectAt(event, parent); ok {
		if _, present := object[property]; !present {
			object[property], _ = readJSON([]byte(value))
		}
	}
}
`;

const TREE_OF = `
// treeOf turns what a written upcaster returns back into the tree every check reads.
func treeOf(event any) (map[string]any, error) {
	data, err := json.Marshal(event)
	if err != nil {
		return nil, err
	}
	value, problem := readJSON(data)
	if problem != nil {
		return nil, &ValidationError{Errors: []FieldError{*problem}}
	}
	object, _ := value.(map[string]any)
	return object, nil
}
`;

/**
 * `upcast.go`: every step from one version of an event to the next, and `Upcast`, which Decode uses to bring
 * an event of any kept version to the current one. Manual steps call the upcasters written in the contracts
 * repository (upcasters/<event>/v1_to_v2.go), copied into the module; a typed variable makes the compiler
 * refuse one with the wrong signature.
 */
export function goUpcastFile(model: ContractsModel, names: GoNames, packageName: string, header: string, upcasters: ReadonlyMap<string, string>): GeneratedFile[] {
  const steps: string[] = [];
  const table: string[] = [];
  const copied: GeneratedFile[] = [];
  const problems: Problem[] = [];
  let automatic = false;
  const buildCall = (name: string): string => goFunctionName("build", name, model.types.findIndex((type) => type.name === name));
  for (const { event, previous, step } of upcastSteps(model)) {
    const from = names.type(previous.name) ?? previous.name;
    const to = names.type(event.name) ?? event.name;
    const latest = latestEvents(model).find((candidate) => candidate.eventType === event.eventType);
    const constant = latest === undefined ? goString(event.eventType) : names.eventTypeConstant(latest);
    table.push(`\t{${constant}, ${step.from}}: step${from},`);
    if (step.kind === "automatic") {
      automatic = true;
      const operations = step.operations.map((operation) => {
        const parent = `[]string{${operation.parent.map(goString).join(", ")}}`;
        return operation.op === "rename"
          ? `\trenameProperty(event, ${parent}, ${goString(operation.from)}, ${goString(operation.to)})`
          : `\tdefaultProperty(event, ${parent}, ${goString(operation.property)}, ${goString(JSON.stringify(operation.value))})`;
      });
      steps.push(`${goComment(`step${from} turns ${event.eventType} version ${step.from} into version ${event.version}, as the schema declares it.`)}func step${from}(event map[string]any) (map[string]any, error) {
${operations.join("\n")}
	event["version"] = float64(${event.version})
	return event, nil
}
`);
      continue;
    }
    const file = upcasterPath(event, "go");
    const content = upcasters.get(file);
    if (content === undefined || !new RegExp(`^package ${packageName}$`, "m").test(content)) {
      problems.push({
        code: "UPCASTER_MISSING",
        file: event.schemaFile,
        pointer: "/properties/version",
        message: `${event.eventType} version ${step.from} to ${event.version} needs an upcaster (${step.reasons.join("; ")}): write upcasters/${file} in \`package ${packageName}\`, with \`func upcast${from}(event ${from}) (${to}, error)\``,
      });
      continue;
    }
    copied.push({ path: `upcast_${file.replace(/[/-]/g, "_")}`, content });
    steps.push(`${goComment(`step${from} turns ${event.eventType} version ${step.from} into version ${event.version} with the upcaster written in upcasters/${file}.`)}func step${from}(event map[string]any) (map[string]any, error) {
	next, err := upcast${from}(${buildCall(previous.name)}(event))
	if err != nil {
		return nil, err
	}
	return treeOf(next)
}

// The upcaster must have exactly this signature.
var _ func(${from}) (${to}, error) = upcast${from}
`);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);
  const imports = `import (\n\t"encoding/json"\n\t"fmt"\n)`;
  const manual = steps.some((step) => step.includes("treeOf("));
  return [
    {
      path: "upcast.go",
      content: `${header}
package ${packageName}

${imports}

// upcastSteps turn an event of one version into the next, keyed by event type and version.
var upcastSteps = map[eventVersion]func(map[string]any) (map[string]any, error){
${table.join("\n")}
}

// Upcast brings an event's JSON of any version the contracts keep to the JSON of the current version of
// its type, step by step, and checks the result against the current contract (unknown properties allowed).
func Upcast(data []byte) ([]byte, error) {
	value, err := readCurrent(data)
	if err != nil {
		return nil, err
	}
	return json.Marshal(value)
}

// upcastValue upcasts a validated event (the tree readJSON made) and validates the result.
func upcastValue(value any) (any, error) {
	event, ok := value.(map[string]any)
	if !ok {
		return value, nil
	}
	upcast := false
	for {
		eventType, _ := event["eventType"].(string)
		version, _ := event["version"].(float64)
		step, ok := upcastSteps[eventVersion{eventType, int64(version)}]
		if !ok {
			break
		}
		next, err := step(event)
		if err != nil {
			return nil, fmt.Errorf("upcasting %s version %d: %w", eventType, int64(version), err)
		}
		event, upcast = next, true
	}
	if upcast {
		if errs := validateValue(event, true); len(errs) > 0 {
			for i := range errs {
				errs[i].Message = "after upcasting: " + errs[i].Message
			}
			return nil, &ValidationError{EventType: eventTypeOf(event), Errors: errs}
		}
	}
	return event, nil
}

${steps.join("\n")}
${automatic ? HELPERS : ""}${manual ? TREE_OF : ""}`,
    },
    ...copied,
  ];
}
