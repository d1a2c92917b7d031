"""Consumes the first N records of a topic with confluent-kafka; prints the milliseconds from the first to the Nth.

Run by bench/kafka.ts with the test virtual environment: consume_rate.py BOOTSTRAP TOPIC N raw|helper. "raw"
does what a service without the package would (poll, json.loads, store the offset); "helper" runs the
confluent module's consume with the event handler (validation, decoding into the models, dispatch). Both use
the module's consumer_config, each in a group of its own.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import uuid

from activity_events import TextJobRequested
from activity_events.confluent import consume, consumer_config, send_function
from activity_events.kafka import EventHandler, Handlers, MessageContext
from confluent_kafka import Consumer, Producer


def raw(consumer: Consumer, count: int) -> float:
    seen = 0
    start = 0.0
    while seen < count:
        message = consumer.poll(0.5)
        if message is None or message.error() is not None:
            continue
        if seen == 0:
            start = time.perf_counter()
        json.loads(message.value() or b"")
        consumer.store_offsets(message)
        seen += 1
    return time.perf_counter() - start


def helper(consumer: Consumer, producer: Producer, count: int) -> float:
    stop = threading.Event()
    seen = 0
    start = 0.0
    elapsed = 0.0

    def handle(_event: TextJobRequested, _context: MessageContext) -> None:
        nonlocal seen, start, elapsed
        if seen == 0:
            start = time.perf_counter()
        seen += 1
        if seen == count:
            elapsed = time.perf_counter() - start
            stop.set()

    handler = EventHandler(
        Handlers(text_job_requested=handle), dead_letter=send_function(producer)
    )
    consume(consumer, handler, stop=stop)
    return elapsed


def main() -> None:
    bootstrap, topic, count, mode = sys.argv[1:5]
    group = f"bench-python-{mode}-{uuid.uuid4()}"
    consumer = Consumer(consumer_config(bootstrap, group))
    consumer.subscribe([topic])
    try:
        if mode == "raw":
            seconds = raw(consumer, int(count))
        else:
            seconds = helper(
                consumer, Producer({"bootstrap.servers": bootstrap}), int(count)
            )
    finally:
        consumer.close()
    print(json.dumps({"ms": seconds * 1000}))


if __name__ == "__main__":
    main()
