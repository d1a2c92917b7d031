package bindings

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	events "contracts.activity-builder.dev/events"
	hostile "hostile.example.com/events"
	orders "orders.example.com/events"
)

type vector struct {
	Name    string          `json:"name"`
	Valid   bool            `json:"valid"`
	Pointer string          `json:"pointer"`
	Errors  []vectorError   `json:"errors"`
	Event   json.RawMessage `json:"event"`
}

type vectorError struct {
	Pointer string `json:"pointer"`
	Keyword string `json:"keyword"`
}

func loadVectors(t testing.TB, out string) []vector {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "vectors", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Vectors []vector `json:"vectors"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Vectors) == 0 {
		t.Fatal("no vectors")
	}
	return file.Vectors
}

// errorsOf lists the (pointer, keyword) pairs of a *ValidationError of any generated package (each package
// has its own type, with the same shape).
func errorsOf(err error) []vectorError {
	value := reflect.ValueOf(err)
	if value.Kind() != reflect.Pointer || value.Elem().Kind() != reflect.Struct {
		return nil
	}
	fields := value.Elem().FieldByName("Errors")
	if !fields.IsValid() {
		return nil
	}
	out := make([]vectorError, fields.Len())
	for i := range out {
		out[i] = vectorError{Pointer: fields.Index(i).FieldByName("Pointer").String(), Keyword: fields.Index(i).FieldByName("Keyword").String()}
	}
	return out
}

// checkVectors runs every shared vector through a package's Validate: the verdict must be the vector's,
// and an invalid vector's errors must be exactly the vector's, in order. A mismatch names the vector.
func checkVectors(t *testing.T, vectors []vector, validate func([]byte) error) {
	for _, v := range vectors {
		err := validate(v.Event)
		if (err == nil) != v.Valid {
			t.Errorf("%s: expected valid=%v, got error %v", v.Name, v.Valid, err)
			continue
		}
		if err != nil && !slices.Equal(errorsOf(err), v.Errors) {
			t.Errorf("%s: errors %v, the vector says %v", v.Name, errorsOf(err), v.Errors)
		}
	}
}

func TestCanonicalVectors(t *testing.T) {
	checkVectors(t, loadVectors(t, "../fixtures/activity/out"), events.Validate)
}

func TestHostileVectors(t *testing.T) {
	checkVectors(t, loadVectors(t, "../fixtures/hostile/out"), hostile.Validate)
}

// Another project's envelope: orderId, occurredAt and data instead of jobId, userId, timestamp and payload.
func TestOrdersVectors(t *testing.T) {
	checkVectors(t, loadVectors(t, "../fixtures/orders/generated"), orders.Validate)
}

func sameJSON(t *testing.T, name string, want, got []byte) {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(got, &b); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: decoding then encoding changed the event\nwant %s\ngot  %s", name, want, got)
	}
}

// Decoding then encoding gives back the same JSON: absent, null and values stay apart, timestamps are kept.
func TestDecodeEncodeRoundTrip(t *testing.T) {
	for _, set := range []struct {
		out    string
		decode func([]byte) (any, error)
	}{
		{"../fixtures/activity/out", func(data []byte) (any, error) { return events.Decode(data) }},
		{"../fixtures/hostile/out", func(data []byte) (any, error) { return hostile.Decode(data) }},
		{"../fixtures/orders/generated", func(data []byte) (any, error) { return orders.Decode(data) }},
	} {
		count := 0
		for _, v := range loadVectors(t, set.out) {
			if !v.Valid {
				continue
			}
			event, err := set.decode(v.Event)
			if err != nil {
				t.Errorf("%s: %v", v.Name, err)
				continue
			}
			encoded, err := json.Marshal(event)
			if err != nil {
				t.Errorf("%s: %v", v.Name, err)
				continue
			}
			sameJSON(t, v.Name, v.Event, encoded)
			count++
		}
		if count < 10 {
			t.Errorf("%s: only %d valid vectors round-tripped", set.out, count)
		}
	}
}
