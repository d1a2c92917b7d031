import type { ContractsModel, EventContract } from "../../generators/ir/model.js";
import { EventGenerator, seededRandom } from "./event-generator.js";

/**
 * A corpus of event documents as bytes, for the differential test: values generated from the model and
 * mutated (event-generator.ts), then, for a share of them, mutated as text in the ways the three languages'
 * JSON readers have differed: number spellings, key case, duplicate keys, deep nesting, text that is not
 * JSON, unknown versions, swapped union variants. Independent of the generated code: nothing here reads it.
 */
export interface CorpusEntry {
  readonly bytes: Uint8Array;
  /** What was done to it, for messages. */
  readonly how: string;
}

const encoder = new TextEncoder();

/** Numbers spelled differently, some the same double, some past what a double or a safe integer holds. */
const NUMBER_SPELLINGS = [
  (n: string): string => `${n}.0`,
  (n: string): string => `${n}e0`,
  (n: string): string => `${n}0e-1`,
  (n: string): string => `${n}E+0`,
  (n: string): string => `${n}.000000000000000001`,
  (): string => "9007199254740991",
  (): string => "9007199254740992",
  (): string => "9007199254740993",
  (): string => "-9007199254740993",
  (): string => "1e400",
  (): string => "-1e400",
  (): string => "1e-400",
  (): string => `1${"0".repeat(400)}`,
  (): string => "9".repeat(5000),
  (): string => "-0",
  (): string => "4.0",
  (): string => "1e2",
  (): string => "0.1e1",
  (): string => "1.5",
  (): string => "19.99",
  (): string => "19.995",
  (): string => "0.07",
  (): string => "1e-7",
  (): string => "01",
  (): string => "1.",
  (): string => ".5",
  (): string => "+1",
  (): string => "NaN",
  (): string => "Infinity",
];

/** Ways to make or keep a document readable by some parsers and not others. */
const TEXT_DAMAGE = [
  (text: string, at: number): string => text.slice(0, at),
  (text: string): string => text.replace(/}$/, ",}"),
  (text: string): string => `\ufeff${text}`,
  (text: string): string => ` \t\n${text}\r\n `,
  (text: string): string => text.replace(/"([^"\\]*)"/, "'$1'"),
  (text: string): string => `${text} /* comment */`,
  (text: string): string => `${text}${text}`,
  (text: string): string => text.replace(/:"/, ':"\\ud800'),
  (text: string): string => text.replace(/:"/, ':"\\udc00\\ud800'),
  (text: string): string => text.replace(/:"/, ':"\\ud83d\\ude00'),
  (text: string): string => text.replace(/:"/, ':"\\uD83D'),
  (text: string): string => text.replace(/:"/, ':"\t'),
  (text: string): string => text.replace(/:"/, ':"\\x41'),
  (text: string): string => text.replace(/:"/, ':"\\u00e9\\/'),
  (text: string): string => text.replace(/{/, '{"\\ud800":1,'),
];

const INVALID_UTF8 = [[0xc3], [0xff], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xc0, 0xaf]];

export function buildCorpus(model: ContractsModel, contract: EventContract, count: number, seed: number): CorpusEntry[] {
  const random = seededRandom(seed);
  const generator = new EventGenerator(model, random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rootType = { kind: "ref", name: contract.name } as const;
  const out: CorpusEntry[] = [];
  for (let index = 0; index < count; index++) {
    const base = index < contract.examples.length ? contract.examples[index] : generator.valid(rootType);
    const value = random() < 0.45 ? generator.mutate(base, rootType) : base;
    let text = JSON.stringify(value) ?? "null";
    let how = "generated";
    const roll = random();
    if (roll < 0.09) {
      // A number literal respelled.
      const numbers = [...text.matchAll(/(?<=[:,[])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=[,}\]])/g)];
      const target = numbers.length > 0 ? pick(numbers) : undefined;
      if (target?.index !== undefined) {
        const spelled = pick(NUMBER_SPELLINGS)(target[0]);
        text = text.slice(0, target.index) + spelled + text.slice(target.index + target[0].length);
        how = `number ${target[0]} as ${spelled.slice(0, 30)}`;
      }
    } else if (roll < 0.15) {
      // A key in another case, or in snake_case.
      const keys = [...text.matchAll(/"([a-z][A-Za-z0-9]*)":/g)];
      const target = keys.length > 0 ? pick(keys) : undefined;
      if (target?.index !== undefined && target[1] !== undefined) {
        const key = target[1];
        const variant = pick([key.toUpperCase(), key.charAt(0).toUpperCase() + key.slice(1), key.toLowerCase(), key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)]);
        text = text.slice(0, target.index) + `"${variant}":` + text.slice(target.index + target[0].length);
        how = `key ${key} as ${variant}`;
      }
    } else if (roll < 0.22) {
      // A key repeated: the last one wins everywhere, for validation and decoding alike.
      const keys = [...text.matchAll(/"([A-Za-z][A-Za-z0-9]*)":("[^"\\]*"|-?\d+|true|false|null)/g)];
      const target = keys.length > 0 ? pick(keys) : undefined;
      if (target?.index !== undefined) {
        const other = pick(['"NOPE"', "1", "null", "[]", "{}", '"2026-11-27T09:30:00Z"', "true", '"TEXT_JOB_REQUESTED"']);
        const before = random() < 0.5;
        const insert = before ? `"${target[1]}":${other},` : `,"${target[1]}":${other}`;
        const at = before ? target.index : target.index + target[0].length;
        text = text.slice(0, at) + insert + text.slice(at);
        how = `duplicate ${target[1]} ${before ? "before" : "after"}`;
      }
    } else if (roll < 0.27) {
      // Deep nesting in an unknown property, around the limit or far past it.
      const depth = pick([60, 62, 63, 64, 65, 66, 200, 5000]);
      const inner = random() < 0.5 ? "[".repeat(depth) + "]".repeat(depth) : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      const where = random() < 0.5 ? /^{/ : /"payload":{/;
      text = text.replace(where, (found) => `${found}"deep":${inner},`);
      how = `nested ${depth} deep`;
    } else if (roll < 0.34) {
      const damage = pick(TEXT_DAMAGE);
      text = damage(text, Math.floor(random() * text.length));
      how = `text damage ${TEXT_DAMAGE.indexOf(damage)}`;
    } else if (roll < 0.37) {
      const bytes = encoder.encode(text);
      const at = text.indexOf(':"') + 2;
      const bad = pick(INVALID_UTF8);
      out.push({ bytes: new Uint8Array([...bytes.slice(0, at), ...bad, ...bytes.slice(at)]), how: `invalid UTF-8 ${bad.join(",")}` });
      continue;
    } else if (roll < 0.42) {
      const version = pick(["2", "0", '"1"', "1.5", "[1]", "true", "null", "1.0", "1e0", "10e-1", "-1", "3"]);
      text = text.replace(/"version":-?[\d.eE+-]+/, `"version":${version}`);
      how = `version ${version}`;
    } else if (roll < 0.46) {
      const swaps: [RegExp, string][] = [[/"kind":"text"/, '"kind":"image"'], [/"kind":"image"/, '"kind":"text"'], [/"kind":"[a-z]+",?/, ""], [/"kind":"[a-z]+"/, '"kind":"video"'], [/"kind":"[a-z]+"/, '"kind":1']];
      const [pattern, replacement] = pick(swaps);
      text = text.replace(pattern, replacement).replace(/,}/g, "}").replace(/{,/g, "{");
      how = `union ${replacement || "without kind"}`;
    }
    out.push({ bytes: encoder.encode(text), how });
  }
  return out;
}
