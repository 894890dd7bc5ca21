from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="HouseRulesInput")



@_attrs_define
class HouseRulesInput:
    """ 
        Attributes:
            pets_allowed (bool | Unset):
            smoking_allowed (bool | Unset):
            events_allowed (bool | Unset):
     """

    pets_allowed: bool | Unset = UNSET
    smoking_allowed: bool | Unset = UNSET
    events_allowed: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        pets_allowed = self.pets_allowed

        smoking_allowed = self.smoking_allowed

        events_allowed = self.events_allowed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pets_allowed is not UNSET:
            field_dict["pets_allowed"] = pets_allowed
        if smoking_allowed is not UNSET:
            field_dict["smoking_allowed"] = smoking_allowed
        if events_allowed is not UNSET:
            field_dict["events_allowed"] = events_allowed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pets_allowed = d.pop("pets_allowed", UNSET)

        smoking_allowed = d.pop("smoking_allowed", UNSET)

        events_allowed = d.pop("events_allowed", UNSET)

        house_rules_input = cls(
            pets_allowed=pets_allowed,
            smoking_allowed=smoking_allowed,
            events_allowed=events_allowed,
        )

        return house_rules_input

