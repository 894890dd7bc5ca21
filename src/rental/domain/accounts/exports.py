"""A copy of everything held about a user (GDPR articles 15 and 20), built by the worker."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.errors import NotFound
from rental.domain.events import Event

DOWNLOADABLE_FOR = timedelta(hours=24)


class ExportStatus(StrEnum):
    """``pending`` until the worker has built it; then ``ready`` (for 24 hours, then
    ``expired``) or ``failed``."""

    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"


class DataExportNotFound(NotFound):
    """No such export of yours."""


@frozen(kw_only=True)
class DataExportRequested(Event):
    export_id: str
    user_id: str


@frozen(kw_only=True)
class DataExportReady(Event):
    """The export can be downloaded: its owner is emailed."""

    export_id: str
    user_id: str


@frozen(kw_only=True)
class DataExportDiscarded(Event):
    """The export's file belongs to nothing any more (its owner deleted the account): the
    worker deletes it."""

    export_id: str
    file_key: str


@define(slots=False, eq=False)
class DataExport(Aggregate):
    """One asked-for copy of a user's data. ``pending_user_id`` is the user's id while it is
    pending and null after: unique, so that a user has one pending export at most, whatever
    the race. ``file_key`` names the document in the media store."""

    id: str
    user_id: str
    requested_at: datetime
    status: str = ExportStatus.PENDING.value
    pending_user_id: str | None = None
    finished_at: datetime | None = None
    expires_at: datetime | None = None
    file_key: str | None = None
    failure_reason: str | None = None
    version: int = field(default=1, kw_only=True)

    @classmethod
    def request(cls, *, export_id: str, user_id: str, now: datetime) -> DataExport:
        export = cls(id=export_id, user_id=user_id, requested_at=now, pending_user_id=user_id)
        export.record(DataExportRequested(occurred_at=now, export_id=export_id, user_id=user_id))
        return export

    def status_at(self, now: datetime) -> ExportStatus:
        """The status as the owner sees it: a ready export expires 24 hours after it was made."""
        if self.status == ExportStatus.READY and self.expires_at and now >= self.expires_at:
            return ExportStatus.EXPIRED
        return ExportStatus(self.status)

    def is_downloadable(self, now: datetime) -> bool:
        return self.status_at(now) == ExportStatus.READY and self.file_key is not None

    def check_is_owned_by(self, user_id: str) -> None:
        """Someone else's export is a 404, as a missing one."""
        if self.user_id != user_id:
            raise DataExportNotFound(f"No export {self.id}.")

    def made(self, file_key: str, now: datetime) -> bool:
        """The document is stored under ``file_key``; whether this export took it (False when
        it was done already: a second run of the worker)."""
        if self.status != ExportStatus.PENDING:
            return False
        self.status, self.file_key, self.pending_user_id = ExportStatus.READY.value, file_key, None
        self.finished_at, self.expires_at = now, now + DOWNLOADABLE_FOR
        self.bump_version()
        self.record(DataExportReady(occurred_at=now, export_id=self.id, user_id=self.user_id))
        return True

    def fail(self, reason: str, now: datetime) -> None:
        if self.status == ExportStatus.PENDING:
            self.status, self.pending_user_id = ExportStatus.FAILED.value, None
            self.failure_reason, self.finished_at = reason[:500], now
            self.bump_version()

    def expire(self, now: datetime) -> str | None:
        """Past its 24 hours: forget the file (the caller deletes it); its key, or None."""
        if self.status_at(now) != ExportStatus.EXPIRED or self.file_key is None:
            return None
        key, self.file_key, self.status = self.file_key, None, ExportStatus.EXPIRED.value
        self.bump_version()
        return key

    def discard(self, now: datetime) -> None:
        """Its owner deleted the account: no file, no download, the worker deletes the file."""
        if self.file_key is not None:
            key, self.file_key = self.file_key, None
            self.record(DataExportDiscarded(occurred_at=now, export_id=self.id, file_key=key))
        if self.status != ExportStatus.FAILED:
            self.status, self.pending_user_id = ExportStatus.EXPIRED.value, None
            self.expires_at = min(self.expires_at or now, now)
        self.bump_version()
