import { pyDocstring } from "../../code/python.js";
import { latestEvents, type ContractsModel } from "../../ir/model.js";
import type { PythonNames } from "./naming.js";
import { pythonHeader } from "./python-files.js";

/**
 * `kafka.py`: the client-independent Kafka helpers (Publisher, EventHandler and their types, from
 * templates/python/kafka.py.tmpl) and the generated Handlers, one optional handler per event type. The event
 * models are reached through the models module, so that no schema name can shadow a name of this module.
 */
export function pythonKafkaFile(model: ContractsModel, names: PythonNames, body: string): string {
  const events = latestEvents(model).map((event) => ({ eventType: event.eventType, model: names.type(event.name) ?? event.name, field: names.factory(event).replace(/^create_/, "") }));
  const fields = events.map((event) => `    ${event.field}: Callable[[_models.${event.model}, MessageContext], object] | None = None\n${pyDocstring(`Handles ${event.eventType} events.`, "    ")}\n`);
  const cases = events.map((event) => `        if isinstance(event, _models.${event.model}) and self.${event.field} is not None:\n            return partial(self.${event.field}, event)\n`);
  return `${pythonHeader(model)}"""Kafka helpers for any client: a publisher that validates, and an event handler with typed dispatch.

The handler retries, then dead-letters, as the TypeScript and Go packages do; the confluent module runs both
on confluent-kafka.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Final, Literal, TypeAlias

from pydantic import BaseModel

from . import models as _models
from .codec import Record, decode, to_record
from .constants import TOPICS
from .models import ContractEvent
from .validation import ContractValidationError, ValidationIssue

__all__ = [
    "BatchFailure",
    "BatchValidationError",
    "DeadLetter",
    "DeadLetterReason",
    "EventHandler",
    "Handlers",
    "MessageContext",
    "Publisher",
    "ReceivedRecord",
    "RecordTooLargeError",
    "RetryPolicy",
    "SendFunction",
    "TraceContext",
    "with_trace",
]


@dataclass(frozen=True)
class Handlers:
    """One handler per event type, given the event as its current version's model and its MessageContext.

    A handler left None skips its events (see on_unhandled); one that raises is retried by the RetryPolicy,
    then dead-lettered.
    """

${fields.join("\n")}
    def _bound(self, event: ContractEvent) -> Callable[[MessageContext], object] | None:
        """The handler of the event's type, given the event; None when there is none."""
${cases.join("")}        return None


${body}`;
}
