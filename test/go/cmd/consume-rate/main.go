// Command consume-rate consumes the first -n records of a topic with franz-go and prints, as JSON, the
// milliseconds from the first record to the nth, for bench/kafka.ts. With -mode raw it does what a service
// without the package would: poll, encoding/json into map[string]any, commit each poll's records. With
// -mode helper it runs the franz module's Consume with the event handler (validation, typed decoding,
// dispatch, commits). Both run with the franz module's ConsumerOptions in a group of their own.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	events "contracts.activity-builder.dev/events"
	"contracts.activity-builder.dev/events/franz"
	"github.com/twmb/franz-go/pkg/kgo"
)

func main() {
	brokers := flag.String("brokers", "127.0.0.1:9092", "bootstrap servers, comma-separated")
	topic := flag.String("topic", events.TopicTextJobs, "the topic to consume")
	n := flag.Int("n", 20000, "how many records to consume")
	mode := flag.String("mode", "helper", "raw or helper")
	flag.Parse()
	if err := run(strings.Split(*brokers, ","), *topic, *n, *mode); err != nil {
		fmt.Fprintln(os.Stderr, "consume-rate:", err)
		os.Exit(1)
	}
}

func run(brokers []string, topic string, n int, mode string) error {
	group := fmt.Sprintf("bench-go-%s-%d", mode, time.Now().UnixNano())
	client, err := kgo.NewClient(append(franz.ConsumerOptions(group, topic), kgo.SeedBrokers(brokers...))...)
	if err != nil {
		return err
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var elapsed time.Duration
	switch mode {
	case "raw":
		elapsed, err = raw(ctx, client, n)
	case "helper":
		elapsed, err = helper(ctx, client, n)
	default:
		return fmt.Errorf("-mode %q: want raw or helper", mode)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]float64{"ms": float64(elapsed.Microseconds()) / 1000})
}

func raw(ctx context.Context, client *kgo.Client, n int) (time.Duration, error) {
	var start time.Time
	count := 0
	for count < n {
		fetches := client.PollFetches(ctx)
		if err := fetches.Err0(); err != nil {
			return 0, err
		}
		var records []*kgo.Record
		fetches.EachRecord(func(record *kgo.Record) {
			if count >= n {
				return
			}
			if count == 0 {
				start = time.Now()
			}
			var event map[string]any
			if err := json.Unmarshal(record.Value, &event); err == nil {
				count++
			}
			records = append(records, record)
		})
		if err := client.CommitRecords(ctx, records...); err != nil {
			return 0, err
		}
		client.AllowRebalance()
	}
	return time.Since(start), nil
}

func helper(ctx context.Context, client *kgo.Client, n int) (time.Duration, error) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var start time.Time
	var elapsed time.Duration
	count := 0
	handler, err := franz.NewEventHandler(client, events.Handlers{
		TextJobRequested: func(context.Context, events.TextJobRequested, events.MessageContext) error {
			if count == 0 {
				start = time.Now()
			}
			if count++; count == n {
				elapsed = time.Since(start)
				stop()
			}
			return nil
		},
	}, events.HandlerOptions{})
	if err != nil {
		return 0, err
	}
	if err := franz.Consume(ctx, client, handler); err != nil {
		return 0, err
	}
	if count < n {
		return 0, fmt.Errorf("consumed %d records of %d", count, n)
	}
	return elapsed, nil
}
