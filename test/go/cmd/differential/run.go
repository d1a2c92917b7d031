// Command differential runs a corpus of event documents through one generated Go package, for the
// differential tests (test/differential.test.ts, test/schema-sets.test.ts): for each line of base64 bytes it
// prints, as one JSON line, the errors of Validate and ValidateTolerant and what Decode returns (the event as
// JSON, or its errors). The packages it knows are bound in packages.go; the schema-set test writes its own.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

type bindings struct {
	validate, tolerant func([]byte) error
	decode             func([]byte) (any, error)
}

// result is one line of output; errors are [pointer, keyword, message] triples.
type result struct {
	Strict   [][3]string     `json:"strict"`
	Tolerant [][3]string     `json:"tolerant"`
	Decoded  json.RawMessage `json:"decoded"`
	Decode   [][3]string     `json:"decode"`
}

// errorsOf lists the errors of any package's *ValidationError (each package has its own type of that
// shape); any other error is reported as one entry with the keyword "error", which the test refuses.
func errorsOf(err error) [][3]string {
	out := [][3]string{}
	if err == nil {
		return out
	}
	value := reflect.ValueOf(err)
	if value.Kind() != reflect.Pointer || value.Elem().Kind() != reflect.Struct || !value.Elem().FieldByName("Errors").IsValid() {
		return append(out, [3]string{"", "error", err.Error()})
	}
	fields := value.Elem().FieldByName("Errors")
	for i := 0; i < fields.Len(); i++ {
		field := fields.Index(i)
		out = append(out, [3]string{field.FieldByName("Pointer").String(), field.FieldByName("Keyword").String(), field.FieldByName("Message").String()})
	}
	return out
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: differential PACKAGE CORPUS")
		os.Exit(2)
	}
	bound, ok := packages[os.Args[1]]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown package", os.Args[1])
		os.Exit(2)
	}
	file, err := os.Open(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for scanner.Scan() {
		data, err := base64.StdEncoding.DecodeString(scanner.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		line := result{Strict: errorsOf(bound.validate(data)), Tolerant: errorsOf(bound.tolerant(data)), Decode: [][3]string{}}
		event, err := bound.decode(data)
		if err != nil {
			line.Decode = errorsOf(err)
		} else if line.Decoded, err = json.Marshal(event); err != nil {
			line.Decode = [][3]string{{"", "error", err.Error()}}
		}
		if err := encoder.Encode(line); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
