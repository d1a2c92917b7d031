package bindings

import (
	"encoding/json"
	"os"
	"testing"

	events "contracts.activity-builder.dev/events"
)

func textJobMessage(b *testing.B) []byte {
	data, err := os.ReadFile("../../schemas/text-job.json")
	if err != nil {
		b.Fatal(err)
	}
	var schema struct {
		Examples []json.RawMessage `json:"examples"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		b.Fatal(err)
	}
	var compact map[string]any
	_ = json.Unmarshal(schema.Examples[0], &compact)
	message, _ := json.Marshal(compact)
	return message
}

// BenchmarkJSONUnmarshal is the baseline: encoding/json decoding the same message into a map.
func BenchmarkJSONUnmarshal(b *testing.B) {
	message := textJobMessage(b)
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		var value map[string]any
		if err := json.Unmarshal(message, &value); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	message := textJobMessage(b)
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		if err := events.Validate(message); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	message := textJobMessage(b)
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		if _, err := events.Decode(message); err != nil {
			b.Fatal(err)
		}
	}
}
