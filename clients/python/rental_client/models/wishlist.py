from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Wishlist")



@_attrs_define
class Wishlist:
    """ 
        Attributes:
            id (str):
            owner_id (str):
            name (str):
            shared (bool):
            item_count (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: str
    owner_id: str
    name: str
    shared: bool
    item_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner_id = self.owner_id

        name = self.name

        shared = self.shared

        item_count = self.item_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "owner_id": owner_id,
            "name": name,
            "shared": shared,
            "item_count": item_count,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        owner_id = d.pop("owner_id")

        name = d.pop("name")

        shared = d.pop("shared")

        item_count = d.pop("item_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        wishlist = cls(
            id=id,
            owner_id=owner_id,
            name=name,
            shared=shared,
            item_count=item_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        return wishlist

