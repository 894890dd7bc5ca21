from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReviewRequest")



@_attrs_define
class ReviewRequest:
    """ 
        Attributes:
            rating (int):
            comment (str | Unset): At most 2,000 characters; empty when left out. Default: ''. Example: Lovely stay, would
                book again..
            cleanliness (int | None | Unset): 1 to 5 (an integer); optional.
            accuracy (int | None | Unset): 1 to 5 (an integer); optional.
            check_in (int | None | Unset): 1 to 5 (an integer); optional.
            communication (int | None | Unset): 1 to 5 (an integer); optional.
            location (int | None | Unset): 1 to 5 (an integer); optional.
            value (int | None | Unset): 1 to 5 (an integer); optional.
     """

    rating: int
    comment: str | Unset = ''
    cleanliness: int | None | Unset = UNSET
    accuracy: int | None | Unset = UNSET
    check_in: int | None | Unset = UNSET
    communication: int | None | Unset = UNSET
    location: int | None | Unset = UNSET
    value: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        rating = self.rating

        comment = self.comment

        cleanliness: int | None | Unset
        if isinstance(self.cleanliness, Unset):
            cleanliness = UNSET
        else:
            cleanliness = self.cleanliness

        accuracy: int | None | Unset
        if isinstance(self.accuracy, Unset):
            accuracy = UNSET
        else:
            accuracy = self.accuracy

        check_in: int | None | Unset
        if isinstance(self.check_in, Unset):
            check_in = UNSET
        else:
            check_in = self.check_in

        communication: int | None | Unset
        if isinstance(self.communication, Unset):
            communication = UNSET
        else:
            communication = self.communication

        location: int | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        value: int | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rating": rating,
        })
        if comment is not UNSET:
            field_dict["comment"] = comment
        if cleanliness is not UNSET:
            field_dict["cleanliness"] = cleanliness
        if accuracy is not UNSET:
            field_dict["accuracy"] = accuracy
        if check_in is not UNSET:
            field_dict["check_in"] = check_in
        if communication is not UNSET:
            field_dict["communication"] = communication
        if location is not UNSET:
            field_dict["location"] = location
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rating = d.pop("rating")

        comment = d.pop("comment", UNSET)

        def _parse_cleanliness(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cleanliness = _parse_cleanliness(d.pop("cleanliness", UNSET))


        def _parse_accuracy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        accuracy = _parse_accuracy(d.pop("accuracy", UNSET))


        def _parse_check_in(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        check_in = _parse_check_in(d.pop("check_in", UNSET))


        def _parse_communication(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        communication = _parse_communication(d.pop("communication", UNSET))


        def _parse_location(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))


        review_request = cls(
            rating=rating,
            comment=comment,
            cleanliness=cleanliness,
            accuracy=accuracy,
            check_in=check_in,
            communication=communication,
            location=location,
            value=value,
        )

        return review_request

