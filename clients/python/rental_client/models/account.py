from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Account")



@_attrs_define
class Account:
    """ 
        Attributes:
            id (str):
            username (str):
            email (str):
            role (str):
            full_name (None | str):
            created_at (datetime.datetime):
            email_verified (bool):
            disabled_at (datetime.datetime | None): Null unless disabled.
     """

    id: str
    username: str
    email: str
    role: str
    full_name: None | str
    created_at: datetime.datetime
    email_verified: bool
    disabled_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email = self.email

        role = self.role

        full_name: None | str
        full_name = self.full_name

        created_at = self.created_at.isoformat()

        email_verified = self.email_verified

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "username": username,
            "email": email,
            "role": role,
            "full_name": full_name,
            "created_at": created_at,
            "email_verified": email_verified,
            "disabled_at": disabled_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        role = d.pop("role")

        def _parse_full_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        full_name = _parse_full_name(d.pop("full_name"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email_verified = d.pop("email_verified")

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))


        account = cls(
            id=id,
            username=username,
            email=email,
            role=role,
            full_name=full_name,
            created_at=created_at,
            email_verified=email_verified,
            disabled_at=disabled_at,
        )

        return account

