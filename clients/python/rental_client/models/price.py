from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.nightly_price import NightlyPrice
  from ..models.tax_line import TaxLine





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
            total (int | Unset): The sum of the lines.
            nightly (list[NightlyPrice] | Unset): Each night's price.
            extra_guest_fees (int | Unset):
            taxes (list[TaxLine] | Unset):
     """

    currency: str | Unset = UNSET
    nightly_subtotal: int | Unset = UNSET
    discount: int | Unset = UNSET
    cleaning_fee: int | Unset = UNSET
    service_fee: int | Unset = UNSET
    total: int | Unset = UNSET
    nightly: list[NightlyPrice] | Unset = UNSET
    extra_guest_fees: int | Unset = UNSET
    taxes: list[TaxLine] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.nightly_price import NightlyPrice # noqa: PLC0415
        from ..models.tax_line import TaxLine # noqa: PLC0415
        currency = self.currency

        nightly_subtotal = self.nightly_subtotal

        discount = self.discount

        cleaning_fee = self.cleaning_fee

        service_fee = self.service_fee

        total = self.total

        nightly: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nightly, Unset):
            nightly = []
            for nightly_item_data in self.nightly:
                nightly_item = nightly_item_data.to_dict()
                nightly.append(nightly_item)



        extra_guest_fees = self.extra_guest_fees

        taxes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.taxes, Unset):
            taxes = []
            for taxes_item_data in self.taxes:
                taxes_item = taxes_item_data.to_dict()
                taxes.append(taxes_item)




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
        if nightly is not UNSET:
            field_dict["nightly"] = nightly
        if extra_guest_fees is not UNSET:
            field_dict["extra_guest_fees"] = extra_guest_fees
        if taxes is not UNSET:
            field_dict["taxes"] = taxes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.nightly_price import NightlyPrice # noqa: PLC0415
        from ..models.tax_line import TaxLine # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency", UNSET)

        nightly_subtotal = d.pop("nightly_subtotal", UNSET)

        discount = d.pop("discount", UNSET)

        cleaning_fee = d.pop("cleaning_fee", UNSET)

        service_fee = d.pop("service_fee", UNSET)

        total = d.pop("total", UNSET)

        _nightly = d.pop("nightly", UNSET)
        nightly: list[NightlyPrice] | Unset = UNSET
        if _nightly is not UNSET:
            nightly = []
            for nightly_item_data in _nightly:
                nightly_item = NightlyPrice.from_dict(nightly_item_data)



                nightly.append(nightly_item)


        extra_guest_fees = d.pop("extra_guest_fees", UNSET)

        _taxes = d.pop("taxes", UNSET)
        taxes: list[TaxLine] | Unset = UNSET
        if _taxes is not UNSET:
            taxes = []
            for taxes_item_data in _taxes:
                taxes_item = TaxLine.from_dict(taxes_item_data)



                taxes.append(taxes_item)


        price = cls(
            currency=currency,
            nightly_subtotal=nightly_subtotal,
            discount=discount,
            cleaning_fee=cleaning_fee,
            service_fee=service_fee,
            total=total,
            nightly=nightly,
            extra_guest_fees=extra_guest_fees,
            taxes=taxes,
        )

        return price

