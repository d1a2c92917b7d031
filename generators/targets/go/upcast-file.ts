import { goComment, goString } from "../../code/go.js";
import { latestEvents, upcastSteps, type ContractsModel } from "../../ir/model.js";
import { ContractProblemsError, type Problem } from "../../problems.js";
import { upcasterPath } from "../typescript/decode-file.js";
import type { GeneratedFile } from "../target.js";
import type { GoNames } from "./naming.js";

const HELPERS = `// decodeObject reads a JSON object keeping numbers exact (json.Number), so that upcasting never rounds them.
func decodeObject(data []byte) (map[string]any, error) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var object map[string]any
	if err := decoder.Decode(&object); err != nil {
		return nil, err
	}
	return object, nil
}

// objectAt follows a path of property names through nested objects.
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

// defaultProperty fills in a property an older version lacks (an automatic upcast step).
func defaultProperty(event map[string]any, parent []string, property string, value json.RawMessage) {
	if object, ok := objectAt(event, parent); ok {
		if _, present := object[property]; !present {
			object[property] = value
		}
	}
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
          : `\tdefaultProperty(event, ${parent}, ${goString(operation.property)}, json.RawMessage(${goString(JSON.stringify(operation.value))}))`;
      });
      steps.push(`${goComment(`step${from} turns ${event.eventType} version ${step.from} into version ${event.version}, as the schema declares it.`)}func step${from}(data []byte) ([]byte, error) {
	event, err := decodeObject(data)
	if err != nil {
		return nil, err
	}
${operations.join("\n")}
	event["version"] = ${event.version}
	return json.Marshal(event)
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
    steps.push(`${goComment(`step${from} turns ${event.eventType} version ${step.from} into version ${event.version} with the upcaster written in upcasters/${file}.`)}func step${from}(data []byte) ([]byte, error) {
	var event ${from}
	if err := json.Unmarshal(data, &event); err != nil {
		return nil, err
	}
	next, err := upcast${from}(event)
	if err != nil {
		return nil, err
	}
	return json.Marshal(next)
}

// The upcaster must have exactly this signature.
var _ func(${from}) (${to}, error) = upcast${from}
`);
  }
  if (problems.length > 0) throw new ContractProblemsError(problems);
  const imports = automatic ? `import (\n\t"bytes"\n\t"encoding/json"\n\t"fmt"\n)` : `import (\n\t"encoding/json"\n\t"fmt"\n)`;
  return [
    {
      path: "upcast.go",
      content: `${header}
package ${packageName}

${imports}

// upcastSteps turn an event of one version into the next, keyed by event type and version.
var upcastSteps = map[eventVersion]func([]byte) ([]byte, error){
${table.join("\n")}
}

// Upcast brings an event of any version the contracts keep to the current version of its type, step by
// step, and checks the result against the current contract (unknown properties allowed).
func Upcast(data []byte) ([]byte, error) {
	upcast := false
	for {
		var head struct {
			EventType string \`json:"eventType"\`
			Version   int64  \`json:"version"\`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return nil, err
		}
		step, ok := upcastSteps[eventVersion{head.EventType, head.Version}]
		if !ok {
			break
		}
		next, err := step(data)
		if err != nil {
			return nil, fmt.Errorf("upcasting %s version %d: %w", head.EventType, head.Version, err)
		}
		data, upcast = next, true
	}
	if upcast {
		if err := ValidateTolerant(data); err != nil {
			return nil, fmt.Errorf("after upcasting: %w", err)
		}
	}
	return data, nil
}

${steps.join("\n")}
${automatic ? HELPERS : ""}`,
    },
    ...copied,
  ];
}
