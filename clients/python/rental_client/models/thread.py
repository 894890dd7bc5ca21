from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.message import Message
  from ..models.thread_last_message_type_0_type_0 import ThreadLastMessageType0Type0





T = TypeVar("T", bound="Thread")



@_attrs_define
class Thread:
    """ 
        Attributes:
            id (str):
            listing_id (str):
            guest_id (str):
            host_id (str):
            booking_ids (list[str]):
            last_message (Message | None | ThreadLastMessageType0Type0):
            unread_count (int):
            updated_at (datetime.datetime):
            check_in (datetime.date | None):
            check_out (datetime.date | None):
            guests (int | None):
     """

    id: str
    listing_id: str
    guest_id: str
    host_id: str
    booking_ids: list[str]
    last_message: Message | None | ThreadLastMessageType0Type0
    unread_count: int
    updated_at: datetime.datetime
    check_in: datetime.date | None
    check_out: datetime.date | None
    guests: int | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.message import Message # noqa: PLC0415
        from ..models.thread_last_message_type_0_type_0 import ThreadLastMessageType0Type0 # noqa: PLC0415
        id = self.id

        listing_id = self.listing_id

        guest_id = self.guest_id

        host_id = self.host_id

        booking_ids = self.booking_ids



        last_message: dict[str, Any] | None
        if isinstance(self.last_message, ThreadLastMessageType0Type0):
            last_message = self.last_message.to_dict()
        elif isinstance(self.last_message, Message):
            last_message = self.last_message.to_dict()
        else:
            last_message = self.last_message

        unread_count = self.unread_count

        updated_at = self.updated_at.isoformat()

        check_in: None | str
        if isinstance(self.check_in, datetime.date):
            check_in = self.check_in.isoformat()
        else:
            check_in = self.check_in

        check_out: None | str
        if isinstance(self.check_out, datetime.date):
            check_out = self.check_out.isoformat()
        else:
            check_out = self.check_out

        guests: int | None
        guests = self.guests


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "listing_id": listing_id,
            "guest_id": guest_id,
            "host_id": host_id,
            "booking_ids": booking_ids,
            "last_message": last_message,
            "unread_count": unread_count,
            "updated_at": updated_at,
            "check_in": check_in,
            "check_out": check_out,
            "guests": guests,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message import Message # noqa: PLC0415
        from ..models.thread_last_message_type_0_type_0 import ThreadLastMessageType0Type0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        listing_id = d.pop("listing_id")

        guest_id = d.pop("guest_id")

        host_id = d.pop("host_id")

        booking_ids = cast(list[str], d.pop("booking_ids"))


        def _parse_last_message(data: object) -> Message | None | ThreadLastMessageType0Type0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_message_type_0_type_0 = ThreadLastMessageType0Type0.from_dict(data)



                return last_message_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_message_type_1 = Message.from_dict(data)



                return last_message_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Message | None | ThreadLastMessageType0Type0, data)

        last_message = _parse_last_message(d.pop("last_message"))


        unread_count = d.pop("unread_count")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_check_in(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_in_type_0 = datetime.date.fromisoformat(data)



                return check_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        check_in = _parse_check_in(d.pop("check_in"))


        def _parse_check_out(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_out_type_0 = datetime.date.fromisoformat(data)



                return check_out_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        check_out = _parse_check_out(d.pop("check_out"))


        def _parse_guests(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        guests = _parse_guests(d.pop("guests"))


        thread = cls(
            id=id,
            listing_id=listing_id,
            guest_id=guest_id,
            host_id=host_id,
            booking_ids=booking_ids,
            last_message=last_message,
            unread_count=unread_count,
            updated_at=updated_at,
            check_in=check_in,
            check_out=check_out,
            guests=guests,
        )

        return thread

