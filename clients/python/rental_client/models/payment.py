from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payment_payment_method import check_payment_payment_method
from ..models.payment_payment_method import PaymentPaymentMethod
from ..models.payment_status import check_payment_status
from ..models.payment_status import PaymentStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Payment")



@_attrs_define
class Payment:
    """ 
        Attributes:
            id (str | Unset):
            booking_id (str | Unset):
            amount (int | Unset): Minor units of `currency`.
            currency (str | Unset):
            payment_method (PaymentPaymentMethod | Unset):
            status (PaymentStatus | Unset):
            refunded_amount (int | Unset):
            failure_reason (None | str | Unset):
            created_at (datetime.datetime | Unset):
     """

    id: str | Unset = UNSET
    booking_id: str | Unset = UNSET
    amount: int | Unset = UNSET
    currency: str | Unset = UNSET
    payment_method: PaymentPaymentMethod | Unset = UNSET
    status: PaymentStatus | Unset = UNSET
    refunded_amount: int | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        amount = self.amount

        currency = self.currency

        payment_method: str | Unset = UNSET
        if not isinstance(self.payment_method, Unset):
            payment_method = self.payment_method


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        refunded_amount = self.refunded_amount

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if status is not UNSET:
            field_dict["status"] = status
        if refunded_amount is not UNSET:
            field_dict["refunded_amount"] = refunded_amount
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        booking_id = d.pop("booking_id", UNSET)

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        _payment_method = d.pop("payment_method", UNSET)
        payment_method: PaymentPaymentMethod | Unset
        if isinstance(_payment_method,  Unset):
            payment_method = UNSET
        else:
            payment_method = check_payment_payment_method(_payment_method)




        _status = d.pop("status", UNSET)
        status: PaymentStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_payment_status(_status)




        refunded_amount = d.pop("refunded_amount", UNSET)

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        payment = cls(
            id=id,
            booking_id=booking_id,
            amount=amount,
            currency=currency,
            payment_method=payment_method,
            status=status,
            refunded_amount=refunded_amount,
            failure_reason=failure_reason,
            created_at=created_at,
        )

        return payment

