"""Runs received records through the Python event handler and prints what became of each, as JSON lines.

The TypeScript test checks that the three packages dead-letter the same records with the same bytes. It reads
{"records": [...]} from a file; keys, values and header values are base64.
"""

from __future__ import annotations

import base64
import json
import sys
from typing import Any

from activity_events import (
    ActivityGenerated,
    ContractEvent,
    ImageJobRequested,
    TextJobRequested,
)
from activity_events.codec import Record
from activity_events.kafka import (
    DeadLetter,
    EventHandler,
    Handlers,
    MessageContext,
    ReceivedRecord,
    RetryPolicy,
)


def _bytes(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)


def _text(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        records = json.load(file)["records"]
    current: dict[str, Any] = {}

    def handled(event_type: str, context: MessageContext) -> None:
        if context.key == b"fail":
            raise RuntimeError('boom <&> \u2028 "quoted"')
        if context.key == b"flaky" and context.attempt == 1:
            raise RuntimeError("flaky")
        if context.key == b"panic":
            raise RuntimeError("panic: handler panicked")
        current.update(
            outcome="handled",
            eventType=event_type,
            attempt=context.attempt,
            key=_text(context.key),
            traceparent=context.traceparent or "",
            tracestate=context.tracestate or "",
            headers=len(context.headers),
            timestamp=context.timestamp_ms,
        )

    def activity(event: ActivityGenerated, context: MessageContext) -> None:
        handled(event.event_type, context)

    def image(event: ImageJobRequested, context: MessageContext) -> None:
        handled(event.event_type, context)

    def text(event: TextJobRequested, context: MessageContext) -> None:
        handled(event.event_type, context)

    def dead_letter(letters: object) -> None:
        assert isinstance(letters, list)
        letter = letters[0]
        assert isinstance(letter, DeadLetter | Record)
        current.update(
            outcome="dead-letter",
            deadLetter={
                "topic": letter.topic,
                "key": _text(letter.key),
                "value": _text(letter.value),
                "headers": [[name, _text(value)] for name, value in letter.headers],
            },
        )

    def unhandled(_event: ContractEvent, context: MessageContext) -> None:
        current.update(outcome="unhandled", attempt=context.attempt)

    handler = EventHandler(
        Handlers(
            activity_generated=activity,
            image_job_requested=image,
            text_job_requested=text,
        ),
        dead_letter=dead_letter,
        retry=RetryPolicy(attempts=3, backoff_s=0.001),
        dead_letter_max_bytes=4096,
        max_value_bytes=64 * 1024,
        on_unhandled=unhandled,
    )
    out = []
    for record in records:
        current.clear()
        current.update(offset=record["offset"], outcome="none")
        handler.handle(
            ReceivedRecord(
                topic=record["topic"],
                partition=record["partition"],
                offset=record["offset"],
                key=_bytes(record["key"]),
                value=_bytes(record["value"]),
                headers=tuple(
                    (name, base64.b64decode(value)) for name, value in record["headers"]
                ),
                timestamp_ms=record["timestamp"],
            )
        )
        out.append(json.dumps(current))
    sys.stdout.write("".join(f"{line}\n" for line in out))


if __name__ == "__main__":
    main()
