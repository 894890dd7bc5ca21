"""Reads of the accounts area: one's own live sessions."""

from __future__ import annotations

from collections.abc import Callable

from rental.application.account_repositories import SessionView
from rental.application.commands import Actor
from rental.application.ports import Clock
from rental.application.unit_of_work import UnitOfWork


def live_sessions(
    uow_factory: Callable[[], UnitOfWork], clock: Clock, actor: Actor
) -> list[SessionView]:
    """The actor's own sessions neither ended nor expired, newest first."""
    with uow_factory() as uow:
        sessions = uow.login_sessions.live_of(actor.user_id, clock.now())
        return [SessionView(s.id, s.created_at, s.last_used_at, s.user_agent) for s in sessions]
