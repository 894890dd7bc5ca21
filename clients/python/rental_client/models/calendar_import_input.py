from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CalendarImportInput")



@_attrs_define
class CalendarImportInput:
    """ 
        Attributes:
            name (str):
            url (str): An http:// or https:// iCalendar URL (a host name or IPv4 address, a port if any, no user name or
                password, no spaces).
     """

    name: str
    url: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        url = d.pop("url")

        calendar_import_input = cls(
            name=name,
            url=url,
        )

        return calendar_import_input

