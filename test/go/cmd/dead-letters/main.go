// Command dead-letters runs received records through the Go event handler and prints what became of each,
// as JSON lines, so that the TypeScript test can check that the three packages dead-letter the same records
// with the same bytes. It reads {"records":[...]} from a file; keys, values and header values are base64.
package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"time"

	events "contracts.activity-builder.dev/events"
)

type input struct {
	Records []struct {
		Topic     string      `json:"topic"`
		Partition int32       `json:"partition"`
		Offset    int64       `json:"offset"`
		Key       *string     `json:"key"`
		Value     *string     `json:"value"`
		Headers   [][2]string `json:"headers"`
		Timestamp *int64      `json:"timestamp"`
	} `json:"records"`
}

type wire struct {
	Topic   string      `json:"topic"`
	Key     *string     `json:"key"`
	Value   *string     `json:"value"`
	Headers [][2]string `json:"headers"`
}

type outcome struct {
	Offset      int64   `json:"offset"`
	Outcome     string  `json:"outcome"`
	EventType   string  `json:"eventType,omitempty"`
	Attempt     int     `json:"attempt,omitempty"`
	Key         *string `json:"key,omitempty"`
	Traceparent string  `json:"traceparent,omitempty"`
	Tracestate  string  `json:"tracestate,omitempty"`
	Timestamp   *int64  `json:"timestamp,omitempty"`
	Headers     int     `json:"headers,omitempty"`
	DeadLetter  *wire   `json:"deadLetter,omitempty"`
}

func decode(text *string) []byte {
	if text == nil {
		return nil
	}
	data, err := base64.StdEncoding.DecodeString(*text)
	if err != nil {
		panic(err)
	}
	return data
}

func encode(data []byte) *string {
	if data == nil {
		return nil
	}
	text := base64.StdEncoding.EncodeToString(data)
	return &text
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var in input
	if err := json.Unmarshal(data, &in); err != nil {
		panic(err)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	writer := json.NewEncoder(out)
	var current outcome
	handled := func(eventType string, message events.MessageContext) error {
		switch string(message.Key) {
		case "fail":
			return errors.New("boom <&> \u2028 \"quoted\"")
		case "flaky":
			if message.Attempt == 1 {
				return errors.New("flaky")
			}
		case "panic":
			panic("handler panicked")
		}
		current.Outcome = "handled"
		current.EventType = eventType
		current.Attempt = message.Attempt
		current.Key = encode(message.Key)
		current.Traceparent = message.Traceparent
		current.Tracestate = message.Tracestate
		current.Headers = len(message.Headers)
		if !message.Timestamp.IsZero() {
			ms := message.Timestamp.UnixMilli()
			current.Timestamp = &ms
		}
		return nil
	}
	handler, err := events.NewEventHandler(events.Handlers{
		ActivityGenerated: func(_ context.Context, event events.ActivityGenerated, message events.MessageContext) error {
			return handled(event.EventType, message)
		},
		ImageJobRequested: func(_ context.Context, event events.ImageJobRequested, message events.MessageContext) error {
			return handled(event.EventType, message)
		},
		TextJobRequested: func(_ context.Context, event events.TextJobRequested, message events.MessageContext) error {
			return handled(event.EventType, message)
		},
	}, events.HandlerOptions{
		DeadLetter: func(_ context.Context, records []events.Record) error {
			record := records[0]
			headers := make([][2]string, len(record.Headers))
			for i, header := range record.Headers {
				headers[i] = [2]string{header.Key, *encode(header.Value)}
			}
			current.Outcome = "dead-letter"
			current.DeadLetter = &wire{Topic: record.Topic, Key: encode(record.Key), Value: encode(record.Value), Headers: headers}
			return nil
		},
		Retry:              events.RetryPolicy{Attempts: 3, Backoff: time.Millisecond},
		DeadLetterMaxBytes: 4096,
		MaxValueBytes:      64 * 1024,
		OnUnhandled: func(_ context.Context, event events.Event, message events.MessageContext) error {
			current.Outcome = "unhandled"
			current.Attempt = message.Attempt
			return nil
		},
	})
	if err != nil {
		panic(err)
	}
	for _, record := range in.Records {
		current = outcome{Offset: record.Offset, Outcome: "none"}
		received := events.ReceivedRecord{Topic: record.Topic, Partition: record.Partition, Offset: record.Offset, Key: decode(record.Key), Value: decode(record.Value)}
		for _, header := range record.Headers {
			received.Headers = append(received.Headers, events.Header{Key: header[0], Value: decode(&header[1])})
		}
		if record.Timestamp != nil {
			received.Timestamp = time.UnixMilli(*record.Timestamp)
		}
		if err := handler.Handle(context.Background(), received); err != nil {
			panic(err)
		}
		if err := writer.Encode(current); err != nil {
			panic(err)
		}
	}
}
