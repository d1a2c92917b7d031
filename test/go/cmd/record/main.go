// Command record prints the Kafka record the Go bindings make for one event, as JSON, so that the
// TypeScript integration test can send it through a real broker to the TypeScript consumer.
package main

import (
	"encoding/json"
	"os"
	"time"

	events "contracts.activity-builder.dev/events"
)

func main() {
	event, err := events.NewTextJobRequested("go-user", events.TextJobPayload{
		ActivityType: events.TextActivityTypeStory,
		Prompt:       "A story written by a Go service",
		Language:     "en",
	}, events.WithJobID(os.Args[1]), events.WithTimestamp(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)))
	if err != nil {
		panic(err)
	}
	record, err := events.ToRecord(event, "go-service")
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
