package bindings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	events "contracts.activity-builder.dev/events"
	hostile "hostile.example.com/events"
)

type vector struct {
	Name    string          `json:"name"`
	Valid   bool            `json:"valid"`
	Pointer string          `json:"pointer"`
	Event   json.RawMessage `json:"event"`
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

type fieldError struct{ pointer string }

// checkVectors runs every shared vector through a package's Validate: the verdict must be the vector's,
// and an invalid vector must have an error at the vector's pointer. A mismatch names the vector.
func checkVectors(t *testing.T, vectors []vector, validate func([]byte) ([]fieldError, error)) {
	for _, v := range vectors {
		problems, err := validate(v.Event)
		if (err == nil) != v.Valid {
			t.Errorf("%s: expected valid=%v, got error %v", v.Name, v.Valid, err)
			continue
		}
		if err != nil && v.Pointer != "" {
			found := false
			for _, problem := range problems {
				found = found || problem.pointer == v.Pointer
			}
			if !found {
				t.Errorf("%s: no error at %s: %v", v.Name, v.Pointer, err)
			}
		}
	}
}

func TestCanonicalVectors(t *testing.T) {
	checkVectors(t, loadVectors(t, "../../out"), func(data []byte) ([]fieldError, error) {
		err := events.Validate(data)
		var invalid *events.ValidationError
		if errors.As(err, &invalid) {
			problems := make([]fieldError, len(invalid.Errors))
			for i, e := range invalid.Errors {
				problems[i] = fieldError{e.Pointer}
			}
			return problems, err
		}
		return nil, err
	})
}

func TestHostileVectors(t *testing.T) {
	checkVectors(t, loadVectors(t, "../fixtures/hostile/out"), func(data []byte) ([]fieldError, error) {
		err := hostile.Validate(data)
		var invalid *hostile.ValidationError
		if errors.As(err, &invalid) {
			problems := make([]fieldError, len(invalid.Errors))
			for i, e := range invalid.Errors {
				problems[i] = fieldError{e.Pointer}
			}
			return problems, err
		}
		return nil, err
	})
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
		{"../../out", func(data []byte) (any, error) { return events.Decode(data) }},
		{"../fixtures/hostile/out", func(data []byte) (any, error) { return hostile.Decode(data) }},
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
