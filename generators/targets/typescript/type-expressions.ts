import { Code, join, ts } from "../../code/typescript.js";
import type { TypeNode } from "../../ir/model.js";
import type { TypeScriptNames } from "./naming.js";

/** The TypeScript type for a model type: `readonly` arrays, literal types for consts, unions for enums. */
export function typeExpression(type: TypeNode, names: TypeScriptNames): Code {
  switch (type.kind) {
    case "string":
      return ts`string`;
    case "number":
      return ts`number`;
    case "boolean":
      return ts`boolean`;
    case "const":
      return ts`${type.value}`;
    case "enum":
      return join(type.values.map((value) => ts`${value}`), " | ");
    case "ref":
      return ts`${names.type(type.name)}`;
    case "array": {
      const items = typeExpression(type.items, names);
      return needsParentheses(type.items) ? ts`readonly (${items})[]` : ts`readonly ${items}[]`;
    }
    case "map":
      return ts`Readonly<Record<string, ${typeExpression(type.values, names)}>>`;
    case "nullable":
      return ts`${typeExpression(type.inner, names)} | null`;
    case "union":
      return join(type.variants.map((variant) => ts`${names.type(variant.type.name)}`), " | ");
    case "object":
      throw new Error("internal error: objects are always named types");
  }
}

/** Item types that bind looser than `[]`: unions, and arrays (`readonly (readonly number[])[]`). */
function needsParentheses(type: TypeNode): boolean {
  return type.kind === "array" || type.kind === "nullable" || type.kind === "union" || (type.kind === "enum" && type.values.length > 1);
}

