from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="BookingRequest")



@_attrs_define
class BookingRequest:
    """ 
        Attributes:
            listing_id (str):
            check_in (datetime.date): First night, YYYY-MM-DD; not before today in the listing's time zone.
            check_out (datetime.date): Departure day, YYYY-MM-DD: after `check_in`, and the stay's nights within the
                listing's `min_nights` and `max_nights`; the last night at most the listing's `max_advance_days` after today.
            guests (int): At most the listing's `max_guests`.
            expected_total (int | None | Unset): The `total` of the quote the client agreed to: when the stay's price now
                differs, 409 `price-changed` and nothing is held.
     """

    listing_id: str
    check_in: datetime.date
    check_out: datetime.date
    guests: int
    expected_total: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        listing_id = self.listing_id

        check_in = self.check_in.isoformat()

        check_out = self.check_out.isoformat()

        guests = self.guests

        expected_total: int | None | Unset
        if isinstance(self.expected_total, Unset):
            expected_total = UNSET
        else:
            expected_total = self.expected_total


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "listing_id": listing_id,
            "check_in": check_in,
            "check_out": check_out,
            "guests": guests,
        })
        if expected_total is not UNSET:
            field_dict["expected_total"] = expected_total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        listing_id = d.pop("listing_id")

        check_in = datetime.date.fromisoformat(d.pop("check_in"))




        check_out = datetime.date.fromisoformat(d.pop("check_out"))




        guests = d.pop("guests")

        def _parse_expected_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_total = _parse_expected_total(d.pop("expected_total", UNSET))


        booking_request = cls(
            listing_id=listing_id,
            check_in=check_in,
            check_out=check_out,
            guests=guests,
            expected_total=expected_total,
        )

        return booking_request

