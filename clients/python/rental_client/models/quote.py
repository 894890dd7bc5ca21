from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.price import Price
  from ..models.quote_reason import QuoteReason





T = TypeVar("T", bound="Quote")



@_attrs_define
class Quote:
    """ 
        Attributes:
            available (bool):
            price (Price):
            reasons (list[QuoteReason]):
     """

    available: bool
    price: Price
    reasons: list[QuoteReason]





    def to_dict(self) -> dict[str, Any]:
        from ..models.price import Price # noqa: PLC0415
        from ..models.quote_reason import QuoteReason # noqa: PLC0415
        available = self.available

        price = self.price.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "available": available,
            "price": price,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price # noqa: PLC0415
        from ..models.quote_reason import QuoteReason # noqa: PLC0415
        d = dict(src_dict)
        available = d.pop("available")

        price = Price.from_dict(d.pop("price"))




        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = QuoteReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        quote = cls(
            available=available,
            price=price,
            reasons=reasons,
        )

        return quote

