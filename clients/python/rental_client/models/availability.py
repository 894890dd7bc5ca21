from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.unavailable import Unavailable





T = TypeVar("T", bound="Availability")



@_attrs_define
class Availability:
    """ 
        Attributes:
            listing_id (str):
            from_ (datetime.date):
            to (datetime.date):
            unavailable (list[Unavailable]):
     """

    listing_id: str
    from_: datetime.date
    to: datetime.date
    unavailable: list[Unavailable]





    def to_dict(self) -> dict[str, Any]:
        from ..models.unavailable import Unavailable # noqa: PLC0415
        listing_id = self.listing_id

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        unavailable = []
        for unavailable_item_data in self.unavailable:
            unavailable_item = unavailable_item_data.to_dict()
            unavailable.append(unavailable_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "listing_id": listing_id,
            "from": from_,
            "to": to,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unavailable import Unavailable # noqa: PLC0415
        d = dict(src_dict)
        listing_id = d.pop("listing_id")

        from_ = datetime.date.fromisoformat(d.pop("from"))




        to = datetime.date.fromisoformat(d.pop("to"))




        unavailable = []
        _unavailable = d.pop("unavailable")
        for unavailable_item_data in (_unavailable):
            unavailable_item = Unavailable.from_dict(unavailable_item_data)



            unavailable.append(unavailable_item)


        availability = cls(
            listing_id=listing_id,
            from_=from_,
            to=to,
            unavailable=unavailable,
        )

        return availability

