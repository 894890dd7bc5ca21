from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Price")



@_attrs_define
class Price:
    """ 
        Attributes:
            currency (str | Unset):
            nightly_subtotal (int | Unset):
            discount (int | Unset):
            cleaning_fee (int | Unset):
            service_fee (int | Unset):
            total (int | Unset):
     """

    currency: str | Unset = UNSET
    nightly_subtotal: int | Unset = UNSET
    discount: int | Unset = UNSET
    cleaning_fee: int | Unset = UNSET
    service_fee: int | Unset = UNSET
    total: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        nightly_subtotal = self.nightly_subtotal

        discount = self.discount

        cleaning_fee = self.cleaning_fee

        service_fee = self.service_fee

        total = self.total


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if nightly_subtotal is not UNSET:
            field_dict["nightly_subtotal"] = nightly_subtotal
        if discount is not UNSET:
            field_dict["discount"] = discount
        if cleaning_fee is not UNSET:
            field_dict["cleaning_fee"] = cleaning_fee
        if service_fee is not UNSET:
            field_dict["service_fee"] = service_fee
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency", UNSET)

        nightly_subtotal = d.pop("nightly_subtotal", UNSET)

        discount = d.pop("discount", UNSET)

        cleaning_fee = d.pop("cleaning_fee", UNSET)

        service_fee = d.pop("service_fee", UNSET)

        total = d.pop("total", UNSET)

        price = cls(
            currency=currency,
            nightly_subtotal=nightly_subtotal,
            discount=discount,
            cleaning_fee=cleaning_fee,
            service_fee=service_fee,
            total=total,
        )

        return price

