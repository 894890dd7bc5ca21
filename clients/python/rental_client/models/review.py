from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.review_status import check_review_status
from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.review_response import ReviewResponse
  from ..models.review_response_type_0_type_0 import ReviewResponseType0Type0





T = TypeVar("T", bound="Review")



@_attrs_define
class Review:
    """ 
        Attributes:
            id (str | Unset):
            booking_id (str | Unset):
            listing_id (str | Unset):
            author_id (str | Unset):
            rating (int | Unset):
            comment (str | Unset):
            created_at (datetime.datetime | Unset):
            status (ReviewStatus | Unset):
            cleanliness (int | None | Unset):
            accuracy (int | None | Unset):
            check_in (int | None | Unset):
            communication (int | None | Unset):
            location (int | None | Unset):
            value (int | None | Unset):
            response (None | ReviewResponse | ReviewResponseType0Type0 | Unset):
     """

    id: str | Unset = UNSET
    booking_id: str | Unset = UNSET
    listing_id: str | Unset = UNSET
    author_id: str | Unset = UNSET
    rating: int | Unset = UNSET
    comment: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    status: ReviewStatus | Unset = UNSET
    cleanliness: int | None | Unset = UNSET
    accuracy: int | None | Unset = UNSET
    check_in: int | None | Unset = UNSET
    communication: int | None | Unset = UNSET
    location: int | None | Unset = UNSET
    value: int | None | Unset = UNSET
    response: None | ReviewResponse | ReviewResponseType0Type0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.review_response import ReviewResponse # noqa: PLC0415
        from ..models.review_response_type_0_type_0 import ReviewResponseType0Type0 # noqa: PLC0415
        id = self.id

        booking_id = self.booking_id

        listing_id = self.listing_id

        author_id = self.author_id

        rating = self.rating

        comment = self.comment

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


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

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, ReviewResponseType0Type0):
            response = self.response.to_dict()
        elif isinstance(self.response, ReviewResponse):
            response = self.response.to_dict()
        else:
            response = self.response


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if listing_id is not UNSET:
            field_dict["listing_id"] = listing_id
        if author_id is not UNSET:
            field_dict["author_id"] = author_id
        if rating is not UNSET:
            field_dict["rating"] = rating
        if comment is not UNSET:
            field_dict["comment"] = comment
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if status is not UNSET:
            field_dict["status"] = status
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
        if response is not UNSET:
            field_dict["response"] = response

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_response import ReviewResponse # noqa: PLC0415
        from ..models.review_response_type_0_type_0 import ReviewResponseType0Type0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        booking_id = d.pop("booking_id", UNSET)

        listing_id = d.pop("listing_id", UNSET)

        author_id = d.pop("author_id", UNSET)

        rating = d.pop("rating", UNSET)

        comment = d.pop("comment", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _status = d.pop("status", UNSET)
        status: ReviewStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_review_status(_status)




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


        def _parse_response(data: object) -> None | ReviewResponse | ReviewResponseType0Type0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0_type_0 = ReviewResponseType0Type0.from_dict(data)



                return response_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_1 = ReviewResponse.from_dict(data)



                return response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewResponse | ReviewResponseType0Type0 | Unset, data)

        response = _parse_response(d.pop("response", UNSET))


        review = cls(
            id=id,
            booking_id=booking_id,
            listing_id=listing_id,
            author_id=author_id,
            rating=rating,
            comment=comment,
            created_at=created_at,
            status=status,
            cleanliness=cleanliness,
            accuracy=accuracy,
            check_in=check_in,
            communication=communication,
            location=location,
            value=value,
            response=response,
        )

        return review

