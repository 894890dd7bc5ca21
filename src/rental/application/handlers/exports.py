"""Handlers of data exports: ask for one (one pending at a time), record what the worker
made of it, expire it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rental.application import export_commands as x
from rental.application.commands import Command
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.exports import DataExport


def request_data_export(
    cmd: x.RequestDataExport, uow: UnitOfWork, deps: Dependencies
) -> DataExport:
    """The pending export of the caller, or a new one. The user's row lock makes a second
    ask wait and then find the first; ``pending_user_id``'s unique index settles the rest
    (the loser's insert fails, and the bus retries it into finding the winner's)."""
    uow.users.lock(cmd.actor.user_id)
    uow.users.get(cmd.actor.user_id).check_not_deleted()
    pending = uow.data_exports.pending_of(cmd.actor.user_id)
    if pending is not None:
        return pending
    now = deps.clock.now()
    export = DataExport.request(export_id=deps.ids.new_id(), user_id=cmd.actor.user_id, now=now)
    uow.data_exports.add(export)
    uow.commit()
    return export


def record_export_made(cmd: x.RecordExportMade, uow: UnitOfWork, deps: Dependencies) -> bool:
    export = uow.data_exports.get(cmd.export_id)
    took = export.made(cmd.file_key, deps.clock.now())
    uow.commit()
    return took


def record_export_failure(cmd: x.RecordExportFailure, uow: UnitOfWork, deps: Dependencies) -> None:
    uow.data_exports.get(cmd.export_id).fail(cmd.reason, deps.clock.now())
    uow.commit()


def expire_export(cmd: x.ExpireExport, uow: UnitOfWork, deps: Dependencies) -> str | None:
    key = uow.data_exports.get(cmd.export_id).expire(deps.clock.now())
    uow.commit()
    return key


HANDLERS: dict[type[Command], Callable[[Any, UnitOfWork, Dependencies], Any]] = {
    x.RequestDataExport: request_data_export,
    x.RecordExportMade: record_export_made,
    x.RecordExportFailure: record_export_failure,
    x.ExpireExport: expire_export,
}
