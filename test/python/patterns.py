"""Runs the pattern corpus of test/patterns.test.ts through Python's re, as the generated packages compile it.

Each input line is a JSON object {"pattern": <the Python translation>, "text": <a string>}; each output line
is true or false.
"""

from __future__ import annotations

import json
import re
import sys


def main() -> None:
    compiled: dict[str, re.Pattern[str]] = {}
    with open(sys.argv[1], encoding="utf-8") as corpus:
        for line in corpus:
            pair = json.loads(line)
            pattern = compiled.get(pair["pattern"])
            if pattern is None:
                pattern = compiled[pair["pattern"]] = re.compile(pair["pattern"], re.ASCII)
            sys.stdout.write("true\n" if pattern.search(pair["text"]) is not None else "false\n")


if __name__ == "__main__":
    main()
