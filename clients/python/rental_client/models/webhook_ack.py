from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WebhookAck")



@_attrs_define
class WebhookAck:
    """ 
        Attributes:
            received (bool):
            acted (bool):
     """

    received: bool
    acted: bool





    def to_dict(self) -> dict[str, Any]:
        received = self.received

        acted = self.acted


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "received": received,
            "acted": acted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received = d.pop("received")

        acted = d.pop("acted")

        webhook_ack = cls(
            received=received,
            acted=acted,
        )

        return webhook_ack

