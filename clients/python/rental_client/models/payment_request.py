from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payment_request_payment_method import check_payment_request_payment_method
from ..models.payment_request_payment_method import PaymentRequestPaymentMethod
from typing import cast






T = TypeVar("T", bound="PaymentRequest")



@_attrs_define
class PaymentRequest:
    """ 
        Attributes:
            payment_method (PaymentRequestPaymentMethod):
            payment_token (str): Card token from the gateway; a token it does not know is a 422. Sandbox: `tok_visa`
                succeeds, `tok_chargeDeclined` and `tok_chargeDeclinedInsufficientFunds` are declined (402). With
                RENTAL_PAYMENT_GATEWAY=stripe: a Stripe PaymentMethod id (`pm_…`; in test mode `pm_card_visa`). Example:
                tok_visa.
     """

    payment_method: PaymentRequestPaymentMethod
    payment_token: str





    def to_dict(self) -> dict[str, Any]:
        payment_method: str = self.payment_method

        payment_token = self.payment_token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "payment_method": payment_method,
            "payment_token": payment_token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_method = check_payment_request_payment_method(d.pop("payment_method"))




        payment_token = d.pop("payment_token")

        payment_request = cls(
            payment_method=payment_method,
            payment_token=payment_token,
        )

        return payment_request

