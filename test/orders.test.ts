import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./support/paths.js";

/**
 * Another team's project, generated through every target from its own config (test/fixtures/orders): its
 * envelope is eventType, version, eventId, orderId, occurredAt and data; the record key is orderId, and the
 * CloudEvents time and subject are occurredAt and orderId. The three languages' packages must make the same
 * record of the same event, read from that envelope, with nothing of the Activity Builder's in it.
 */

interface PrintedRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

interface OrdersPackage {
  createOrderShipped(init: Record<string, unknown>): Record<string, unknown>;
  createOrderPlaced(init: Record<string, unknown>): Record<string, unknown>;
}

interface OrdersKafka {
  toRecord(event: unknown, source: string): { topic: string; message: { key: string; value: string; headers: Record<string, string> } };
}

const dist = path.join(FIXTURES, "orders/generated/ts/dist/esm");
const orders = (await import(pathToFileURL(path.join(dist, "index.js")).href)) as OrdersPackage;
const kafka = (await import(pathToFileURL(path.join(dist, "kafka.js")).href)) as OrdersKafka;

describe("a project with its own envelope (the orders fixture)", () => {
  it("fills in eventId and occurredAt in the TypeScript factory, and nothing of jobId or userId", () => {
    const event = orders.createOrderPlaced({ orderId: "ORD-000001", data: { customer: "c-1", lines: [{ sku: "MUG-RED", quantity: 1 }], total: { amount: 1200, currency: "EUR" } } });
    expect(event["eventId"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(String(event["occurredAt"])))).toBe(false);
    expect(Object.keys(event).sort()).toEqual(["data", "eventId", "eventType", "occurredAt", "orderId", "version"]);
  });

  it("makes the same record in TypeScript, Go and Python: key orderId, ce_time occurredAt, ce_subject orderId", () => {
    const eventId = randomUUID();
    const go = spawnSync("go", ["run", "./cmd/orders-record", eventId], { cwd: path.join(ROOT, "test/go"), encoding: "utf8" });
    expect(go.status, go.stderr).toBe(0);
    const python = spawnSync(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "test/python/orders_record.py"), eventId], { encoding: "utf8" });
    expect(python.status, python.stderr).toBe(0);
    const event = orders.createOrderShipped({ eventId, orderId: "ORD-000777", occurredAt: "2026-12-03T12:00:00.000Z", data: { carrier: "ups", trackingCode: "1Z999AA10123456784" } });
    const ts = kafka.toRecord(event, "warehouse");
    const mine: PrintedRecord = { topic: ts.topic, key: ts.message.key, value: ts.message.value, headers: ts.message.headers };
    expect(mine.headers).toEqual({
      ce_specversion: "1.0",
      ce_id: eventId,
      ce_type: "ORDER_SHIPPED",
      ce_source: "warehouse",
      ce_time: "2026-12-03T12:00:00.000Z",
      ce_subject: "ORD-000777",
      ce_dataschema: "https://shop.example.com/contracts/order-shipped.json",
      "content-type": "application/json",
    });
    expect([mine.topic, mine.key]).toEqual(["shipments", "ORD-000777"]);
    for (const printed of [go.stdout, python.stdout].map((text) => JSON.parse(text) as PrintedRecord)) {
      expect({ ...printed, value: JSON.parse(printed.value) as unknown }).toEqual({ ...mine, value: JSON.parse(mine.value) as unknown });
    }
  });
});
