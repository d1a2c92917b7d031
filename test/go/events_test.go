package bindings

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	events "contracts.activity-builder.dev/events"
	hostile "hostile.example.com/events"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestFactoryFillsTheEnvelopeAndValidates(t *testing.T) {
	grade := int64(4)
	event, err := events.NewTextJobRequested("user_42", events.TextJobPayload{
		ActivityType: events.TextActivityTypeQuiz,
		Prompt:       "Volcanoes",
		Language:     "en",
		GradeLevel:   &grade,
	})
	if err != nil {
		t.Fatal(err)
	}
	if event.EventType != events.EventTypeTextJobRequested || event.Version != 1 || event.UserID != "user_42" {
		t.Errorf("envelope not filled: %+v", event)
	}
	if !uuidV4.MatchString(event.EventID) || !uuidV4.MatchString(event.JobID) || event.EventID == event.JobID {
		t.Errorf("ids: %q %q", event.EventID, event.JobID)
	}
	if _, err := time.Parse(time.RFC3339Nano, event.Timestamp); err != nil {
		t.Errorf("timestamp %q: %v", event.Timestamp, err)
	}
	if event.Topic() != events.TopicTextJobs || event.Key() != event.JobID {
		t.Errorf("routing: %s %s", event.Topic(), event.Key())
	}
}

func TestFactoryKeepsGivenIDs(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.FixedZone("x", 3600))
	event, err := events.NewImageJobRequested("u", events.ImageJobPayload{
		ActivityType: events.ImageActivityTypePoster,
		Prompt:       "Planets",
		Size:         events.ImageSize{Width: 512, Height: 512},
		Seed:         events.Null[int64](),
	}, events.WithJobID("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"), events.WithEventID("0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21"), events.WithTimestamp(at))
	if err != nil {
		t.Fatal(err)
	}
	if event.JobID != "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b" || event.EventID != "0b8f5e0c-3f4a-4d8e-9a55-2f1c6f0e8b21" || event.Timestamp != "2026-01-02T02:04:05.006Z" {
		t.Errorf("given values not kept: %+v", event)
	}
	data, _ := json.Marshal(event)
	if !strings.Contains(string(data), `"seed":null`) || strings.Contains(string(data), `"count"`) {
		t.Errorf("null and absent must stay apart: %s", data)
	}
}

func TestFactoryRefusesAnInvalidEventListingEveryProblem(t *testing.T) {
	_, err := events.NewTextJobRequested("", events.TextJobPayload{ActivityType: "crossword", Language: "en"})
	var invalid *events.ValidationError
	if !errors.As(err, &invalid) {
		t.Fatalf("expected a *ValidationError, got %v", err)
	}
	pointers := map[string]bool{}
	for _, problem := range invalid.Errors {
		pointers[problem.Pointer] = true
	}
	for _, want := range []string{"/userId", "/payload/activityType", "/payload/prompt"} {
		if !pointers[want] {
			t.Errorf("no error at %s in %v", want, invalid.Errors)
		}
	}
}

func TestDecodeDispatchesOnEventType(t *testing.T) {
	data := []byte(`{"eventType":"JOB_STATUS_CHANGED","version":1,"eventId":"a1b2c3d4-e5f6-4789-8abc-def012345678","jobId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","userId":"user_42","timestamp":"2026-11-27T09:31:40.500Z","payload":{"status":"failed","jobKind":"image","attempt":1,"error":{"code":"TIMEOUT","message":"slow","retryable":true}}}`)
	event, err := events.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	status, ok := event.(events.JobStatusChanged)
	if !ok {
		t.Fatalf("decoded as %T", event)
	}
	failed, ok := status.Payload.Value.(events.JobFailed)
	if !ok || failed.Error.Code != events.JobErrorCodeTIMEOUT || failed.NextRetryAt.Set {
		t.Errorf("payload: %+v", status.Payload.Value)
	}
	if _, err := events.Decode([]byte(`{"eventType":"NOPE"}`)); err == nil {
		t.Error("an unknown event type must not decode")
	}
	if _, err := events.Decode([]byte(`not json`)); err == nil {
		t.Error("garbage must not decode")
	}
}

func TestTopicsAndEventTypes(t *testing.T) {
	if events.TopicOf(events.EventTypeActivityGenerated) != "activity-results" || events.TopicOf("NOPE") != "" {
		t.Error("TopicOf")
	}
	if len(events.EventTypes) != 4 {
		t.Errorf("EventTypes: %v", events.EventTypes)
	}
}

// An integer written 1e2 or 4.0 is the integer it means: it validates and decodes into its int64 field.
func TestIntegersInAnySpellingDecodeIntoInt64(t *testing.T) {
	event, err := events.NewTextJobRequested("user_42", events.TextJobPayload{ActivityType: events.TextActivityTypeQuiz, Prompt: "Volcanoes", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(event)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), `"version":1`, `"version":1.0`, 1)
	text = strings.Replace(text, `"language":"en"`, `"language":"en","gradeLevel":4e0`, 1)
	decoded, err := events.Decode([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := decoded.(events.TextJobRequested)
	if got.Version != 1 || got.Payload.GradeLevel == nil || *got.Payload.GradeLevel != 4 {
		t.Errorf("decoded %+v", got)
	}
}

// A NaN in an event built in code is refused like a number no double holds, not with encoding/json's error.
func TestValidateEventRefusesNaNAsTheOtherPackagesDo(t *testing.T) {
	var event hostile.HostileEventX
	if err := json.Unmarshal(hostileExample(t), &event); err != nil {
		t.Fatal(err)
	}
	if err := hostile.ValidateEvent(event); err != nil {
		t.Fatalf("the example itself: %v", err)
	}
	nan := math.NaN()
	event.Payload.Amount = &nan
	var invalid *hostile.ValidationError
	if err := hostile.ValidateEvent(event); !errors.As(err, &invalid) || len(invalid.Errors) != 1 || invalid.Errors[0].Keyword != "json" {
		t.Fatalf("want one json error, got %v", err)
	}
}

// hostileExample is the hostile fixture's first example, as JSON.
func hostileExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../fixtures/hostile/schemas/hostile.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Examples []json.RawMessage `json:"examples"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	return schema.Examples[0]
}

// Required properties named like a Go keyword and a helper each get a parameter of their own, in order.
func TestFactoryParametersNamedLikeKeywordsAndHelpers(t *testing.T) {
	var example struct {
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(hostileExample(t), &example); err != nil {
		t.Fatal(err)
	}
	var payload hostile.Payload
	if err := json.Unmarshal(example.Payload, &payload); err != nil {
		t.Fatal(err)
	}
	event, err := hostile.NewHostileEventX("u", payload, "f", "t", "tv", "n")
	if err != nil {
		t.Fatal(err)
	}
	if event.From != "f" || event.Type != "t" || event.TypeValue != "tv" || event.NewEnvelope != "n" {
		t.Errorf("fields %q %q %q %q", event.From, event.Type, event.TypeValue, event.NewEnvelope)
	}
}
