from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payout_status import check_payout_status
from ..models.payout_status import PayoutStatus
from typing import cast
import datetime






T = TypeVar("T", bound="Payout")



@_attrs_define
class Payout:
    """ 
        Attributes:
            id (str):
            booking_id (str):
            host_id (str):
            status (PayoutStatus): `scheduled` until 24 hours after check-in (listing time zone), then `due`; `paid` once
                sent; `cancelled` when refunds left nothing to pay.
            currency (str):
            amount (int): What was sent (never below 0); before that, the host's share now: nightly subtotal - discount +
                cleaning fee - the host fee, less its share of refunds (what the host owes is deducted when it is paid).
            deducted (int): Taken from this payout when it was paid towards what the host owed for refunds made after
                earlier payouts in this currency (0 otherwise).
            owed (int): What the host still owes because this booking was refunded after its payout, until later payouts in
                this currency recover it (0 otherwise).
            due_at (datetime.datetime):
            paid_at (datetime.datetime | None):
     """

    id: str
    booking_id: str
    host_id: str
    status: PayoutStatus
    currency: str
    amount: int
    deducted: int
    owed: int
    due_at: datetime.datetime
    paid_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        host_id = self.host_id

        status: str = self.status

        currency = self.currency

        amount = self.amount

        deducted = self.deducted

        owed = self.owed

        due_at = self.due_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "booking_id": booking_id,
            "host_id": host_id,
            "status": status,
            "currency": currency,
            "amount": amount,
            "deducted": deducted,
            "owed": owed,
            "due_at": due_at,
            "paid_at": paid_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        booking_id = d.pop("booking_id")

        host_id = d.pop("host_id")

        status = check_payout_status(d.pop("status"))




        currency = d.pop("currency")

        amount = d.pop("amount")

        deducted = d.pop("deducted")

        owed = d.pop("owed")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))




        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)



                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))


        payout = cls(
            id=id,
            booking_id=booking_id,
            host_id=host_id,
            status=status,
            currency=currency,
            amount=amount,
            deducted=deducted,
            owed=owed,
            due_at=due_at,
            paid_at=paid_at,
        )

        return payout

