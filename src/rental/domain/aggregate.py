"""What every aggregate root shares: a version and the events it has recorded."""

from __future__ import annotations

from rental.domain.events import Event


class Aggregate:
    """Mixin for aggregate roots.

    ``version`` is bumped by every change that must serialize with others; the ORM uses it as
    the optimistic version column. Events live outside the attrs fields, so that objects
    loaded by an ORM (which skips ``__init__``) can record them too.
    """

    version: int

    def record(self, event: Event) -> None:
        self.__dict__.setdefault("_recorded_events", []).append(event)

    def pull_events(self) -> list[Event]:
        """Return and forget the events recorded since the last pull."""
        events: list[Event] = self.__dict__.pop("_recorded_events", [])
        return events

    def bump_version(self) -> None:
        self.version += 1
