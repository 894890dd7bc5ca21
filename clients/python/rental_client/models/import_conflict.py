from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ImportConflict")



@_attrs_define
class ImportConflict:
    """ 
        Attributes:
            booking_id (str):
            start (datetime.date):
            end (datetime.date):
            summary (str): The imported event's summary, as plain text.
     """

    booking_id: str
    start: datetime.date
    end: datetime.date
    summary: str





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        start = self.start.isoformat()

        end = self.end.isoformat()

        summary = self.summary


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "booking_id": booking_id,
            "start": start,
            "end": end,
            "summary": summary,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        start = datetime.date.fromisoformat(d.pop("start"))




        end = datetime.date.fromisoformat(d.pop("end"))




        summary = d.pop("summary")

        import_conflict = cls(
            booking_id=booking_id,
            start=start,
            end=end,
            summary=summary,
        )

        return import_conflict

