// Command orders-record prints the Kafka record the Go bindings of the orders fixture make for one event,
// as JSON, so that the TypeScript test can compare it with the records of the other two languages.
package main

import (
	"encoding/json"
	"os"
	"time"

	orders "orders.example.com/events"
)

func main() {
	event, err := orders.NewOrderShipped("ORD-000777", orders.OrderShippedData{
		Carrier:      orders.OrderShippedDataCarrierUps,
		TrackingCode: "1Z999AA10123456784",
	}, orders.WithEventID(os.Args[1]), orders.WithOccurredAt(time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)))
	if err != nil {
		panic(err)
	}
	record, err := orders.ToRecord(event, "warehouse")
	if err != nil {
		panic(err)
	}
	headers := map[string]string{}
	for _, header := range record.Headers {
		headers[header.Key] = string(header.Value)
	}
	out := map[string]any{"topic": record.Topic, "key": string(record.Key), "value": string(record.Value), "headers": headers}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
