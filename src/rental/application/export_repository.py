"""The repository port of data exports."""

from __future__ import annotations

import abc
from datetime import datetime

from rental.application.repositories import Tracking
from rental.domain.accounts.exports import DataExport, DataExportNotFound


class DataExports(Tracking, abc.ABC):
    """Data exports by id, tracked so that the unit of work collects their events."""

    def add(self, export: DataExport) -> None:
        self._add(self._seen(export))

    def get(self, export_id: str) -> DataExport:
        found = self._get(export_id)
        if found is None:
            raise DataExportNotFound(f"No export {export_id}.")
        return self._seen(found)  # type: ignore[no-any-return]

    def pending_of(self, user_id: str) -> DataExport | None:
        return self._seen(self._pending_of(user_id))  # type: ignore[no-any-return]

    def of_user(self, user_id: str) -> list[DataExport]:
        return [self._seen(x) for x in self._of_user(user_id)]

    @abc.abstractmethod
    def _of_user(self, user_id: str) -> list[DataExport]: ...

    @abc.abstractmethod
    def expired(self, now: datetime, limit: int) -> list[str]:
        """Ids of ready exports whose 24 hours are over and that still hold a file."""

    @abc.abstractmethod
    def _add(self, export: DataExport) -> None: ...

    @abc.abstractmethod
    def _get(self, export_id: str) -> DataExport | None: ...

    @abc.abstractmethod
    def _pending_of(self, user_id: str) -> DataExport | None: ...
