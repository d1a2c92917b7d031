//go:build kafka

// The franz module on a real broker. test/kafka-languages.test.ts starts the broker and runs these tests with
// `go test -tags kafka`, giving the broker's address, topics it made and the jobs the other languages
// published in KAFKA_* variables; without them the tests fail, they never skip.
package kafka

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	events "contracts.activity-builder.dev/events"
	"contracts.activity-builder.dev/events/franz"
	"github.com/twmb/franz-go/pkg/kgo"
)

const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

func env(t *testing.T, name string) string {
	t.Helper()
	value := os.Getenv(name)
	if value == "" {
		t.Fatalf("%s is not set: run these tests through test/kafka-languages.test.ts", name)
	}
	return value
}

func newClient(t *testing.T, options ...kgo.Opt) *kgo.Client {
	t.Helper()
	base := append(franz.ProducerOptions(), kgo.SeedBrokers(strings.Split(env(t, "KAFKA_BROKERS"), ",")...), kgo.ProducerBatchMaxBytes(48<<20))
	client, err := kgo.NewClient(append(base, options...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return client
}

func uuid(t *testing.T) string {
	t.Helper()
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// oneOfEach is one event of each type, made from the first valid shared vector of each, with the given job.
func oneOfEach(t *testing.T, jobID string) []events.Event {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "activity", "out", "vectors", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Vectors []struct {
			EventType string                     `json:"eventType"`
			Valid     bool                       `json:"valid"`
			Event     map[string]json.RawMessage `json:"event"`
		} `json:"vectors"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []events.Event
	for _, vector := range file.Vectors {
		if !vector.Valid || seen[vector.EventType] {
			continue
		}
		seen[vector.EventType] = true
		vector.Event["jobId"], _ = json.Marshal(jobID)
		vector.Event["eventId"], _ = json.Marshal(uuid(t))
		text, _ := json.Marshal(vector.Event)
		event, err := events.Decode(text)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, event)
	}
	if len(out) != len(events.EventTypes) {
		t.Fatalf("vectors give %d event types, want %d", len(out), len(events.EventTypes))
	}
	return out
}

// handled is what a consumer saw, in the order it saw it.
type handled struct {
	mu       sync.Mutex
	events   []events.Event
	contexts []events.MessageContext
}

func (h *handled) add(event events.Event, message events.MessageContext) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events = append(h.events, event)
	h.contexts = append(h.contexts, message)
}

func (h *handled) count(keep func(events.Event, events.MessageContext) bool) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for i, event := range h.events {
		if keep(event, h.contexts[i]) {
			n++
		}
	}
	return n
}

// kinds counts the distinct (key, event type) pairs among the events keep accepts: a peer that publishes a
// job's events twice reaches a plain count before every type has arrived.
func (h *handled) kinds(keep func(events.Event, events.MessageContext) bool) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	pairs := map[string]bool{}
	for i, event := range h.events {
		if keep(event, h.contexts[i]) {
			pairs[fmt.Sprintf("%s %T", event.Key(), event)] = true
		}
	}
	return len(pairs)
}

// collecting gives every event of every type to seen.
func collecting(seen *handled) events.Handlers {
	return events.Handlers{
		ActivityGenerated: func(_ context.Context, event events.ActivityGenerated, message events.MessageContext) error {
			seen.add(event, message)
			return nil
		},
		ImageJobRequested: func(_ context.Context, event events.ImageJobRequested, message events.MessageContext) error {
			seen.add(event, message)
			return nil
		},
		JobStatusChanged: func(_ context.Context, event events.JobStatusChanged, message events.MessageContext) error {
			seen.add(event, message)
			return nil
		},
		TextJobRequested: func(_ context.Context, event events.TextJobRequested, message events.MessageContext) error {
			seen.add(event, message)
			return nil
		},
	}
}

// consumeUntil runs franz.Consume over topics with a new group until done says so, or fails after 60 s.
func consumeUntil(t *testing.T, topics []string, handlers events.Handlers, options events.HandlerOptions, done func() bool) {
	t.Helper()
	producer := newClient(t)
	consumer := newClient(t, franz.ConsumerOptions("go-test-"+uuid(t), topics...)...)
	handler, err := franz.NewEventHandler(producer, handlers, options)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	result := make(chan error, 1)
	go func() { result <- franz.Consume(ctx, consumer, handler) }()
	for !done() {
		select {
		case err := <-result:
			t.Fatalf("Consume returned before it was done: %v", err)
		case <-ctx.Done():
			t.Fatal("not done after 60 s")
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	if err := <-result; err != nil {
		t.Fatalf("Consume: %v", err)
	}
}

// deadLetters reads topic from the start until want letters with key are there, keyed by their offset.
func deadLetters(t *testing.T, topic string, key string, want int) []*kgo.Record {
	t.Helper()
	client := newClient(t, kgo.ConsumeTopics(topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.FetchMaxBytes(64<<20))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	byOffset := map[string]*kgo.Record{}
	var order []string
	for len(order) < want {
		fetches := client.PollFetches(ctx)
		if ctx.Err() != nil {
			t.Fatalf("%d of %d dead letters on %s after 60 s", len(order), want, topic)
		}
		fetches.EachRecord(func(record *kgo.Record) {
			if string(record.Key) != key {
				return
			}
			// A record handled twice (a redelivery) is dead-lettered twice: count it once.
			id := header(record, "dlq-partition") + "/" + header(record, "dlq-offset")
			if byOffset[id] == nil {
				order = append(order, id)
			}
			byOffset[id] = record
		})
	}
	out := make([]*kgo.Record, len(order))
	for i, id := range order {
		out[i] = byOffset[id]
	}
	return out
}

func header(record *kgo.Record, name string) string {
	for _, h := range record.Headers {
		if h.Key == name {
			return string(h.Value)
		}
	}
	return ""
}

func headerValues(record *kgo.Record, name string) []string {
	var values []string
	for _, h := range record.Headers {
		if h.Key == name {
			values = append(values, string(h.Value))
		}
	}
	return values
}

func TestRoundTripsEveryEventTypeWithTraceContext(t *testing.T) {
	jobID := uuid(t)
	published := oneOfEach(t, jobID)
	publisher := franz.NewPublisher(newClient(t), "go-test")
	if err := publisher.Publish(context.Background(), events.TraceContext{Traceparent: traceparent, Tracestate: "go=1"}, published...); err != nil {
		t.Fatal(err)
	}
	var seen handled
	mine := func(event events.Event, _ events.MessageContext) bool { return event.Key() == jobID }
	consumeUntil(t, topicsOf(published), collecting(&seen), events.HandlerOptions{}, func() bool { return seen.count(mine) >= len(published) })
	for _, want := range published {
		found := false
		for i, got := range seen.events {
			if reflect.DeepEqual(got, want) {
				found = true
				message := seen.contexts[i]
				if message.Topic != want.Topic() || string(message.Key) != jobID || message.Traceparent != traceparent || message.Tracestate != "go=1" || message.Attempt != 1 || message.Timestamp.IsZero() {
					t.Errorf("context of %T: %+v", want, message)
				}
			}
		}
		if !found {
			t.Errorf("%T was not received as published", want)
		}
	}
}

func TestRefusesABatchWithAnInvalidEvent(t *testing.T) {
	published := oneOfEach(t, uuid(t))
	invalid := published[0].(events.ActivityGenerated)
	invalid.UserID = ""
	sent := 0
	publisher := events.NewPublisher(func(context.Context, []events.Record) error { sent++; return nil }, "go-test")
	err := publisher.Publish(context.Background(), events.TraceContext{}, append(published, invalid)...)
	var batch *events.BatchValidationError
	if !errors.As(err, &batch) || len(batch.Failures) != 1 || batch.Failures[0].Index != len(published) || sent != 0 {
		t.Fatalf("want one failure at %d and nothing sent, got %v (sent %d)", len(published), err, sent)
	}
	if _, err := (events.Record{}).WithTrace(events.TraceContext{Traceparent: "00-" + strings.Repeat("0", 32) + "-00f067aa0ba902b7-01"}); err == nil {
		t.Error("an all-zero trace id was accepted")
	}
}

func TestDeadLettersPoisonAndKeepsConsuming(t *testing.T) {
	jobID := uuid(t)
	valid := oneOfEach(t, jobID)
	var text, image events.Event
	for _, event := range valid {
		switch event.(type) {
		case events.TextJobRequested:
			text = event
		case events.ImageJobRequested:
			image = event
		}
	}
	value := func(event events.Event, edit func(map[string]any)) []byte {
		data, _ := json.Marshal(event)
		var object map[string]any
		_ = json.Unmarshal(data, &object)
		edit(object)
		out, _ := json.Marshal(object)
		return out
	}
	poison := []struct {
		value  []byte
		reason events.DeadLetterReason
	}{
		{[]byte{}, events.ReasonEmpty},
		{nil, events.ReasonEmpty},
		{[]byte{'{', '"', 0xff, 0xfe, '"', '}'}, events.ReasonMalformedJSON},
		{[]byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)), events.ReasonMalformedJSON},
		{value(text, func(o map[string]any) { o["version"] = 99 }), events.ReasonUnknownVersion},
		{value(text, func(o map[string]any) { o["eventType"] = "TEXT_JOB_EXPLODED" }), events.ReasonUnknownEventType},
		{value(text, func(o map[string]any) { o["payload"].(map[string]any)["language"] = "klingon" }), events.ReasonInvalid},
		{value(image, func(map[string]any) {}), events.ReasonWrongTopic},
	}
	client := newClient(t)
	records := make([]*kgo.Record, 0, len(poison)+1)
	for _, entry := range poison {
		records = append(records, &kgo.Record{Topic: events.TopicTextJobs, Key: []byte(jobID), Value: entry.value, Headers: []kgo.RecordHeader{{Key: "x-rep", Value: []byte("1")}, {Key: "x-rep", Value: []byte("2")}}})
	}
	good, _ := json.Marshal(text)
	records = append(records, &kgo.Record{Topic: events.TopicTextJobs, Key: []byte(jobID), Value: good})
	if err := client.ProduceSync(context.Background(), records...).FirstErr(); err != nil {
		t.Fatal(err)
	}
	var seen handled
	consumeUntil(t, []string{events.TopicTextJobs}, collecting(&seen), events.HandlerOptions{}, func() bool {
		return seen.count(func(event events.Event, _ events.MessageContext) bool { return reflect.DeepEqual(event, text) }) > 0
	})
	letters := deadLetters(t, events.TopicTextJobs+".dlq", jobID, len(poison))
	var reasons []string
	for _, letter := range letters {
		reasons = append(reasons, header(letter, "dlq-reason"))
		if header(letter, "dlq-topic") != events.TopicTextJobs || header(letter, "dlq-timestamp") == "" || !reflect.DeepEqual(headerValues(letter, "x-rep"), []string{"1", "2"}) {
			t.Errorf("dead letter headers: %v", letter.Headers)
		}
		if _, err := strconv.ParseInt(header(letter, "dlq-offset"), 10, 64); err != nil {
			t.Errorf("dlq-offset: %v", err)
		}
	}
	for i, entry := range poison {
		if i >= len(reasons) || reasons[i] != string(entry.reason) {
			t.Errorf("reasons in offset order: got %v, want %v at %d", reasons, entry.reason, i)
			break
		}
	}
}

func TestCutsWhatTheDeadLetterTopicRefusesAndKeepsConsumingThePartition(t *testing.T) {
	topic := env(t, "KAFKA_GO_BIG_TOPIC")
	key := uuid(t)
	// Random text, which no compression shrinks under the dead-letter topic's limit.
	noise := make([]byte, 750_000)
	if _, err := rand.Read(noise); err != nil {
		t.Fatal(err)
	}
	big := []byte(hex.EncodeToString(noise))
	// A million keys (17 MB) and no eventType: parsed (the handler takes 32 MiB), dead-lettered, and far too large for the dead-letter topic.
	var million bytes.Buffer
	million.WriteByte('{')
	for i := 0; i < 1_000_000; i++ {
		if i > 0 {
			million.WriteByte(',')
		}
		fmt.Fprintf(&million, `"k%d":%d`, i, i)
	}
	million.WriteByte('}')
	client := newClient(t)
	records := []*kgo.Record{
		{Topic: topic, Key: []byte(key), Value: big},
		{Topic: topic, Key: []byte(key), Value: million.Bytes()},
		{Topic: topic, Key: []byte(key), Value: []byte("not json {")},
	}
	if err := client.ProduceSync(context.Background(), records...).FirstErr(); err != nil {
		t.Fatal(err)
	}
	// Counts the dead letters the broker took: a refused one is sent again, cut to 1 KiB.
	var sent atomic.Int32
	send := franz.Send(client)
	options := events.HandlerOptions{MaxValueBytes: 32 << 20, DeadLetter: func(ctx context.Context, records []events.Record) error {
		err := send(ctx, records)
		if err == nil {
			sent.Add(1)
		}
		return err
	}}
	consumeUntil(t, []string{topic}, events.Handlers{}, options, func() bool { return sent.Load() >= 3 })
	letters := deadLetters(t, topic+".dlq", key, 3)
	want := []struct {
		reason string
		value  []byte
	}{{"malformed-json", big}, {"unknown-event-type", million.Bytes()}, {"malformed-json", []byte("not json {")}}
	for i, letter := range letters {
		reason, original := want[i].reason, want[i].value
		digest := sha256.Sum256(original)
		if header(letter, "dlq-reason") != reason {
			t.Errorf("letter %d: reason %q, want %q", i, header(letter, "dlq-reason"), reason)
		}
		if len(original) > 1024 {
			if len(letter.Value) != 1024 || header(letter, "dlq-value-size") != strconv.Itoa(len(original)) || header(letter, "dlq-value-sha256") != hex.EncodeToString(digest[:]) || header(letter, "dlq-value-truncated") != "true" {
				t.Errorf("letter %d not cut to 1 KiB with its size and hash: %d bytes, %v", i, len(letter.Value), letter.Headers)
			}
		} else if !bytes.Equal(letter.Value, original) {
			t.Errorf("letter %d: %q", i, letter.Value)
		}
	}
}

func TestRetriesAFailingHandlerThenDeadLettersIt(t *testing.T) {
	jobID := uuid(t)
	var text events.TextJobRequested
	for _, event := range oneOfEach(t, jobID) {
		if event, ok := event.(events.TextJobRequested); ok {
			text = event
		}
	}
	if err := franz.NewPublisher(newClient(t), "go-test").Publish(context.Background(), events.TraceContext{}, text); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var attempts []int
	var started []time.Time
	handlers := events.Handlers{TextJobRequested: func(_ context.Context, event events.TextJobRequested, message events.MessageContext) error {
		if event.JobID != jobID {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		attempts = append(attempts, message.Attempt)
		started = append(started, time.Now())
		return fmt.Errorf("attempt %d failed", message.Attempt)
	}}
	// Done once the dead letter is sent: ending at the 4th call would cancel the send it is about to make.
	var sent atomic.Int32
	send := franz.Send(newClient(t))
	options := events.HandlerOptions{Retry: events.RetryPolicy{Attempts: 4, Backoff: 20 * time.Millisecond}, DeadLetter: func(ctx context.Context, records []events.Record) error {
		err := send(ctx, records)
		if err == nil && string(records[0].Key) == jobID {
			sent.Add(1)
		}
		return err
	}}
	consumeUntil(t, []string{events.TopicTextJobs}, handlers, options, func() bool { return sent.Load() >= 1 })
	letters := deadLetters(t, events.TopicTextJobs+".dlq", jobID, 1)
	if header(letters[0], "dlq-reason") != "handler-failed" || !strings.Contains(header(letters[0], "dlq-errors"), "failed 4 times, last: attempt 4 failed") {
		t.Errorf("dead letter: %v", letters[0].Headers)
	}
	if !reflect.DeepEqual(attempts[:4], []int{1, 2, 3, 4}) {
		t.Errorf("attempts %v", attempts)
	}
	// Backoff 20, 40, 80 ms between the calls.
	for i, want := range []time.Duration{20, 40, 80} {
		if gap := started[i+1].Sub(started[i]); gap < want*time.Millisecond {
			t.Errorf("wait before attempt %d: %v, want at least %d ms", i+2, gap, want)
		}
	}
}

// TestPublishesForTheOtherLanguages publishes one event of each type with the job KAFKA_GO_JOB, for the
// TypeScript and Python consumers to read.
func TestPublishesForTheOtherLanguages(t *testing.T) {
	published := oneOfEach(t, env(t, "KAFKA_GO_JOB"))
	if err := franz.NewPublisher(newClient(t), "go-service").Publish(context.Background(), events.TraceContext{Traceparent: traceparent}, published...); err != nil {
		t.Fatal(err)
	}
}

// TestConsumesTheOtherLanguages reads the events the other languages published with the jobs in
// KAFKA_PEER_JOBS: one of each type for each job, typed, with the peer's CloudEvents source.
func TestConsumesTheOtherLanguages(t *testing.T) {
	jobs := strings.Split(env(t, "KAFKA_PEER_JOBS"), ",")
	var seen handled
	peer := func(event events.Event, _ events.MessageContext) bool {
		for _, job := range jobs {
			if event.Key() == job {
				return true
			}
		}
		return false
	}
	want := len(jobs) * len(events.EventTypes)
	consumeUntil(t, topicsOf(oneOfEach(t, uuid(t))), collecting(&seen), events.HandlerOptions{}, func() bool { return seen.kinds(peer) >= want })
	for _, job := range jobs {
		types := map[string]bool{}
		for i, event := range seen.events {
			if event.Key() == job {
				data, _ := json.Marshal(event)
				if err := events.Validate(data); err != nil {
					t.Errorf("%s: %v\n%s", job, err, data)
				}
				types[fmt.Sprintf("%T", event)] = true
				if seen.contexts[i].Traceparent != traceparent {
					t.Errorf("%s: traceparent %q", job, seen.contexts[i].Traceparent)
				}
			}
		}
		if len(types) != len(events.EventTypes) {
			t.Errorf("job %s: %d event types received, want %d", job, len(types), len(events.EventTypes))
		}
	}
}

func topicsOf(published []events.Event) []string {
	seen := map[string]bool{}
	var topics []string
	for _, event := range published {
		if !seen[event.Topic()] {
			seen[event.Topic()] = true
			topics = append(topics, event.Topic())
		}
	}
	return topics
}
