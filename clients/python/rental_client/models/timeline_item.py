from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.timeline_item_source import check_timeline_item_source
from ..models.timeline_item_source import TimelineItemSource
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.timeline_item_data import TimelineItemData





T = TypeVar("T", bound="TimelineItem")



@_attrs_define
class TimelineItem:
    """ 
        Attributes:
            at (datetime.datetime):
            source (TimelineItemSource):
            kind (str): The event's name (`BookingCancelled`), the ledger entry's reason (`capture`, `refund`) or the audit
                action (`refund`).
            actor_id (None | str):
            actor_role (None | str):
            data (TimelineItemData): Its fields, as recorded.
     """

    at: datetime.datetime
    source: TimelineItemSource
    kind: str
    actor_id: None | str
    actor_role: None | str
    data: TimelineItemData





    def to_dict(self) -> dict[str, Any]:
        from ..models.timeline_item_data import TimelineItemData # noqa: PLC0415
        at = self.at.isoformat()

        source: str = self.source

        kind = self.kind

        actor_id: None | str
        actor_id = self.actor_id

        actor_role: None | str
        actor_role = self.actor_role

        data = self.data.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "at": at,
            "source": source,
            "kind": kind,
            "actor_id": actor_id,
            "actor_role": actor_role,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_item_data import TimelineItemData # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        source = check_timeline_item_source(d.pop("source"))




        kind = d.pop("kind")

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actor_role"))


        data = TimelineItemData.from_dict(d.pop("data"))




        timeline_item = cls(
            at=at,
            source=source,
            kind=kind,
            actor_id=actor_id,
            actor_role=actor_role,
            data=data,
        )

        return timeline_item

