import { goComment, goString } from "../../code/go.js";
import { type ContractsModel, type NamedType, type Property, resolveType, type TypeNode } from "../../ir/model.js";
import { inlineEnumOf, type GoNames } from "./naming.js";

/** Imports a generated Go file needs, collected while it is written. */
export class GoImports {
  private readonly used = new Set<string>();

  add(path: string): void {
    this.used.add(path);
  }

  render(): string {
    if (this.used.size === 0) return "";
    return `import (\n${[...this.used].sort().map((path) => `\t${goString(path)}`).join("\n")}\n)\n`;
  }
}

/** How a property is held in a Go struct: its type and the json tag options that keep presence exact. */
export interface GoField {
  readonly name: string;
  readonly type: string;
  /** What a property holds when present: `*T` and `Nullable[T]` unwrap to `T`. */
  readonly presence: "required" | "pointer" | "zero" | "nullable";
  readonly tag: string;
}

/**
 * Whether a property's type admits null, and the type it holds otherwise. A reference to a named scalar is
 * looked through: Go inlines scalars, so `"$ref": "#/$defs/OptionalText"` of `["string", "null"]` is a
 * nullable string like one written in place.
 */
export function nullableParts(model: ContractsModel, names: GoNames, type: TypeNode): { readonly nullable: boolean; readonly inner: TypeNode } {
  if (type.kind === "nullable") return { nullable: true, inner: type.inner };
  if (type.kind === "ref" && names.type(type.name) === undefined) {
    const resolved = resolveType(model, type);
    if (resolved.kind === "nullable") return { nullable: true, inner: resolved.inner };
  }
  return { nullable: false, inner: type };
}

export function goField(model: ContractsModel, names: GoNames, structName: string, property: Property): GoField {
  const name = names.field(structName, property.name);
  const { nullable, inner } = nullableParts(model, names, property.type);
  const base = goTypeOf(model, names, inner, inlineEnumOf(property) === undefined ? undefined : names.inlineEnum(structName, property.name));
  const tag = (options: string): string => `json:${goString(property.name + options)}`;
  if (property.required) {
    return nullable ? { name, type: `*${base}`, presence: "required", tag: tag("") } : { name, type: base, presence: "required", tag: tag("") };
  }
  if (nullable) return { name, type: `Nullable[${base}]`, presence: "nullable", tag: tag(",omitzero") };
  const resolved = resolveType(model, inner);
  // A nil slice or map is absent and an empty one is present: omitzero keeps that distinction.
  if (resolved.kind === "array" || resolved.kind === "map") return { name, type: base, presence: "zero", tag: tag(",omitzero") };
  return { name, type: `*${base}`, presence: "pointer", tag: tag(",omitempty") };
}

/** The Go type of a model type; `enumName` names an inline enum's generated type. */
export function goTypeOf(model: ContractsModel, names: GoNames, type: TypeNode, enumName?: string): string {
  switch (type.kind) {
    case "ref": {
      const goName = names.type(type.name);
      if (goName !== undefined) return goName;
      return goTypeOf(model, names, resolveType(model, type));
    }
    case "string":
      return "string";
    case "number":
      return type.integer ? "int64" : "float64";
    case "boolean":
      return "bool";
    case "const":
      return typeof type.value === "string" ? "string" : typeof type.value === "boolean" ? "bool" : Number.isInteger(type.value) ? "int64" : "float64";
    case "enum":
      return enumName ?? "string";
    case "array":
      return `[]${goTypeOf(model, names, type.items, enumName)}`;
    case "map":
      return `map[string]${goTypeOf(model, names, type.values, enumName)}`;
    case "nullable":
      return `*${goTypeOf(model, names, type.inner, enumName)}`;
    case "object":
    case "union":
      throw new Error("internal error: objects and unions are always named types");
  }
}

/** `types.go`: a struct per object, a named string type with constants per enum, a wrapper per union. */
export function goTypesFile(model: ContractsModel, names: GoNames, packageName: string, header: string): string {
  const imports = new GoImports();
  const declarations: string[] = [];
  for (const named of model.types) {
    const goName = names.type(named.name);
    if (goName === undefined) continue;
    if (named.type.kind === "enum") declarations.push(enumDeclaration(names, goName, named.description, named.type.values));
    if (named.type.kind === "union") declarations.push(unionDeclaration(names, goName, named, imports));
    if (named.type.kind === "object") {
      declarations.push(structDeclaration(model, names, goName, named));
      for (const property of named.type.properties) {
        const values = inlineEnumOf(property);
        if (values !== undefined) declarations.push(enumDeclaration(names, names.inlineEnum(goName, property.name), `${goName}.${names.field(goName, property.name)}: ${property.description}`, values));
      }
      if (!names.taggable(goName)) declarations.push(selfMarshalling(model, names, goName, named, imports));
    }
  }
  return `${header}\npackage ${packageName}\n\n${imports.render()}\n${declarations.join("\n")}`;
}

function enumDeclaration(names: GoNames, goName: string, description: string, values: readonly string[]): string {
  const constants = values
    .map((value) => ({ value, constant: names.enumConstant(goName, value) }))
    .filter((entry): entry is { value: string; constant: string } => entry.constant !== undefined)
    .map(({ value, constant }) => `\t${constant} ${goName} = ${goString(value)}`);
  const listed = values.map((value) => goString(value)).join(", ");
  return `${goComment(`${goName}: ${description}\n\nOne of ${listed}.`)}type ${goName} string\n${constants.length > 0 ? `\nconst (\n${constants.join("\n")}\n)\n` : ""}`;
}

function structDeclaration(model: ContractsModel, names: GoNames, goName: string, named: NamedType): string {
  if (named.type.kind !== "object") return "";
  const taggable = names.taggable(goName);
  const fields = named.type.properties.map((property) => {
    const field = goField(model, names, goName, property);
    const tag = taggable ? field.tag : `json:"-"`;
    const wire = taggable ? "" : `\nOn the wire: ${goString(property.name)}.`;
    const deprecated = property.deprecated ? "\n\nDeprecated: the contract marks this property as deprecated." : "";
    return `${goComment(`${property.description}${wire}${deprecated}`, "\t")}\t${field.name} ${field.type} \`${tag}\``;
  });
  return `${goComment(`${goName}: ${named.description}`)}type ${goName} struct {\n${fields.join("\n\n")}\n}\n`;
}

function unionDeclaration(names: GoNames, goName: string, named: NamedType, imports: GoImports): string {
  if (named.type.kind !== "union") return "";
  const { discriminator, variants } = named.type;
  imports.add("encoding/json");
  imports.add("fmt");
  const variantNames = variants.map((variant) => names.type(variant.type.name) ?? variant.type.name);
  const markers = variantNames.map((variant) => `func (${variant}) is${goName}() {}\n`).join("\n");
  const cases = variants
    .map((variant, index) => `\tcase ${goString(variant.value)}:\n\t\tvar value ${variantNames[index] ?? ""}\n\t\tif err := json.Unmarshal(data, &value); err != nil {\n\t\t\treturn err\n\t\t}\n\t\tu.Value = value`)
    .join("\n");
  return `${goComment(`${goName}: ${named.description}\n\nValue holds one of ${variantNames.join(", ")}, chosen on the wire by ${goString(discriminator)}.`)}type ${goName} struct {
	Value ${goName}Variant
}

${goComment(`${goName}Variant is implemented by ${variantNames.join(", ")}.`)}type ${goName}Variant interface {
	is${goName}()
}

${markers}
// MarshalJSON writes the variant the union holds.
func (u ${goName}) MarshalJSON() ([]byte, error) {
	if u.Value == nil {
		return nil, fmt.Errorf("${goName} holds no variant")
	}
	return json.Marshal(u.Value)
}

// UnmarshalJSON reads the variant named by ${goString(discriminator).slice(1, -1)}.
func (u *${goName}) UnmarshalJSON(data []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	var tag string
	if err := json.Unmarshal(fields[${goString(discriminator)}], &tag); err != nil {
		return fmt.Errorf("${goName}: reading the discriminator: %w", err)
	}
	switch tag {
${cases}
	default:
		return fmt.Errorf("${goName}: unknown variant %q", tag)
	}
	return nil
}
`;
}

/**
 * MarshalJSON/UnmarshalJSON for a struct with a property name that a json struct tag cannot hold (quotes,
 * backslashes, commas...): the wire names are written as Go string literals instead.
 */
function selfMarshalling(model: ContractsModel, names: GoNames, goName: string, named: NamedType, imports: GoImports): string {
  if (named.type.kind !== "object") return "";
  imports.add("encoding/json");
  imports.add("bytes");
  imports.add("fmt");
  // gofmt re-indents the result, so the fragments below only need to be well nested.
  const writes: string[] = [];
  const reads: string[] = [];
  for (const property of named.type.properties) {
    const field = goField(model, names, goName, property);
    const key = goString(property.name);
    const write = `if err := write(${key}, v.${field.name}); err != nil {\nreturn nil, err\n}`;
    const condition = field.presence === "pointer" || field.presence === "zero" ? `v.${field.name} != nil` : field.presence === "nullable" ? `v.${field.name}.Set` : "";
    writes.push(condition === "" ? write : `if ${condition} {\n${write}\n}`);
    reads.push(`if raw, ok := fields[${key}]; ok {\nif err := json.Unmarshal(raw, &v.${field.name}); err != nil {\nreturn fmt.Errorf("%s: %w", ${key}, err)\n}\n}`);
  }
  return `// MarshalJSON writes ${goName} with its exact wire names.
func (v ${goName}) MarshalJSON() ([]byte, error) {
	var out bytes.Buffer
	out.WriteByte('{')
	write := func(key string, value any) error {
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		name, err := json.Marshal(key)
		if err != nil {
			return err
		}
		data, err := json.Marshal(value)
		if err != nil {
			return err
		}
		out.Write(name)
		out.WriteByte(':')
		out.Write(data)
		return nil
	}
${writes.join("\n")}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// UnmarshalJSON reads ${goName} by its exact wire names; unknown names are left to validation.
func (v *${goName}) UnmarshalJSON(data []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
${reads.join("\n")}
	return nil
}
`;
}
