// Command patterns runs the pattern corpus of test/patterns.test.ts through Go's regexp: each input line is
// a JSON object {"pattern": <the Go translation>, "text": <a string>}; each output line is true or false.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
)

func main() {
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer file.Close()
	compiled := map[string]*regexp.Regexp{}
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for scanner.Scan() {
		var pair struct{ Pattern, Text string }
		if err := json.Unmarshal(scanner.Bytes(), &pair); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pattern, ok := compiled[pair.Pattern]
		if !ok {
			if pattern, err = regexp.Compile(pair.Pattern); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			compiled[pair.Pattern] = pattern
		}
		fmt.Fprintln(out, pattern.MatchString(pair.Text))
	}
}
