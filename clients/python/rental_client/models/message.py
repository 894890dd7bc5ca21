from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Message")



@_attrs_define
class Message:
    """ 
        Attributes:
            id (str):
            thread_id (str):
            sender_id (str):
            body (str):
            created_at (datetime.datetime):
            redacted (bool):
     """

    id: str
    thread_id: str
    sender_id: str
    body: str
    created_at: datetime.datetime
    redacted: bool





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        thread_id = self.thread_id

        sender_id = self.sender_id

        body = self.body

        created_at = self.created_at.isoformat()

        redacted = self.redacted


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "thread_id": thread_id,
            "sender_id": sender_id,
            "body": body,
            "created_at": created_at,
            "redacted": redacted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        thread_id = d.pop("thread_id")

        sender_id = d.pop("sender_id")

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        redacted = d.pop("redacted")

        message = cls(
            id=id,
            thread_id=thread_id,
            sender_id=sender_id,
            body=body,
            created_at=created_at,
            redacted=redacted,
        )

        return message

