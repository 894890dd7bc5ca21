from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MessageRequest")



@_attrs_define
class MessageRequest:
    """ 
        Attributes:
            body (str): 1 to 5,000 characters once leading and trailing white space is trimmed; line breaks and tabs are
                kept, other control characters and bidirectional override characters are refused. Stored as text, never as HTML.
                Example: Hello! Is the flat free from the 24th to the 28th?.
     """

    body: str





    def to_dict(self) -> dict[str, Any]:
        body = self.body


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        message_request = cls(
            body=body,
        )

        return message_request

