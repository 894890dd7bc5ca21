from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HouseRules")



@_attrs_define
class HouseRules:
    """ 
        Attributes:
            pets_allowed (bool):
            smoking_allowed (bool):
            events_allowed (bool):
     """

    pets_allowed: bool
    smoking_allowed: bool
    events_allowed: bool





    def to_dict(self) -> dict[str, Any]:
        pets_allowed = self.pets_allowed

        smoking_allowed = self.smoking_allowed

        events_allowed = self.events_allowed


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "pets_allowed": pets_allowed,
            "smoking_allowed": smoking_allowed,
            "events_allowed": events_allowed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pets_allowed = d.pop("pets_allowed")

        smoking_allowed = d.pop("smoking_allowed")

        events_allowed = d.pop("events_allowed")

        house_rules = cls(
            pets_allowed=pets_allowed,
            smoking_allowed=smoking_allowed,
            events_allowed=events_allowed,
        )

        return house_rules

