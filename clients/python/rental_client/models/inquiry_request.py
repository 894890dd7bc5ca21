from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="InquiryRequest")



@_attrs_define
class InquiryRequest:
    """ 
        Attributes:
            body (str): 1 to 5,000 characters once leading and trailing white space is trimmed; line breaks and tabs are
                kept, other control characters and bidirectional override characters are refused. Stored as text, never as HTML.
                Example: Hello! Is the flat free from the 24th to the 28th?.
            check_in (datetime.date | None | Unset): With check_out.
            check_out (datetime.date | None | Unset): After check_in.
            guests (int | None | Unset):
     """

    body: str
    check_in: datetime.date | None | Unset = UNSET
    check_out: datetime.date | None | Unset = UNSET
    guests: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        check_in: None | str | Unset
        if isinstance(self.check_in, Unset):
            check_in = UNSET
        elif isinstance(self.check_in, datetime.date):
            check_in = self.check_in.isoformat()
        else:
            check_in = self.check_in

        check_out: None | str | Unset
        if isinstance(self.check_out, Unset):
            check_out = UNSET
        elif isinstance(self.check_out, datetime.date):
            check_out = self.check_out.isoformat()
        else:
            check_out = self.check_out

        guests: int | None | Unset
        if isinstance(self.guests, Unset):
            guests = UNSET
        else:
            guests = self.guests


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })
        if check_in is not UNSET:
            field_dict["check_in"] = check_in
        if check_out is not UNSET:
            field_dict["check_out"] = check_out
        if guests is not UNSET:
            field_dict["guests"] = guests

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_check_in(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_in_type_0 = datetime.date.fromisoformat(data)



                return check_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        check_in = _parse_check_in(d.pop("check_in", UNSET))


        def _parse_check_out(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_out_type_0 = datetime.date.fromisoformat(data)



                return check_out_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        check_out = _parse_check_out(d.pop("check_out", UNSET))


        def _parse_guests(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        guests = _parse_guests(d.pop("guests", UNSET))


        inquiry_request = cls(
            body=body,
            check_in=check_in,
            check_out=check_out,
            guests=guests,
        )

        return inquiry_request

