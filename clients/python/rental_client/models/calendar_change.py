from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.rate_range import RateRange





T = TypeVar("T", bound="CalendarChange")



@_attrs_define
class CalendarChange:
    """ 
        Attributes:
            ranges (list[RateRange]):
     """

    ranges: list[RateRange]





    def to_dict(self) -> dict[str, Any]:
        from ..models.rate_range import RateRange # noqa: PLC0415
        ranges = []
        for ranges_item_data in self.ranges:
            ranges_item = ranges_item_data.to_dict()
            ranges.append(ranges_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ranges": ranges,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_range import RateRange # noqa: PLC0415
        d = dict(src_dict)
        ranges = []
        _ranges = d.pop("ranges")
        for ranges_item_data in (_ranges):
            ranges_item = RateRange.from_dict(ranges_item_data)



            ranges.append(ranges_item)


        calendar_change = cls(
            ranges=ranges,
        )

        return calendar_change

