from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calendar_import_status import CalendarImportStatus
from ..models.calendar_import_status import check_calendar_import_status
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.import_conflict import ImportConflict





T = TypeVar("T", bound="CalendarImport")



@_attrs_define
class CalendarImport:
    """ 
        Attributes:
            id (str):
            listing_id (str):
            name (str):
            url (str):
            status (CalendarImportStatus): pending (never synced), ok, conflict (see conflicts) or failed (see last_error;
                the last good sync's blocks stay).
            conflicts (list[ImportConflict]):
            created_at (datetime.datetime):
            last_synced_at (datetime.datetime | None | Unset): The last sync that read the feed.
            last_attempt_at (datetime.datetime | None | Unset):
            last_error (None | str | Unset):
     """

    id: str
    listing_id: str
    name: str
    url: str
    status: CalendarImportStatus
    conflicts: list[ImportConflict]
    created_at: datetime.datetime
    last_synced_at: datetime.datetime | None | Unset = UNSET
    last_attempt_at: datetime.datetime | None | Unset = UNSET
    last_error: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_conflict import ImportConflict # noqa: PLC0415
        id = self.id

        listing_id = self.listing_id

        name = self.name

        url = self.url

        status: str = self.status

        conflicts = []
        for conflicts_item_data in self.conflicts:
            conflicts_item = conflicts_item_data.to_dict()
            conflicts.append(conflicts_item)



        created_at = self.created_at.isoformat()

        last_synced_at: None | str | Unset
        if isinstance(self.last_synced_at, Unset):
            last_synced_at = UNSET
        elif isinstance(self.last_synced_at, datetime.datetime):
            last_synced_at = self.last_synced_at.isoformat()
        else:
            last_synced_at = self.last_synced_at

        last_attempt_at: None | str | Unset
        if isinstance(self.last_attempt_at, Unset):
            last_attempt_at = UNSET
        elif isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "listing_id": listing_id,
            "name": name,
            "url": url,
            "status": status,
            "conflicts": conflicts,
            "created_at": created_at,
        })
        if last_synced_at is not UNSET:
            field_dict["last_synced_at"] = last_synced_at
        if last_attempt_at is not UNSET:
            field_dict["last_attempt_at"] = last_attempt_at
        if last_error is not UNSET:
            field_dict["last_error"] = last_error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_conflict import ImportConflict # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        listing_id = d.pop("listing_id")

        name = d.pop("name")

        url = d.pop("url")

        status = check_calendar_import_status(d.pop("status"))




        conflicts = []
        _conflicts = d.pop("conflicts")
        for conflicts_item_data in (_conflicts):
            conflicts_item = ImportConflict.from_dict(conflicts_item_data)



            conflicts.append(conflicts_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_last_synced_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_synced_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_synced_at = _parse_last_synced_at(d.pop("last_synced_at", UNSET))


        def _parse_last_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at", UNSET))


        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        calendar_import = cls(
            id=id,
            listing_id=listing_id,
            name=name,
            url=url,
            status=status,
            conflicts=conflicts,
            created_at=created_at,
            last_synced_at=last_synced_at,
            last_attempt_at=last_attempt_at,
            last_error=last_error,
        )

        return calendar_import

