"""Commands about data exports (GDPR articles 15 and 20)."""

from __future__ import annotations

from attrs import frozen

from rental.application.commands import Actor, Command


@frozen(kw_only=True)
class RequestDataExport(Command):
    """Ask for a copy of everything held about the caller; one pending at a time."""

    actor: Actor


@frozen(kw_only=True)
class RecordExportMade(Command):
    """The worker stored the export's document under ``file_key``."""

    export_id: str
    file_key: str


@frozen(kw_only=True)
class RecordExportFailure(Command):
    export_id: str
    reason: str


@frozen(kw_only=True)
class ExpireExport(Command):
    """An export past its 24 hours forgets its file; answers the key to delete, or None."""

    export_id: str
