from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.booking_status import BookingStatus
from ..models.booking_status import check_booking_status
from ..models.cancelled_by import CancelledBy
from ..models.cancelled_by import check_cancelled_by
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.price import Price





T = TypeVar("T", bound="Booking")



@_attrs_define
class Booking:
    """ 
        Attributes:
            id (str | Unset):
            listing_id (str | Unset):
            guest_id (str | Unset):
            check_in (datetime.date | Unset):
            check_out (datetime.date | Unset):
            nights (int | Unset):
            guests (int | Unset):
            status (BookingStatus | Unset):  Example: pending.
            price (Price | Unset):
            cancelled_by (CancelledBy | None | Unset): Who cancelled (`admin`: with a refund an admin chose); null unless
                `status` is `cancelled`.
            refund_amount (int | None | Unset): Minor units refunded on cancellation.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
     """

    id: str | Unset = UNSET
    listing_id: str | Unset = UNSET
    guest_id: str | Unset = UNSET
    check_in: datetime.date | Unset = UNSET
    check_out: datetime.date | Unset = UNSET
    nights: int | Unset = UNSET
    guests: int | Unset = UNSET
    status: BookingStatus | Unset = UNSET
    price: Price | Unset = UNSET
    cancelled_by: CancelledBy | None | Unset = UNSET
    refund_amount: int | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.price import Price # noqa: PLC0415
        id = self.id

        listing_id = self.listing_id

        guest_id = self.guest_id

        check_in: str | Unset = UNSET
        if not isinstance(self.check_in, Unset):
            check_in = self.check_in.isoformat()

        check_out: str | Unset = UNSET
        if not isinstance(self.check_out, Unset):
            check_out = self.check_out.isoformat()

        nights = self.nights

        guests = self.guests

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        cancelled_by: None | str | Unset
        if isinstance(self.cancelled_by, Unset):
            cancelled_by = UNSET
        elif isinstance(self.cancelled_by, str):
            cancelled_by = self.cancelled_by
        else:
            cancelled_by = self.cancelled_by

        refund_amount: int | None | Unset
        if isinstance(self.refund_amount, Unset):
            refund_amount = UNSET
        else:
            refund_amount = self.refund_amount

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if listing_id is not UNSET:
            field_dict["listing_id"] = listing_id
        if guest_id is not UNSET:
            field_dict["guest_id"] = guest_id
        if check_in is not UNSET:
            field_dict["check_in"] = check_in
        if check_out is not UNSET:
            field_dict["check_out"] = check_out
        if nights is not UNSET:
            field_dict["nights"] = nights
        if guests is not UNSET:
            field_dict["guests"] = guests
        if status is not UNSET:
            field_dict["status"] = status
        if price is not UNSET:
            field_dict["price"] = price
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if refund_amount is not UNSET:
            field_dict["refund_amount"] = refund_amount
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        listing_id = d.pop("listing_id", UNSET)

        guest_id = d.pop("guest_id", UNSET)

        _check_in = d.pop("check_in", UNSET)
        check_in: datetime.date | Unset
        if isinstance(_check_in,  Unset):
            check_in = UNSET
        else:
            check_in = datetime.date.fromisoformat(_check_in)




        _check_out = d.pop("check_out", UNSET)
        check_out: datetime.date | Unset
        if isinstance(_check_out,  Unset):
            check_out = UNSET
        else:
            check_out = datetime.date.fromisoformat(_check_out)




        nights = d.pop("nights", UNSET)

        guests = d.pop("guests", UNSET)

        _status = d.pop("status", UNSET)
        status: BookingStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_booking_status(_status)




        _price = d.pop("price", UNSET)
        price: Price | Unset
        if isinstance(_price,  Unset):
            price = UNSET
        else:
            price = Price.from_dict(_price)




        def _parse_cancelled_by(data: object) -> CancelledBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_by_type_1 = check_cancelled_by(data)



                return cancelled_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancelledBy | None | Unset, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by", UNSET))


        def _parse_refund_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refund_amount = _parse_refund_amount(d.pop("refund_amount", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        booking = cls(
            id=id,
            listing_id=listing_id,
            guest_id=guest_id,
            check_in=check_in,
            check_out=check_out,
            nights=nights,
            guests=guests,
            status=status,
            price=price,
            cancelled_by=cancelled_by,
            refund_amount=refund_amount,
            created_at=created_at,
            updated_at=updated_at,
        )

        return booking

