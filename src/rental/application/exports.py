"""Data exports: the ports (the exports, and everything held about a person), and the
worker's part, which builds the document, stores it through the media store and deletes it
once expired."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from attrs import frozen

from rental.application import export_commands as x
from rental.application.commands import Actor, Command
from rental.application.delivery import Consumer
from rental.application.media import MediaStore
from rental.application.ports import Clock
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.exports import (
    DataExport,
    DataExportDiscarded,
    DataExportRequested,
)
from rental.domain.events import Event

logger = logging.getLogger(__name__)
FORMAT = "rental-data-export/1"
# Columns that name a person, whatever their table.
PERSON_COLUMNS = frozenset(
    {
        "user_id",
        "guest_id",
        "host_id",
        "author_id",
        "subject_id",
        "sender_id",
        "payer_id",
        "reporter_id",
        "blocker_id",
        "owner_id",
    }
)
# Never exported: secrets (hashes of passwords and tokens, refresh token ids, feed tokens),
# look-alike skeletons, where files are kept.
SECRET_COLUMNS = frozenset(
    {
        "password_hash",
        "secret_hash",
        "refresh_jti",
        "token",
        "email_skeleton",
        "username_skeleton",
        "pending_user_id",
        "file_key",
        "share_token_hash",
    }
)


class PersonalData(Protocol):
    """Everything the database holds about a person."""

    def about(self, user_id: str) -> dict[str, list[dict[str, Any]]]:
        """Rows by table: those naming the user (as guest, host, author, sender, payer…) and
        those of what they own (their listings' photos and calendars, their threads'
        messages, their bookings' payments and reviews). Secrets (password and token
        hashes, refresh token ids, feed tokens) are left out."""
        ...


@frozen
class DataExportView:
    """An export as its owner sees it (``GET /users/me/exports/{id}``)."""

    id: str
    status: str
    requested_at: datetime
    download_url: str | None
    expires_at: datetime | None
    failure_reason: str | None


class ExportWork:
    """Exports' files: ``build`` (the worker, on ``DataExportRequested``), ``view`` (the
    API: the download link, signed by the store to stop at the export's expiry) and
    ``sweep_expired`` (the worker, periodically)."""

    def __init__(
        self,
        *,
        handle: Callable[[Command], Any],
        uow_factory: Callable[[], UnitOfWork],
        media: MediaStore,
        personal_data: PersonalData,
        clock: Clock,
    ) -> None:
        self._handle = handle
        self._uow_factory = uow_factory
        self._media = media
        self._personal_data = personal_data
        self._clock = clock

    def _export(self, export_id: str) -> DataExport:
        with self._uow_factory() as uow:
            return uow.data_exports.get(export_id)

    def view(self, actor: Actor, export_id: str) -> DataExportView:
        """The caller's own export; anyone else's is a 404."""
        export = self._export(export_id)
        export.check_is_owned_by(actor.user_id)
        now = self._clock.now()
        url = None
        if export.is_downloadable(now) and export.file_key and export.expires_at:
            url = self._media.url(export.file_key, expires_in=export.expires_at - now)
        return DataExportView(
            id=export.id,
            status=export.status_at(now).value,
            requested_at=export.requested_at,
            download_url=url,
            expires_at=export.expires_at,
            failure_reason=export.failure_reason,
        )

    def document(self, user_id: str) -> dict[str, Any]:
        """The export's content: every row held about the user, by table, photos with
        their URLs."""
        tables = self._personal_data.about(user_id)
        for photo in tables.get("photos", []):
            variants = photo.get("variants") or {}
            photo["urls"] = {name: self._media.url(key) for name, key in variants.items()}
        return {
            "format": FORMAT,
            "user_id": user_id,
            "exported_at": self._clock.now().isoformat(),
            "tables": tables,
        }

    def build(self, export_id: str) -> None:
        """Build, store and record the document of a pending export; a second run (a
        redelivered event) finds it done and does nothing."""
        export = self._export(export_id)
        if export.status != "pending":
            return
        try:
            data = json.dumps(self.document(export.user_id), default=str, indent=1).encode()
        except Exception as error:  # recorded as failed, never a crash loop of the worker
            logger.exception("the data export %s could not be built", export_id)
            self._handle(x.RecordExportFailure(export_id=export_id, reason=type(error).__name__))
            return
        # Private: a random name under exports/, fetched only through a signed link.
        key = f"exports/{export.user_id}/{export_id}/{secrets.token_urlsafe(24)}.json"
        self._media.put(key, data, "application/json")
        if not self._handle(x.RecordExportMade(export_id=export_id, file_key=key)):
            self._media.delete(key)  # another run got there first

    def sweep_expired(self, limit: int = 1000) -> int:
        """Delete the files of exports past their 24 hours; how many."""
        with self._uow_factory() as uow:
            due = uow.data_exports.expired(self._clock.now(), limit)
        swept = 0
        for export_id in due:
            key = self._handle(x.ExpireExport(export_id=export_id))
            if key:
                self._media.delete(key)
                swept += 1
        return swept

    def consumers(self) -> list[Consumer]:
        def requested(event: Event) -> None:
            assert isinstance(event, DataExportRequested)
            self.build(event.export_id)

        def discarded(event: Event) -> None:
            assert isinstance(event, DataExportDiscarded)
            self._media.delete(event.file_key)

        # Idempotent by itself (a finished export is left alone), and it writes through its
        # own units of work, which the ledger's open transaction would hold up on SQLite.
        return [
            Consumer("data_export", (DataExportRequested,), requested, once=False),
            Consumer("data_export_files", (DataExportDiscarded,), discarded, once=False),
        ]
