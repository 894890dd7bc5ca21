from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PayoutTotals")



@_attrs_define
class PayoutTotals:
    """ 
        Attributes:
            currency (str):
            scheduled (int):
            due (int):
            paid (int):
            deducted (int): Taken from payouts towards refunds after earlier payouts.
            owed (int): Refunded after a payout and not yet recovered from a later one.
     """

    currency: str
    scheduled: int
    due: int
    paid: int
    deducted: int
    owed: int





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        scheduled = self.scheduled

        due = self.due

        paid = self.paid

        deducted = self.deducted

        owed = self.owed


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "scheduled": scheduled,
            "due": due,
            "paid": paid,
            "deducted": deducted,
            "owed": owed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        scheduled = d.pop("scheduled")

        due = d.pop("due")

        paid = d.pop("paid")

        deducted = d.pop("deducted")

        owed = d.pop("owed")

        payout_totals = cls(
            currency=currency,
            scheduled=scheduled,
            due=due,
            paid=paid,
            deducted=deducted,
            owed=owed,
        )

        return payout_totals

