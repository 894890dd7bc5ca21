from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.unavailable_reason import check_unavailable_reason
from ..models.unavailable_reason import UnavailableReason
from typing import cast
import datetime






T = TypeVar("T", bound="Unavailable")



@_attrs_define
class Unavailable:
    """ 
        Attributes:
            start (datetime.date):
            end (datetime.date):
            reason (UnavailableReason):
     """

    start: datetime.date
    end: datetime.date
    reason: UnavailableReason





    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        reason: str = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "start": start,
            "end": end,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))




        end = datetime.date.fromisoformat(d.pop("end"))




        reason = check_unavailable_reason(d.pop("reason"))




        unavailable = cls(
            start=start,
            end=end,
            reason=reason,
        )

        return unavailable

