"""The confluent module on a real broker.

test/kafka-languages.test.ts starts the broker and runs this file with pytest, giving the broker's address,
the topics it made and the jobs the other languages published in KAFKA_* variables; without them the tests
fail, they never skip. (Its name keeps it out of the plain pytest run.)
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from activity_events import (
    EVENT_TYPES,
    TOPIC_TEXT_JOBS,
    TOPICS,
    ContractEvent,
    TextJobRequested,
    decode,
    encode,
)
from activity_events.confluent import (
    PRODUCER_CONFIG,
    consume,
    consumer_config,
    publisher,
    send_function,
)
from activity_events.kafka import (
    BatchValidationError,
    EventHandler,
    Handlers,
    MessageContext,
    Publisher,
    RetryPolicy,
    TraceContext,
)
from confluent_kafka import Consumer, Message, Producer

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
VECTORS = Path(__file__).parent.parent / "fixtures/activity/out/vectors/vectors.json"


def env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(
            f"{name} is not set: run these tests through test/kafka-languages.test.ts"
        )
    return value


def producer() -> Producer:
    return Producer(
        {
            "bootstrap.servers": env("KAFKA_BROKERS"),
            "message.max.bytes": 48 << 20,
            **PRODUCER_CONFIG,
        }
    )


def one_of_each(job_id: str) -> list[ContractEvent]:
    """One event of each type, from the first valid shared vector of each, with the given job."""
    seen: dict[str, ContractEvent] = {}
    for vector in json.loads(VECTORS.read_text())["vectors"]:
        if vector["valid"] and vector["eventType"] not in seen:
            event = {**vector["event"], "jobId": job_id, "eventId": str(uuid.uuid4())}
            seen[vector["eventType"]] = decode(json.dumps(event))
    assert len(seen) == len(EVENT_TYPES)
    return list(seen.values())


class Seen:
    """What a consumer was given, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[ContractEvent, MessageContext]] = []

    def add(self, event: ContractEvent, context: MessageContext) -> None:
        self.events.append((event, context))

    def handlers(self) -> Handlers:
        return Handlers(
            activity_generated=self.add,
            image_job_requested=self.add,
            job_status_changed=self.add,
            text_job_requested=self.add,
        )


def consume_until(
    topics: list[str],
    handler_of: Callable[[Producer], EventHandler],
    done: Callable[[], bool],
) -> None:
    """Runs consume with a new group until done() says so; fails after 60 s."""
    consumer = Consumer(
        consumer_config(env("KAFKA_BROKERS"), f"py-test-{uuid.uuid4()}")
    )
    consumer.subscribe(topics)
    stop = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            consume(consumer, handler_of(producer()), stop=stop, poll_timeout_s=0.1)
        except BaseException as error:  # noqa: BLE001 - reported by the test thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 60
    try:
        while not done() and not failure:
            assert time.monotonic() < deadline, "not done after 60 s"
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
        consumer.close()
    assert not failure, failure


def dead_letters(topic: str, key: bytes, want: int) -> list[Message[bytes, bytes]]:
    """The dead letters with `key` on `topic`, in order, each record once (a redelivery is dead-lettered again)."""
    consumer = Consumer(
        {
            "bootstrap.servers": env("KAFKA_BROKERS"),
            "group.id": f"py-dlq-{uuid.uuid4()}",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([topic])
    letters: dict[str, Message[bytes, bytes]] = {}
    deadline = time.monotonic() + 60
    try:
        while len(letters) < want:
            assert time.monotonic() < deadline, (
                f"{len(letters)} of {want} dead letters on {topic}"
            )
            message = consumer.poll(0.2)
            if message is None or message.error() is not None or message.key() != key:
                continue
            letters.setdefault(
                f"{header(message, 'dlq-partition')}/{header(message, 'dlq-offset')}",
                message,
            )
    finally:
        consumer.close()
    return list(letters.values())


def header(message: Message[bytes, bytes], name: str) -> str:
    return next(iter(header_values(message, name)), "")


def header_values(message: Message[bytes, bytes], name: str) -> list[str]:
    values: list[str] = []
    given = message.headers() or []
    for key, value in given.items() if isinstance(given, dict) else given:
        if key == name:
            values.append(value.decode() if isinstance(value, bytes) else str(value))
    return values


def test_round_trips_every_event_type_with_trace_context() -> None:
    job = str(uuid.uuid4())
    published = one_of_each(job)
    sender = producer()
    publisher(sender, "py-test").publish(published, TraceContext(TRACEPARENT, "py=1"))
    seen = Seen()

    def mine() -> list[tuple[ContractEvent, MessageContext]]:
        return [
            entry for entry in seen.events if getattr(entry[0], "job_id", None) == job
        ]

    consume_until(
        sorted({TOPICS[event.event_type] for event in published}),
        lambda dead: EventHandler(seen.handlers(), dead_letter=send_function(dead)),
        lambda: len(mine()) >= len(published),
    )
    received = {encode(event): context for event, context in mine()}
    for event in published:
        context = received[encode(event)]
        assert context.topic == TOPICS[event.event_type]
        assert context.key == job.encode()
        assert (context.traceparent, context.tracestate, context.attempt) == (
            TRACEPARENT,
            "py=1",
            1,
        )
        assert context.timestamp_ms is not None


def test_refuses_a_batch_with_an_invalid_event() -> None:
    published = one_of_each(str(uuid.uuid4()))
    sent: list[object] = []
    invalid = published[0].model_copy(update={"user_id": ""})
    with pytest.raises(BatchValidationError) as raised:
        Publisher(sent.append, "py-test").publish([*published, invalid])
    assert [failure.index for failure in raised.value.failures] == [len(published)]
    assert sent == []
    with pytest.raises(ValueError, match="traceparent"):
        Publisher(sent.append, "py-test").publish(
            published, TraceContext("00-" + "0" * 32 + "-00f067aa0ba902b7-01")
        )


def test_dead_letters_poison_and_keeps_consuming() -> None:
    job = str(uuid.uuid4())
    events = {type(event).__name__: event for event in one_of_each(job)}
    text = events["TextJobRequested"]
    wire = json.loads(encode(text))

    def edited(**changes: object) -> bytes:
        return json.dumps({**wire, **changes}).encode()

    poison: list[tuple[bytes | None, str]] = [
        (b"", "empty"),
        (None, "empty"),
        (b'{"\xff\xfe"}', "malformed-json"),
        (b"[" * 100 + b"]" * 100, "malformed-json"),
        (edited(version=99), "unknown-version"),
        (edited(eventType="TEXT_JOB_EXPLODED"), "unknown-event-type"),
        (edited(payload={**wire["payload"], "language": "klingon"}), "invalid"),
        (encode(events["ImageJobRequested"]), "wrong-topic"),
    ]
    sender = producer()
    for value, _reason in poison:
        sender.produce(
            TOPIC_TEXT_JOBS,
            value=value,
            key=job.encode(),
            headers=[("x-rep", b"1"), ("x-rep", b"2")],
        )
    sender.produce(TOPIC_TEXT_JOBS, value=encode(text), key=job.encode())
    assert sender.flush(30) == 0
    seen = Seen()
    consume_until(
        [TOPIC_TEXT_JOBS],
        lambda dead: EventHandler(seen.handlers(), dead_letter=send_function(dead)),
        lambda: any(encode(event) == encode(text) for event, _ in seen.events),
    )
    letters = dead_letters(f"{TOPIC_TEXT_JOBS}.dlq", job.encode(), len(poison))
    assert [header(letter, "dlq-reason") for letter in letters] == [
        reason for _, reason in poison
    ]
    for letter, (value, _reason) in zip(letters, poison, strict=True):
        assert header(letter, "dlq-topic") == TOPIC_TEXT_JOBS
        assert (
            header(letter, "dlq-offset").isdigit()
            and header(letter, "dlq-timestamp").isdigit()
        )
        assert header_values(letter, "x-rep") == ["1", "2"]
        assert letter.value() == value or (value == b"" and letter.value() is None)


def test_cuts_what_the_dead_letter_topic_refuses_and_keeps_consuming_the_partition() -> (
    None
):
    topic = env("KAFKA_PY_BIG_TOPIC")
    key = str(uuid.uuid4()).encode()
    # Random text, which no compression shrinks under the dead-letter topic's limit.
    big = os.urandom(750_000).hex().encode()
    million = ("{" + ",".join(f'"k{i}":{i}' for i in range(1_000_000)) + "}").encode()
    sender = producer()
    for value in (big, million, b"not json {"):
        sender.produce(topic, value=value, key=key)
    assert sender.flush(60) == 0
    sent: list[int] = []

    def handler_of(dead: Producer) -> EventHandler:
        send = send_function(dead)

        def counting(records: object) -> None:
            assert isinstance(records, list)
            send(records)
            sent.append(1)

        return EventHandler(Handlers(), dead_letter=counting, max_value_bytes=32 << 20)

    consume_until([topic], handler_of, lambda: len(sent) >= 3)
    letters = dead_letters(f"{topic}.dlq", key, 3)
    for letter, (reason, original) in zip(
        letters,
        [
            ("malformed-json", big),
            ("unknown-event-type", million),
            ("malformed-json", b"not json {"),
        ],
        strict=True,
    ):
        assert header(letter, "dlq-reason") == reason
        if len(original) > 1024:
            assert len(letter.value() or b"") == 1024
            assert header(letter, "dlq-value-truncated") == "true"
            assert header(letter, "dlq-value-size") == str(len(original))
            assert (
                header(letter, "dlq-value-sha256")
                == hashlib.sha256(original).hexdigest()
            )
        else:
            assert letter.value() == original


def test_retries_a_failing_handler_then_dead_letters_it() -> None:
    job = str(uuid.uuid4())
    text = next(
        event for event in one_of_each(job) if isinstance(event, TextJobRequested)
    )
    publisher(producer(), "py-test").publish(text)
    calls: list[tuple[int, float]] = []

    def failing(event: TextJobRequested, context: MessageContext) -> None:
        if event.job_id == job:
            calls.append((context.attempt, time.monotonic()))
            raise RuntimeError(f"attempt {context.attempt} failed")

    consume_until(
        [TOPIC_TEXT_JOBS],
        lambda dead: EventHandler(
            Handlers(text_job_requested=failing),
            dead_letter=send_function(dead),
            retry=RetryPolicy(attempts=4, backoff_s=0.02),
        ),
        lambda: len(calls) >= 4,
    )
    (letter,) = dead_letters(f"{TOPIC_TEXT_JOBS}.dlq", job.encode(), 1)
    assert header(letter, "dlq-reason") == "handler-failed"
    assert "failed 4 times, last: attempt 4 failed" in header(letter, "dlq-errors")
    assert [attempt for attempt, _ in calls[:4]] == [1, 2, 3, 4]
    for index, wait in enumerate([0.02, 0.04, 0.08]):
        assert calls[index + 1][1] - calls[index][1] >= wait


def test_publishes_for_the_other_languages() -> None:
    """One event of each type with the job KAFKA_PY_JOB, for the TypeScript and Go consumers."""
    publisher(producer(), "python-service").publish(
        one_of_each(env("KAFKA_PY_JOB")), TraceContext(TRACEPARENT)
    )


def test_consumes_the_other_languages() -> None:
    """The events the other languages published with the jobs in KAFKA_PEER_JOBS: one of each type per job."""
    jobs = env("KAFKA_PEER_JOBS").split(",")
    seen = Seen()

    def peers() -> list[tuple[ContractEvent, MessageContext]]:
        return [
            entry for entry in seen.events if getattr(entry[0], "job_id", None) in jobs
        ]

    def complete() -> bool:
        # Every event type of every job, not a count: a peer may publish a job's
        # events more than once, which would reach the count early.
        found = {
            (getattr(event, "job_id", None), event.event_type) for event, _ in peers()
        }
        return all((job, kind) in found for job in jobs for kind in EVENT_TYPES)

    consume_until(
        sorted(set(TOPICS.values())),
        lambda dead: EventHandler(seen.handlers(), dead_letter=send_function(dead)),
        complete,
    )
    for job in jobs:
        mine = [
            (event, context)
            for event, context in peers()
            if getattr(event, "job_id", None) == job
        ]
        assert {event.event_type for event, _ in mine} == set(EVENT_TYPES)
        assert all(context.traceparent == TRACEPARENT for _, context in mine)
