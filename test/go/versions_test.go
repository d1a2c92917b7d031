package bindings

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	events "contracts.activity-builder.dev/events"
	versions "versions.example.com/events/v2"
)

func examples(t *testing.T, file string) []json.RawMessage {
	t.Helper()
	data, err := os.ReadFile("../fixtures/versions/schemas/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Examples []json.RawMessage `json:"examples"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	return schema.Examples
}

func TestDecodeUpcastsByTheStepsTheSchemaDeclares(t *testing.T) {
	event, err := versions.Decode(examples(t, "archive/note.v1.json")[0])
	if err != nil {
		t.Fatal(err)
	}
	note, ok := event.(versions.NoteCreated)
	if !ok {
		t.Fatalf("decoded as %T", event)
	}
	if note.Version != 2 || note.Payload.Title != "Groceries" || note.Payload.Priority != versions.NotePayloadPriorityNormal {
		t.Errorf("not upcast: %+v", note)
	}
}

func TestDecodeUpcastsWithTheUpcasterWrittenByHand(t *testing.T) {
	event, err := versions.Decode(examples(t, "archive/task.v1.json")[1])
	if err != nil {
		t.Fatal(err)
	}
	task := event.(versions.TaskAssigned)
	if task.Payload.Assignee != (versions.Person{ID: "alan", Name: "Alan Turing"}) {
		t.Errorf("assignee: %+v", task.Payload.Assignee)
	}
}

func TestEveryVersionValidatesAgainstItsOwnSchema(t *testing.T) {
	if err := versions.Validate(examples(t, "archive/note.v1.json")[0]); err != nil {
		t.Errorf("version 1: %v", err)
	}
	var v2 map[string]any
	_ = json.Unmarshal(examples(t, "note.json")[0], &v2)
	v2["version"] = 3
	data, _ := json.Marshal(v2)
	var invalid *versions.ValidationError
	if err := versions.Validate(data); !errors.As(err, &invalid) || invalid.Errors[0].Pointer != "/version" {
		t.Errorf("version 3: %v", err)
	}
}

// A producer on a newer module adds an optional field: the consumer's Decode keeps working, while
// Validate (what producers use) still refuses what the contract does not list.
func TestStrictProducersTolerantConsumers(t *testing.T) {
	event, err := events.NewTextJobRequested("u", events.TextJobPayload{ActivityType: events.TextActivityTypeQuiz, Prompt: "p", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var wire map[string]any
	data, _ := json.Marshal(event)
	_ = json.Unmarshal(data, &wire)
	wire["traceId"] = "from a newer producer"
	wire["payload"].(map[string]any)["addedLater"] = "teachers"
	newer, _ := json.Marshal(wire)
	if err := events.Validate(newer); err == nil {
		t.Error("Validate must refuse unknown properties")
	}
	if err := events.ValidateTolerant(newer); err != nil {
		t.Errorf("ValidateTolerant: %v", err)
	}
	decoded, err := events.Decode(newer)
	if err != nil || decoded.(events.TextJobRequested).JobID != event.JobID {
		t.Errorf("Decode: %v", err)
	}
}
