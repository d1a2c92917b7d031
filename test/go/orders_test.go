package bindings

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"

	orders "orders.example.com/events"
)

// The orders fixture's envelope comes from its config: the factory fills in eventId and occurredAt, the record
// is keyed by orderId and its CloudEvents headers come from eventId, occurredAt and orderId.
func TestOrdersEnvelope(t *testing.T) {
	data := orders.OrderPlacedData{Customer: "c-1", Lines: []orders.OrderLine{{Sku: "MUG-RED", Quantity: 1}}, Total: orders.Money{Amount: 1200, Currency: "EUR"}}
	event, err := orders.NewOrderPlaced("ORD-000001", data)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(event.EventID) {
		t.Errorf("eventId %q is not a random UUID", event.EventID)
	}
	if _, err := time.Parse(time.RFC3339, event.OccurredAt); err != nil {
		t.Errorf("occurredAt %q: %v", event.OccurredAt, err)
	}
	at := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	fixed, err := orders.NewOrderPlaced("ORD-000001", data, orders.WithEventID("5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b"), orders.WithOccurredAt(at))
	if err != nil {
		t.Fatal(err)
	}
	record, err := orders.ToRecord(fixed, "checkout")
	if err != nil {
		t.Fatal(err)
	}
	headers := map[string]string{}
	for _, header := range record.Headers {
		headers[header.Key] = string(header.Value)
	}
	want := map[string]string{"ce_id": "5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b", "ce_time": "2026-12-03T12:00:00.000Z", "ce_subject": "ORD-000001", "ce_type": "ORDER_PLACED", "ce_source": "checkout"}
	for name, value := range want {
		if headers[name] != value {
			t.Errorf("header %s = %q, want %q", name, headers[name], value)
		}
	}
	if record.Topic != "orders" || string(record.Key) != "ORD-000001" {
		t.Errorf("topic %q key %q", record.Topic, record.Key)
	}
	var wire map[string]any
	if err := json.Unmarshal(record.Value, &wire); err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"jobId", "userId", "timestamp", "payload"} {
		if _, ok := wire[absent]; ok {
			t.Errorf("the event carries %s, which the orders envelope does not have", absent)
		}
	}
}
