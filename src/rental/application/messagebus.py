"""The message bus: one command in its own unit of work, then the events it committed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rental.application.administration.audit import acting
from rental.application.commands import Actor, Command
from rental.application.dependencies import Dependencies
from rental.application.handlers import Handler
from rental.application.ports import EventPublisher
from rental.domain.errors import ConcurrentUpdate
from rental.domain.events import Event

logger = logging.getLogger(__name__)

EventHandler = Callable[[Event], None]
MAX_ATTEMPTS = 3


class MessageBus:
    """Handles commands, retrying a few times when a concurrent change got there first.

    Each attempt runs in a new unit of work. Events committed by the handler, even one that
    then raised (a declined payment records a failed one), go to the event publisher.
    """

    def __init__(
        self,
        *,
        command_handlers: Mapping[type[Command], Handler],
        dependencies: Dependencies,
        publisher: EventPublisher,
    ) -> None:
        self._handlers = command_handlers
        self._deps = dependencies
        self._publisher = publisher

    def handle(self, command: Command) -> Any:
        """Handle ``command``; what it writes to the audit log names its actor (or the role
        its type acts as: a job, a webhook), within whatever request or run is current."""
        actor = getattr(command, "actor", None)
        if isinstance(actor, Actor):
            with acting(actor_id=actor.user_id, actor_role=actor.role):
                return self._handle(command)
        if command.acting_as is not None:
            with acting(actor_id=None, actor_role=command.acting_as.value):
                return self._handle(command)
        return self._handle(command)

    def _handle(self, command: Command) -> Any:
        handler = self._handlers[type(command)]
        for attempt in range(1, MAX_ATTEMPTS + 1):
            uow = self._deps.uow_factory()
            try:
                with uow:
                    return handler(command, uow, self._deps)
            except ConcurrentUpdate:
                if attempt == MAX_ATTEMPTS:
                    raise
                logger.info("retrying %s after a concurrent update", type(command).__name__)
            finally:
                events = uow.collect_new_events()
                if events:
                    self._publisher.publish(events)
        raise AssertionError("unreachable")  # pragma: no cover


class InProcessPublisher:
    """Runs event handlers in this process, right after the commit.

    A failing handler is logged with the event and does not undo the committed change; the
    outbox relay (when configured) is what retries deliveries.
    """

    def __init__(self, handlers: Mapping[type[Event], Sequence[EventHandler]]) -> None:
        self._handlers = handlers

    def publish(self, events: Sequence[Event]) -> None:
        for event in events:
            for event_type, handlers in self._handlers.items():
                if not isinstance(event, event_type):
                    continue
                for handler in handlers:
                    try:
                        handler(event)
                    except Exception:
                        logger.exception("handler %s failed for %s", handler, event.name)


class Publishers:
    """Several publishers, in order."""

    def __init__(self, publishers: Sequence[EventPublisher]) -> None:
        self._publishers = list(publishers)

    def publish(self, events: Sequence[Event]) -> None:
        for publisher in self._publishers:
            publisher.publish(events)
