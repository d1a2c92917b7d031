"""Runs a corpus of event documents through one generated Python package, for the differential test.

For each line of base64 bytes it prints, as one JSON line, the issues of validation_errors (strict and
tolerant) and what decode returns: the event as encode writes it, or its issues. Any exception other than
the package's ContractValidationError is reported as an issue with the keyword "crash", which the test refuses.
"""

from __future__ import annotations

import base64
import importlib
import json
import sys
from typing import Any


def main() -> None:
    package: Any = importlib.import_module(sys.argv[1])
    with open(sys.argv[2], encoding="ascii") as corpus:
        for line in corpus:
            data = base64.b64decode(line)
            result: dict[str, object] = {}
            for name, tolerant in (("strict", False), ("tolerant", True)):
                try:
                    issues = package.validation_errors(data, tolerant=tolerant)
                    result[name] = [[issue.pointer, issue.keyword, issue.message] for issue in issues]
                except Exception as error:  # noqa: BLE001 - any crash is what the test looks for
                    result[name] = [["", "crash", repr(error)]]
            try:
                result["decoded"] = json.loads(package.encode(package.decode(data)))
                result["decode"] = []
            except package.ContractValidationError as error:
                result["decoded"] = None
                result["decode"] = [[issue.pointer, issue.keyword, issue.message] for issue in error.issues]
            except Exception as error:  # noqa: BLE001
                result["decoded"] = None
                result["decode"] = [["", "crash", repr(error)]]
            sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
