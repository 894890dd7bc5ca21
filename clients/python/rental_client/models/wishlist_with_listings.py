from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.saved_listing import SavedListing





T = TypeVar("T", bound="WishlistWithListings")



@_attrs_define
class WishlistWithListings:
    """ 
        Attributes:
            id (str):
            owner_id (str):
            name (str):
            shared (bool):
            item_count (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            items (list[SavedListing]):
            page (int):
            per_page (int):
            total (int):
     """

    id: str
    owner_id: str
    name: str
    shared: bool
    item_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    items: list[SavedListing]
    page: int
    per_page: int
    total: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.saved_listing import SavedListing # noqa: PLC0415
        id = self.id

        owner_id = self.owner_id

        name = self.name

        shared = self.shared

        item_count = self.item_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        page = self.page

        per_page = self.per_page

        total = self.total


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "owner_id": owner_id,
            "name": name,
            "shared": shared,
            "item_count": item_count,
            "created_at": created_at,
            "updated_at": updated_at,
            "items": items,
            "page": page,
            "per_page": per_page,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saved_listing import SavedListing # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        owner_id = d.pop("owner_id")

        name = d.pop("name")

        shared = d.pop("shared")

        item_count = d.pop("item_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = SavedListing.from_dict(items_item_data)



            items.append(items_item)


        page = d.pop("page")

        per_page = d.pop("per_page")

        total = d.pop("total")

        wishlist_with_listings = cls(
            id=id,
            owner_id=owner_id,
            name=name,
            shared=shared,
            item_count=item_count,
            created_at=created_at,
            updated_at=updated_at,
            items=items,
            page=page,
            per_page=per_page,
            total=total,
        )

        return wishlist_with_listings

