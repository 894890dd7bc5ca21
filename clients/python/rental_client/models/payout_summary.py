from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.payout_totals import PayoutTotals





T = TypeVar("T", bound="PayoutSummary")



@_attrs_define
class PayoutSummary:
    """ 
        Attributes:
            currencies (list[PayoutTotals]):
     """

    currencies: list[PayoutTotals]





    def to_dict(self) -> dict[str, Any]:
        from ..models.payout_totals import PayoutTotals # noqa: PLC0415
        currencies = []
        for currencies_item_data in self.currencies:
            currencies_item = currencies_item_data.to_dict()
            currencies.append(currencies_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currencies": currencies,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payout_totals import PayoutTotals # noqa: PLC0415
        d = dict(src_dict)
        currencies = []
        _currencies = d.pop("currencies")
        for currencies_item_data in (_currencies):
            currencies_item = PayoutTotals.from_dict(currencies_item_data)



            currencies.append(currencies_item)


        payout_summary = cls(
            currencies=currencies,
        )

        return payout_summary

