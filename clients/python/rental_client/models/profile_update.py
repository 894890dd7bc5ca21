from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProfileUpdate")



@_attrs_define
class ProfileUpdate:
    """ 
        Attributes:
            full_name (None | str | Unset):  Example: Hana Ito.
            bio (None | str | Unset):
            notify_messages (bool | None | Unset): Whether you are emailed about new messages (at most one email per thread
                every 15 minutes).
     """

    full_name: None | str | Unset = UNSET
    bio: None | str | Unset = UNSET
    notify_messages: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        bio: None | str | Unset
        if isinstance(self.bio, Unset):
            bio = UNSET
        else:
            bio = self.bio

        notify_messages: bool | None | Unset
        if isinstance(self.notify_messages, Unset):
            notify_messages = UNSET
        else:
            notify_messages = self.notify_messages


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if bio is not UNSET:
            field_dict["bio"] = bio
        if notify_messages is not UNSET:
            field_dict["notify_messages"] = notify_messages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))


        def _parse_bio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bio = _parse_bio(d.pop("bio", UNSET))


        def _parse_notify_messages(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        notify_messages = _parse_notify_messages(d.pop("notify_messages", UNSET))


        profile_update = cls(
            full_name=full_name,
            bio=bio,
            notify_messages=notify_messages,
        )

        return profile_update

