// `npm run bench`: the generated validators against JSON.parse, ajv and zod on one ~450-byte event, in one run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import * as events from "../test/fixtures/activity/out/ts/dist/esm/index.js";
import { goFigures, pythonFigures } from "./bindings.js";
import { coldStarts, generateAtScale, generateWallMs, validateWallMs } from "./cold-start.js";
import { kafkaFigures } from "./kafka.js";
import { ACTIVITY, measure, median } from "./harness.js";
import { zodTextJobRequested } from "./zod-text-job.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(ROOT, ACTIVITY, "schemas", file), "utf8")) as Record<string, unknown>;

const textJob = schema("text-job.json");
const valid = (textJob["examples"] as Record<string, unknown>[])[0] ?? {};
const message = JSON.stringify(valid);
// An invalid event as producers most often get it wrong: one required payload field missing. (Built by
// leaving the field out, not with `delete`, which would turn the object into a slow dictionary.)
const { language: _omitted, ...payloadWithoutLanguage } = valid["payload"] as Record<string, unknown>;
const invalid = { ...valid, payload: payloadWithoutLanguage };

const ajv = new Ajv2020(); // ajv's defaults, as most services run it
addFormats(ajv);
ajv.addKeyword("x-kafka");
ajv.addSchema(schema("common.json"));
const ajvValidate = ajv.compile(textJob);

for (const [name, verdict, expected] of [
  ["generated", events.validateEvent(valid).ok, true],
  ["generated", events.validateEvent(invalid).ok, false],
  ["ajv", ajvValidate(valid), true],
  ["ajv", ajvValidate(invalid), false],
  ["zod", zodTextJobRequested.safeParse(valid).success, true],
  ["zod", zodTextJobRequested.safeParse(invalid).success, false],
] as const) {
  if (verdict !== expected) throw new Error(`${name} gives the wrong verdict; the benchmark would be meaningless`);
}

console.log(`event: TEXT_JOB_REQUESTED, ${Buffer.byteLength(message)} bytes; node ${process.version}\n`);
const results = measure([
  { name: "JSON.parse (baseline)", run: () => JSON.parse(message) },
  { name: "generated: valid event", run: () => events.validateEvent(valid) },
  { name: "generated: invalid event", run: () => events.validateEvent(invalid) },
  { name: "ajv 8 defaults: valid event", run: () => ajvValidate(valid) },
  { name: "ajv 8 defaults: invalid event", run: () => ajvValidate(invalid) },
  { name: "zod 4: valid event", run: () => zodTextJobRequested.safeParse(valid) },
  { name: "zod 4: invalid event", run: () => zodTextJobRequested.safeParse(invalid) },
]);
const baseline = results[0]?.nsPerOp ?? 1;
const targets: Record<string, number> = { "generated: valid event": 0.2, "generated: invalid event": 0.5 };
const verdicts: boolean[] = [];
console.log("validation                          ns/op   x JSON.parse   target");
for (const result of results) {
  const ratio = result.nsPerOp / baseline;
  const target = targets[result.name];
  if (target !== undefined) verdicts.push(ratio <= target);
  const mark = target === undefined ? "" : `<= ${target.toFixed(2)}  ${ratio <= target ? "met" : "MISSED"}`;
  console.log(`${result.name.padEnd(32)} ${result.nsPerOp.toFixed(0).padStart(8)}   ${ratio.toFixed(2).padStart(11)}   ${mark}`);
}

console.log("\ncold start (import + first validation, fresh process, median of 9)");
for (const start of coldStarts(ROOT, message)) {
  const isOurs = start.name === "generated validator";
  if (isOurs) verdicts.push(start.ms <= 15);
  console.log(`${start.name.padEnd(32)} ${start.ms.toFixed(1).padStart(8)} ms${isOurs ? `   target <= 15 ms  ${start.ms <= 15 ? "met" : "MISSED"}` : ""}`);
}

for (const binding of [goFigures(ROOT), pythonFigures(ROOT)]) {
  console.log(`\n${binding.language} bindings (same message)`);
  if (binding.skipped !== undefined) {
    console.log(`  skipped: ${binding.skipped}`);
    continue;
  }
  for (const figure of binding.figures) {
    const base = binding.figures.find((candidate) => candidate.name === figure.of)?.ns;
    const ratio = base === undefined ? undefined : figure.ns / base;
    let mark = "";
    if (ratio !== undefined && figure.target !== undefined) {
      verdicts.push(ratio <= figure.target);
      mark = `   target <= ${figure.target.toFixed(1)}x  ${ratio <= figure.target ? "met" : "MISSED"}`;
    }
    const relative = ratio === undefined ? "baseline" : `${ratio.toFixed(2)}x ${figure.of ?? ""}`;
    console.log(`${figure.name.padEnd(42)} ${figure.ns.toFixed(0).padStart(8)} ns   ${relative}${mark}`);
  }
}

const KAFKA_ROUNDS = 3;
console.log("\nKafka (local broker, KRaft)");
try {
  const figures = await kafkaFigures(20_000, 100, KAFKA_ROUNDS);
  const throughput = figures.rawMs / figures.publishMs;
  verdicts.push(throughput >= 0.95);
  console.log(`raw kafkajs send of pre-built messages    ${figures.rawMs.toFixed(0).padStart(6)} ms for ${figures.events} events in batches of ${figures.batch}`);
  console.log(`publish (validate, map, send)             ${figures.publishMs.toFixed(0).padStart(6)} ms   throughput ${throughput.toFixed(2)}x raw   target >= 0.95x  ${throughput >= 0.95 ? "met" : "MISSED"}`);
  console.log(`consumer decode + dispatch per message    ${figures.decodeNs.toFixed(0).padStart(6)} ns   ${(figures.decodeNs / figures.parseNs).toFixed(2)}x JSON.parse (${figures.parseNs.toFixed(0)} ns)`);
  console.log(`\nconsumer rate, ${figures.events} records, first to last, median of ${KAFKA_ROUNDS}: raw consume + JSON parse, then the event handler`);
  for (const consumer of figures.consumers) {
    if (consumer.rawMs === undefined || consumer.helperMs === undefined) {
      console.log(`  ${consumer.name.padEnd(34)} skipped: ${consumer.skipped ?? "no figure"}`);
      continue;
    }
    const rate = consumer.rawMs / consumer.helperMs;
    verdicts.push(rate >= consumer.target);
    const perSecond = (ms: number): string => `${((figures.events / ms) * 1000).toFixed(0).padStart(7)}/s`;
    const verdict = `target >= ${consumer.target.toFixed(2)}x  ${rate >= consumer.target ? "met" : "MISSED"}`;
    console.log(`  ${consumer.name.padEnd(34)} ${perSecond(consumer.rawMs)}   ${perSecond(consumer.helperMs)}   ${rate.toFixed(2)}x raw   ${verdict}`);
  }
} catch (error) {
  console.log(`  skipped: ${(error as Error).message.split("\n")[0]}`);
}

const validate = validateWallMs(ROOT);
verdicts.push(validate.generated <= 1000);
console.log(`\nvalidate 10,000 NDJSON events (wall, median of 3)   x node reading + parsing them (${validate.baseline.toFixed(0)} ms)`);
console.log(`  generated validators of out/  ${validate.generated.toFixed(0).padStart(6)} ms   ${(validate.generated / validate.baseline).toFixed(2)}x   target <= 1000 ms  ${validate.generated <= 1000 ? "met" : "MISSED"}`);
console.log(`  validators built from schemas ${validate.built.toFixed(0).padStart(6)} ms   ${(validate.built / validate.baseline).toFixed(2)}x`);

const generateMs = generateWallMs(ROOT);
verdicts.push(generateMs <= 2000);
console.log(`\nnpm run generate (shipped schemas, wall, median of 3): ${generateMs.toFixed(0)} ms   target <= 2000 ms  ${generateMs <= 2000 ? "met" : "MISSED"}`);
// Generation at scale: synthetic sets of event schemas; the 512 of the target three times (the median of each
// measure), the others once.
console.log("\ngenerate at scale (synthetic clones of text-job.json)   wall   peak memory (process tree)   target");
for (const count of [32, 128, 512]) {
  const runs = [];
  for (let run = 0; run < (count === 512 ? 3 : 1); run++) runs.push(await generateAtScale(ROOT, count));
  const figure = { ms: median(runs.map((run) => run.ms)), peakMiB: median(runs.map((run) => run.peakMiB)) };
  const target = count === 512 ? { ms: 15_000, mib: 1024 } : undefined;
  if (target !== undefined) verdicts.push(figure.ms <= target.ms && figure.peakMiB <= target.mib);
  const mark = target === undefined ? "" : `<= 15 s, <= 1 GiB  ${figure.ms <= target.ms && figure.peakMiB <= target.mib ? "met" : "MISSED"} (median of 3)`;
  console.log(`${String(count).padStart(4)} event schemas${" ".repeat(39)}${(figure.ms / 1000).toFixed(1).padStart(6)} s  ${figure.peakMiB.toFixed(0).padStart(6)} MiB   ${mark}`);
}
console.log(`\n${verdicts.filter(Boolean).length} of ${verdicts.length} targets met`);
