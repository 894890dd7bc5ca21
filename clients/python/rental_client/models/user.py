from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_role import check_user_role
from ..models.user_role import UserRole
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Attributes:
            id (str):
            username (str):
            email (str):
            role (UserRole):  Example: guest.
            full_name (None | str):
            bio (None | str):
            created_at (datetime.datetime):
            email_verified (bool):
            notify_messages (bool | Unset): Whether you are emailed about new messages.
     """

    id: str
    username: str
    email: str
    role: UserRole
    full_name: None | str
    bio: None | str
    created_at: datetime.datetime
    email_verified: bool
    notify_messages: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email = self.email

        role: str = self.role

        full_name: None | str
        full_name = self.full_name

        bio: None | str
        bio = self.bio

        created_at = self.created_at.isoformat()

        email_verified = self.email_verified

        notify_messages = self.notify_messages


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "username": username,
            "email": email,
            "role": role,
            "full_name": full_name,
            "bio": bio,
            "created_at": created_at,
            "email_verified": email_verified,
        })
        if notify_messages is not UNSET:
            field_dict["notify_messages"] = notify_messages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        role = check_user_role(d.pop("role"))




        def _parse_full_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        full_name = _parse_full_name(d.pop("full_name"))


        def _parse_bio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bio = _parse_bio(d.pop("bio"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email_verified = d.pop("email_verified")

        notify_messages = d.pop("notify_messages", UNSET)

        user = cls(
            id=id,
            username=username,
            email=email,
            role=role,
            full_name=full_name,
            bio=bio,
            created_at=created_at,
            email_verified=email_verified,
            notify_messages=notify_messages,
        )

        return user

