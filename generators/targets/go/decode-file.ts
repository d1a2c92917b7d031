import { article } from "../../ir/names.js";
import { goString } from "../../code/go.js";
import { findType, latestEvents, resolveType, type ContractsModel, type NamedType, type TypeNode } from "../../ir/model.js";
import { goField, goTypeOf, nullableParts } from "./go-types.js";
import { inlineEnumOf, type GoNames } from "./naming.js";
import { goFunctionName } from "./validate-file.js";


/**
 * `decode.go`: Decode, and a builder per struct and union that turns the tree `readJSON` made, already
 * validated, into the Go types, with no second parse: what Validate judged is exactly what Decode returns.
 */
export function goDecodeFile(model: ContractsModel, names: GoNames, packageName: string, header: string): string {
  const builder = new GoBuilder(model, names);
  const builders = model.types.map((named, index) => builder.builderOf(named, index)).filter((code) => code !== "");
  const cases = latestEvents(model).map((event) => `\tcase ${names.eventTypeConstant(event)}:\n\t\treturn ${builder.buildCall(event.name, "value")}`);
  return `${header}
package ${packageName}

// Decode reads an event as a consumer should: it parses the JSON once, validates it against the version it
// declares allowing unknown properties (producers may be on a newer module), upcasts an older version to the
// current one (see Upcast), and builds its Go type from that same parse. Errors are *ValidationError.
func Decode(data []byte) (Event, error) {
	value, err := readCurrent(data)
	if err != nil {
		return nil, err
	}
	return buildEvent(value), nil
}

// readCurrent reads an event as Decode does, up to the value of its current version.
func readCurrent(data []byte) (any, error) {
	value, err := readEvent(data, true)
	if err != nil {
		return nil, err
	}
	return upcastValue(value)
}

// buildEvent builds the current version's Go type of a validated event.
func buildEvent(value any) Event {
	object, _ := value.(map[string]any)
	switch object["eventType"] {
${cases.join("\n")}
	}
	return nil
}

${builders.join("\n")}`;
}

class GoBuilder {
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(
    private readonly model: ContractsModel,
    private readonly names: GoNames,
  ) {
    this.indexOf = new Map(model.types.map((type, index) => [type.name, index]));
  }

  buildCall(name: string, value: string): string {
    return `${goFunctionName("build", name, this.indexOf.get(name) ?? 0)}(${value})`;
  }

  builderOf(named: NamedType, index: number): string {
    const goName = this.names.type(named.name);
    if (goName === undefined) return "";
    const name = goFunctionName("build", named.name, index);
    if (named.type.kind === "union") {
      const cases = named.type.variants.map((variant) => `\tcase ${goString(variant.value)}:\n\t\treturn ${goName}{Value: ${this.buildCall(variant.type.name, "value")}}`);
      return `// ${name} builds ${article(goName)} ${goName} from a validated value.
func ${name}(value any) ${goName} {
	object, _ := value.(map[string]any)
	switch object[${goString(named.type.discriminator)}] {
${cases.join("\n")}
	}
	return ${goName}{}
}
`;
    }
    if (named.type.kind !== "object") return "";
    const fields = named.type.properties.map((property) => {
      const field = goField(this.model, this.names, goName, property);
      const enumName = inlineEnumOf(property) === undefined ? undefined : this.names.inlineEnum(goName, property.name);
      const key = goString(property.name);
      const { nullable, inner } = nullableParts(this.model, this.names, property.type);
      const base = goTypeOf(this.model, this.names, inner, enumName);
      const convert = (value: string): string => this.decodeExpression(inner, value, enumName);
      // A plain decoder (decodeString, buildPerson) is passed as it is; anything else in a function literal.
      const plain = /^(\w+)\(item\)$/.exec(convert("item"));
      const closure = plain?.[1] ?? `func(item any) ${base} { return ${convert("item")} }`;
      switch (field.presence) {
        case "required":
          return nullable ? `\tout.${field.name} = decodePointer(object[${key}], ${closure})` : `\tout.${field.name} = ${convert(`object[${key}]`)}`;
        case "nullable":
          return `\tif value, ok := object[${key}]; ok {\n\t\tout.${field.name} = decodeNullable(value, ${closure})\n\t}`;
        case "zero":
          return `\tif value, ok := object[${key}]; ok {\n\t\tout.${field.name} = ${convert("value")}\n\t}`;
        case "pointer":
          return `\tif value, ok := object[${key}]; ok {\n\t\tout.${field.name} = decodePointer(value, ${closure})\n\t}`;
      }
    });
    if (fields.length === 0) return `// ${name} builds ${article(goName)} ${goName} from a validated value.\nfunc ${name}(any) ${goName} {\n\treturn ${goName}{}\n}\n`;
    return `// ${name} builds ${article(goName)} ${goName} from a validated value.
func ${name}(value any) ${goName} {
	object, _ := value.(map[string]any)
	var out ${goName}
${fields.join("\n")}
	return out
}
`;
  }

  /** A Go expression of type goTypeOf(type) reading `value`, which validation has already accepted. */
  private decodeExpression(type: TypeNode, value: string, enumName?: string): string {
    switch (type.kind) {
      case "ref": {
        const named = findType(this.model, type.name);
        const goName = this.names.type(type.name);
        if (named === undefined || goName === undefined) return this.decodeExpression(resolveType(this.model, type), value);
        if (named.type.kind === "enum") return `${goName}(decodeString(${value}))`;
        return this.buildCall(type.name, value);
      }
      case "string":
        return `decodeString(${value})`;
      case "number":
        return type.integer ? `decodeInt(${value})` : `decodeFloat(${value})`;
      case "boolean":
        return `decodeBool(${value})`;
      case "const": {
        const goType = goTypeOf(this.model, this.names, type);
        return goType === "string" ? `decodeString(${value})` : goType === "bool" ? `decodeBool(${value})` : goType === "int64" ? `decodeInt(${value})` : `decodeFloat(${value})`;
      }
      case "enum":
        return enumName === undefined ? `decodeString(${value})` : `${enumName}(decodeString(${value}))`;
      case "array": {
        const item = goTypeOf(this.model, this.names, type.items, enumName);
        return `decodeSlice(${value}, func(item any) ${item} { return ${this.decodeExpression(type.items, "item", enumName)} })`;
      }
      case "map": {
        const entry = goTypeOf(this.model, this.names, type.values, enumName);
        return `decodeMap(${value}, func(entry any) ${entry} { return ${this.decodeExpression(type.values, "entry", enumName)} })`;
      }
      case "nullable": {
        const inner = goTypeOf(this.model, this.names, type.inner, enumName);
        return `decodePointer(${value}, func(inner any) ${inner} { return ${this.decodeExpression(type.inner, "inner", enumName)} })`;
      }
      case "object":
      case "union":
        throw new Error("internal error: objects and unions are always named types");
    }
  }
}
