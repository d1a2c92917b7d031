/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../generators/targets/docs/catalog.js";
import { ROOT } from "./support/paths.js";
import { CHROMIUM_ARGS, ensureChromium } from "./support/browser.js";
import { canonicalSchemas, clone, modelOf, type Json } from "./support/schemas.js";

/**
 * The catalog's Mermaid map, rendered by Mermaid itself in a real browser (Debian's Chromium), for the shipped
 * contracts (4 events) and for 50 events (a topic each) and 20 services. The rendered SVG is measured: every
 * service and topic is drawn (past 12 topics, every service: the map is then of who talks to whom), no two
 * nodes overlap, every label fits inside its node, and no edge carries a label (the events are listed in
 * their topic). The screenshots are kept in
 * $TMPDIR/event-contracts-docs-map to look at.
 */
const SHOTS = path.join(os.tmpdir(), "event-contracts-docs-map");

function mapOf(readme: string): string {
  const match = /```mermaid\n([^]*?)\n```/.exec(readme);
  if (match?.[1] === undefined) throw new Error("no Mermaid map in the catalog");
  return match[1];
}

/** 50 events: the text job copied under other names, each on its own topic, among 20 services. */
function fiftyEvents(): Map<string, Record<string, Json>> {
  const schemas = canonicalSchemas();
  const textJob = schemas.get("text-job.json") as Record<string, any>;
  for (let index = 0; index < 46; index++) {
    const copy = clone(textJob) as Record<string, any>;
    const name = `event${index}`;
    copy.$id = String(textJob.$id).replace("text-job.json", `${name}.json`);
    copy.title = `Generated event ${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + Math.floor(index / 26))}`;
    const eventType = `GENERATED_${index}_HAPPENED`;
    copy.properties.eventType.const = eventType;
    copy.examples.forEach((example: any) => (example.eventType = eventType));
    copy["x-kafka"] = { topic: `stream-${index}`, key: "jobId", producers: [`producer-${index % 7}`], consumers: [`consumer-${index % 8}`, `consumer-${(index + 3) % 8}`] };
    const payloadName = `${copy.title.replace(/ /g, "")}Payload`;
    copy.$defs = { [payloadName]: copy.$defs.TextJobPayload, [`${copy.title.replace(/ /g, "")}Options`]: copy.$defs.TextJobOptions };
    copy.properties.payload.$ref = `#/$defs/${payloadName}`;
    copy.$defs[payloadName].properties.options.$ref = `#/$defs/${copy.title.replace(/ /g, "")}Options`;
    schemas.set(`${name}.json`, copy);
  }
  return schemas;
}

describe("the catalog's map, rendered by Mermaid in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => browser?.close());

  for (const [name, schemas] of [["4 events", () => canonicalSchemas()], ["50 events", fiftyEvents]] as const) {
    it(`draws every service and topic apart, labels inside their nodes, at ${name}`, async () => {
      const model = modelOf(schemas());
      const source = mapOf(catalog(model, "1.0.0"));
      const services = new Set(model.events.flatMap((event) => [...event.kafka.producers, ...event.kafka.consumers])).size;
      const topics = new Set(model.events.map((event) => event.kafka.topic)).size;
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      try {
        await page.setContent("<!doctype html><html><body><div id=map></div></body></html>");
        await page.addScriptTag({ path: path.join(ROOT, "node_modules/mermaid/dist/mermaid.min.js") });
        const rendered = await page.evaluate(async (text) => {
          const mermaid = (globalThis as any).mermaid;
          mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
          const { svg } = await mermaid.render("map-svg", text);
          document.getElementById("map")!.innerHTML = svg;
          const box = (element: Element) => {
            const rect = element.getBoundingClientRect();
            return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
          };
          const nodes = Array.from(document.querySelectorAll("#map g.node")).map((node) => ({ id: node.id, shape: box(node.querySelector("rect, path, polygon, circle, ellipse") ?? node), label: box(node.querySelector(".label, foreignObject, text") ?? node) }));
          const labelled = Array.from(document.querySelectorAll("#map g.edgeLabel")).map((label) => (label.textContent ?? "").trim()).filter((text) => text !== "");
          return { nodes, labelled };
        }, source);
        await page.locator("#map svg").screenshot({ path: path.join(SHOTS, `${name.replace(/ /g, "-")}.png`) });
        // Every service and topic (past 12 topics, services only: each event's section names its topic).
        expect(rendered.nodes).toHaveLength(services + (topics > 12 ? 0 : topics));
        const overlap = (a: (typeof rendered.nodes)[number]["shape"], b: typeof a): boolean => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        for (const [index, a] of rendered.nodes.entries()) {
          for (const b of rendered.nodes.slice(index + 1)) expect(overlap(a.shape, b.shape), `${a.id} overlaps ${b.id}`).toBe(false);
          const inside = a.label.left >= a.shape.left - 1 && a.label.right <= a.shape.right + 1 && a.label.top >= a.shape.top - 1 && a.label.bottom <= a.shape.bottom + 1;
          expect(inside, `the label of ${a.id} leaves its node`).toBe(true);
        }
        // No edge label to sit on a crossing (the legend is under the map, in Markdown).
        expect(rendered.labelled).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});

// The screenshots' folder, for whoever wants to look: written once the tests ran.
afterAll(() => writeFileSync(path.join(SHOTS, "README.txt"), "Screenshots of the catalog's Mermaid map at 4 and at 50 events, from test/docs-map.test.ts.\n"));
