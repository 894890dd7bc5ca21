from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SubRatingAverages")



@_attrs_define
class SubRatingAverages:
    """ 
        Attributes:
            cleanliness (float | None):
            accuracy (float | None):
            check_in (float | None):
            communication (float | None):
            location (float | None):
            value (float | None):
     """

    cleanliness: float | None
    accuracy: float | None
    check_in: float | None
    communication: float | None
    location: float | None
    value: float | None





    def to_dict(self) -> dict[str, Any]:
        cleanliness: float | None
        cleanliness = self.cleanliness

        accuracy: float | None
        accuracy = self.accuracy

        check_in: float | None
        check_in = self.check_in

        communication: float | None
        communication = self.communication

        location: float | None
        location = self.location

        value: float | None
        value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cleanliness": cleanliness,
            "accuracy": accuracy,
            "check_in": check_in,
            "communication": communication,
            "location": location,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cleanliness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cleanliness = _parse_cleanliness(d.pop("cleanliness"))


        def _parse_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy = _parse_accuracy(d.pop("accuracy"))


        def _parse_check_in(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        check_in = _parse_check_in(d.pop("check_in"))


        def _parse_communication(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        communication = _parse_communication(d.pop("communication"))


        def _parse_location(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        location = _parse_location(d.pop("location"))


        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))


        sub_rating_averages = cls(
            cleanliness=cleanliness,
            accuracy=accuracy,
            check_in=check_in,
            communication=communication,
            location=location,
            value=value,
        )

        return sub_rating_averages

