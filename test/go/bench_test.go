package bindings

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	events "contracts.activity-builder.dev/events"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func textJobMessage(b *testing.B) []byte {
	data, err := os.ReadFile("../fixtures/activity/schemas/text-job.json")
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

// BenchmarkJSONUnmarshalStruct is Decode's baseline: encoding/json decoding the same message into the
// generated struct, with no validation at all.
func BenchmarkJSONUnmarshalStruct(b *testing.B) {
	message := textJobMessage(b)
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		var value events.TextJobRequested
		if err := json.Unmarshal(message, &value); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSanthoshTekuri is the peer: santhosh-tekuri/jsonschema (the interpreter the Go package used to
// hand the schemas to) reading the same bytes and validating them, formats asserted.
func BenchmarkSanthoshTekuri(b *testing.B) {
	message := textJobMessage(b)
	compiler := jsonschema.NewCompiler()
	compiler.AssertFormat()
	for _, file := range []string{"common.json", "text-job.json"} {
		data, err := os.ReadFile("../fixtures/activity/schemas/" + file)
		if err != nil {
			b.Fatal(err)
		}
		document, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := compiler.AddResource(document.(map[string]any)["$id"].(string), document); err != nil {
			b.Fatal(err)
		}
	}
	schema, err := compiler.Compile("https://contracts.activity-builder.dev/events/text-job.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(message))
		if err != nil {
			b.Fatal(err)
		}
		if err := schema.Validate(instance); err != nil {
			b.Fatal(err)
		}
	}
}
