from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CancelRequest")



@_attrs_define
class CancelRequest:
    """ 
        Attributes:
            reason (str): Why (1 to 500 characters, not blank): kept in the audit log.
            refund_amount (int): Minor units to refund through the payment provider: from 0 to what was captured for the
                booking and not yet refunded.
     """

    reason: str
    refund_amount: int





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        refund_amount = self.refund_amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
            "refund_amount": refund_amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        refund_amount = d.pop("refund_amount")

        cancel_request = cls(
            reason=reason,
            refund_amount=refund_amount,
        )

        return cancel_request

