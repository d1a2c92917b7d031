import { stringLanguage } from "../../generators/compat/string-languages.js";
import type { ContractsModel, TypeNode } from "../../generators/ir/model.js";

/** A small seeded PRNG (mulberry32), so every run of the differential test sees the same events. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARACTERS = ["a", "Z", "0", " ", "é", "ß", "中", "😀", "𝄞", "\u2028", '"', "\\"];

const WORDS = new Map<string, readonly string[]>();

/**
 * Up to 24 strings a string type with a pattern accepts, the shortest first, made from the words of its
 * language (the compat module's automaton of pattern and length), with a readable character of each set.
 */
function wordsOf(type: Extract<TypeNode, { kind: "string" }>): readonly string[] {
  const key = JSON.stringify(type);
  let words = WORDS.get(key);
  if (words === undefined) {
    const language = stringLanguage({ kind: "string", ...(type.pattern === undefined ? {} : { pattern: type.pattern }), ...(type.minLength === undefined ? {} : { minLength: type.minLength }), ...(type.maxLength === undefined ? {} : { maxLength: type.maxLength }) });
    const found: string[] = [];
    if (!("undecided" in language)) {
      for (const wordSet of language.dfa.wordSets()) {
        found.push(String.fromCodePoint(...wordSet.map((set, index) => set.ranges[(index * 7) % set.ranges.length]?.min ?? 0x61)));
        if (found.length >= 24) break;
      }
    }
    words = found;
    WORDS.set(key, words);
  }
  return words;
}

/** Strings that exercise the formats and patterns of the schemas: valid, invalid, and near the edge. */
const TRICKY_STRINGS = [
  "2024-02-29T12:00:00Z",
  "2023-02-29T12:00:00Z",
  "2024-02-30T00:00:00Z",
  "2024-04-31T00:00:00Z",
  "2024-13-01T00:00:00Z",
  "2024-00-10T00:00:00Z",
  "2026-11-27T23:59:60Z",
  "2026-11-27T22:59:60Z",
  "2026-11-27T23:59:60+01:00",
  "2026-11-27T22:59:60-01:00",
  "2026-11-27T24:00:00Z",
  "2026-11-27T09:30:00",
  "2026-11-27t09:30:00z",
  "2026-11-27 09:30:00Z",
  "2026-11-27T09:30:00.123456789123Z",
  "2026-11-27T09:30:59.9999999999999999Z",
  "2026-11-27T09:30:00+2400",
  "2026-11-27T09:30:00+23:59",
  "2026-11-27T09:30:00+0130",
  "2026-11-27T09:30:00+2359",
  "2026-11-27T00:59:60+0100",
  "2026-11-27T00:59:60+01:00",
  "2026-11-27T09:30:00+01",
  "2026-11-27T09:30:00+24:00",
  "2026-11-27T09:30:00+01:60",
  "2026-11-27",
  "0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21",
  "0B8F5E0C-3F4A-4D8E-9A55-2F1C6F0E8B21",
  "urn:uuid:0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21",
  "0b8f5e0c3f4a4d8e9a552f1c6f0e8b21",
  "0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b2",
  "0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b2g",
  "https://cdn.activity-builder.dev/images/1.png",
  "http://[::1]:8080/a?b=c#d",
  "mailto:someone@example.com",
  "not a uri",
  "//no-scheme.example/x",
  "user_42",
  "auth0|5f7c8ec7",
  "_leading",
  "en",
  "pt-BR",
  "zh-Hant-TW",
  "EN",
  "en-",
  "quiz",
  "coloring-page",
  "image/png",
  "text",
  "image",
  "queued",
  "failed",
  "",
];

const NON_STRINGS: readonly unknown[] = [null, true, false, 0, -1, 1.5, 1e21, [], {}, ["a"], { a: 1 }];

/** How deep generated values go before only required properties are made. */
const MAX_DEPTH = 8;

export class EventGenerator {
  constructor(
    private readonly model: ContractsModel,
    private readonly random: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private integerBetween(min: number, max: number): number {
    // Bias towards the bounds, where off-by-one mistakes live.
    const roll = this.random();
    if (roll < 0.2) return min;
    if (roll < 0.4) return max;
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /**
   * A value meant to satisfy the type; formats and patterns are drawn from pools, so some may not. Past
   * MAX_DEPTH levels only what is required is made, so recursive types end.
   */
  valid(type: TypeNode, depth = 0): unknown {
    const deep = depth >= MAX_DEPTH;
    switch (type.kind) {
      case "ref":
        return this.valid(this.named(type.name), depth);
      case "nullable":
        return deep || this.chance(0.2) ? null : this.valid(type.inner, depth + 1);
      case "const":
        return type.value;
      case "enum":
        return this.pick(type.values);
      case "boolean":
        return this.chance(0.5);
      case "number": {
        const min = type.minimum ?? (type.exclusiveMinimum !== undefined ? type.exclusiveMinimum + 1 : -1000);
        const max = type.maximum ?? (type.exclusiveMaximum !== undefined ? type.exclusiveMaximum - 1 : min + 100000);
        const value = this.integerBetween(Math.ceil(min), Math.floor(max));
        return type.integer || this.chance(0.5) ? value : Math.min(max, value + 0.5);
      }
      case "string":
        return this.string(type);
      case "array": {
        const length = deep ? (type.minItems ?? 0) : this.integerBetween(type.minItems ?? 0, Math.min(type.maxItems ?? 4, (type.minItems ?? 0) + 4));
        return Array.from({ length }, () => this.valid(type.items, depth + 1));
      }
      case "map": {
        const entries = deep ? 0 : this.integerBetween(0, 3);
        return Object.fromEntries(Array.from({ length: entries }, (_, index) => [`k${index}`, this.valid(type.values, depth + 1)]));
      }
      case "union":
        return this.valid(this.pick(type.variants).type, depth);
      case "object": {
        const result: Record<string, unknown> = {};
        for (const property of type.properties) {
          if (property.required || (!deep && this.chance(0.5))) result[property.name] = this.valid(property.type, depth + 1);
        }
        return result;
      }
    }
  }

  private named(name: string): TypeNode {
    const found = this.model.types.find((type) => type.name === name);
    if (found === undefined) throw new Error(`no type ${name}`);
    return found.type;
  }

  private string(type: Extract<TypeNode, { kind: "string" }>): string {
    if (type.format === "date-time") return this.chance(0.85) ? this.dateTime() : this.pick(TRICKY_STRINGS);
    if (type.format === "uuid") return this.chance(0.9) ? this.uuid() : this.pick(TRICKY_STRINGS);
    if (type.format === "uri") return this.chance(0.8) ? `https://cdn.example.com/${this.uuid()}.png` : this.pick(TRICKY_STRINGS);
    if (type.pattern !== undefined) {
      const pattern = new RegExp(type.pattern, "u");
      // Strings of the pattern's own language (refa's automaton, length bounds applied), beside the pool.
      const matching = [...TRICKY_STRINGS.filter((candidate) => pattern.test(candidate)), ...wordsOf(type)];
      return matching.length > 0 && this.chance(0.9) ? this.pick(matching) : this.pick(TRICKY_STRINGS);
    }
    const min = type.minLength ?? 0;
    const max = Math.min(type.maxLength ?? min + 12, min + 60);
    return this.text(this.integerBetween(min, max));
  }

  /** A string of exactly `length` code points, with astral characters (two UTF-16 units each) mixed in. */
  text(length: number): string {
    let result = "";
    for (let index = 0; index < length; index++) result += this.pick(CHARACTERS);
    return result;
  }

  private dateTime(): string {
    const pad = (value: number, width = 2): string => String(value).padStart(width, "0");
    const year = this.integerBetween(1970, 2100);
    const month = this.integerBetween(1, 12);
    const day = this.integerBetween(1, 28);
    const fraction = this.chance(0.5) ? `.${pad(this.integerBetween(0, 999), 3)}` : "";
    const offset = this.chance(0.6) ? "Z" : `${this.chance(0.5) ? "+" : "-"}${pad(this.integerBetween(0, 14))}:${pad(this.pick([0, 30, 45]))}`;
    return `${year}-${pad(month)}-${pad(day)}T${pad(this.integerBetween(0, 23))}:${pad(this.integerBetween(0, 59))}:${pad(this.integerBetween(0, 59))}${fraction}${offset}`;
  }

  private uuid(): string {
    const hex = (count: number): string => Array.from({ length: count }, () => this.pick([..."0123456789abcdef"])).join("");
    return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  }

  /** Changes one randomly chosen place of a (deep-copied) value in a way that often breaks the contract. */
  mutate(value: unknown, type: TypeNode): unknown {
    const places = this.places(value, type, []);
    const [path, placeType] = this.pick(places);
    const copy = structuredClone(value);
    const replacement = this.breaking(placeType);
    if (path.length === 0) return replacement.value;
    let parent = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    if (replacement.remove) delete parent[last];
    else parent[last] = replacement.value;
    if (this.chance(0.05)) (copy as Record<string, unknown>)["unexpected"] = 1;
    return copy;
  }

  private places(value: unknown, type: TypeNode, path: string[]): [string[], TypeNode][] {
    const resolved = type.kind === "ref" ? this.named(type.name) : type;
    const here: [string[], TypeNode][] = [[path, resolved]];
    if (resolved.kind === "union" && typeof value === "object" && value !== null) {
      const tag = (value as Record<string, unknown>)[resolved.discriminator];
      const variant = resolved.variants.find((candidate) => candidate.value === tag);
      return variant === undefined ? here : [...here, ...this.places(value, variant.type, path).slice(1)];
    }
    if (resolved.kind === "object" && typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      for (const property of resolved.properties) {
        if (property.name in record) here.push(...this.places(record[property.name], property.type, [...path, property.name]));
        else here.push([[...path, property.name], property.type]);
      }
    }
    if (resolved.kind === "array" && Array.isArray(value)) {
      value.forEach((item, index) => here.push(...this.places(item, resolved.items, [...path, String(index)])));
    }
    if (resolved.kind === "nullable") return [[path, resolved.inner]];
    return here;
  }

  private breaking(type: TypeNode): { value?: unknown; remove?: boolean } {
    const roll = this.random();
    if (roll < 0.12) return { remove: true };
    if (roll < 0.3) return { value: this.pick(NON_STRINGS) };
    if (roll < 0.55) return { value: this.pick(TRICKY_STRINGS) };
    const resolved = type.kind === "ref" ? this.named(type.name) : type;
    if (resolved.kind === "string") {
      const max = resolved.maxLength;
      const min = resolved.minLength ?? 0;
      if (max !== undefined && this.chance(0.5)) return { value: this.text(max + this.pick([0, 1])) };
      return { value: this.text(Math.max(0, min - this.pick([0, 1]))) };
    }
    if (resolved.kind === "number") {
      const edges = [resolved.minimum, resolved.maximum, resolved.exclusiveMinimum, resolved.exclusiveMaximum].filter((edge): edge is number => edge !== undefined);
      const edge = edges.length > 0 ? this.pick(edges) : 0;
      return { value: edge + this.pick([-1, 0, 1, 0.5]) };
    }
    if (resolved.kind === "array") {
      const items = Array.from({ length: (resolved.maxItems ?? 3) + this.pick([0, 1]) }, () => this.valid(resolved.items));
      return { value: this.chance(0.3) ? [] : items };
    }
    if (resolved.kind === "const") return { value: typeof resolved.value === "number" ? resolved.value + 1 : `${String(resolved.value)}_X` };
    return { value: this.valid(type) };
  }
}
