from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cancellation_policy import CancellationPolicy
from ..models.cancellation_policy import check_cancellation_policy
from ..models.listing_property_type import check_listing_property_type
from ..models.listing_property_type import ListingPropertyType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.house_rules import HouseRules
  from ..models.listing_cover_photo_type_1_type_0 import ListingCoverPhotoType1Type0
  from ..models.photo import Photo
  from ..models.sub_rating_averages import SubRatingAverages
  from ..models.tax import Tax





T = TypeVar("T", bound="Listing")



@_attrs_define
class Listing:
    """ 
        Attributes:
            weekend_price (int | None):
            extra_guest_fee (int):
            guests_included (int | None):
            taxes (list[Tax]):
            property_type (ListingPropertyType):
            bedrooms (int):
            beds (int):
            bathrooms (float):
            check_in_time (str):  Example: 15:00.
            check_out_time (str):  Example: 11:00.
            house_rules (HouseRules):
            listed (bool):
            cover_photo (ListingCoverPhotoType1Type0 | None | Photo): The first ready photo; null when there is none.
            id (str):
            host_id (str):
            title (str):
            description (str):
            address (str):
            city (str):
            country (str):
            latitude (float | None):
            longitude (float | None):
            timezone (str):
            price_per_night (int):
            currency (str):
            cleaning_fee (int):
            weekly_discount_percent (int):
            monthly_discount_percent (int):
            max_guests (int):
            min_nights (int):
            max_nights (int):
            max_advance_days (int):
            instant_book (bool):
            cancellation_policy (CancellationPolicy):
            amenities (list[str]):
            rating_average (float | None): Mean rating rounded to 2 decimals; null before any review.
            review_count (int):
            sub_rating_averages (SubRatingAverages):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            photos (list[Photo] | Unset): In order. Its host and admins see every photo, others the ready ones. Search
                results leave it out (they carry `cover_photo`).
            distance_km (float | Unset): In a search with `near` only: kilometres from that point along the great circle, to
                2 decimals.
     """

    weekend_price: int | None
    extra_guest_fee: int
    guests_included: int | None
    taxes: list[Tax]
    property_type: ListingPropertyType
    bedrooms: int
    beds: int
    bathrooms: float
    check_in_time: str
    check_out_time: str
    house_rules: HouseRules
    listed: bool
    cover_photo: ListingCoverPhotoType1Type0 | None | Photo
    id: str
    host_id: str
    title: str
    description: str
    address: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    timezone: str
    price_per_night: int
    currency: str
    cleaning_fee: int
    weekly_discount_percent: int
    monthly_discount_percent: int
    max_guests: int
    min_nights: int
    max_nights: int
    max_advance_days: int
    instant_book: bool
    cancellation_policy: CancellationPolicy
    amenities: list[str]
    rating_average: float | None
    review_count: int
    sub_rating_averages: SubRatingAverages
    created_at: datetime.datetime
    updated_at: datetime.datetime
    photos: list[Photo] | Unset = UNSET
    distance_km: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.house_rules import HouseRules # noqa: PLC0415
        from ..models.listing_cover_photo_type_1_type_0 import ListingCoverPhotoType1Type0 # noqa: PLC0415
        from ..models.photo import Photo # noqa: PLC0415
        from ..models.sub_rating_averages import SubRatingAverages # noqa: PLC0415
        from ..models.tax import Tax # noqa: PLC0415
        weekend_price: int | None
        weekend_price = self.weekend_price

        extra_guest_fee = self.extra_guest_fee

        guests_included: int | None
        guests_included = self.guests_included

        taxes = []
        for taxes_item_data in self.taxes:
            taxes_item = taxes_item_data.to_dict()
            taxes.append(taxes_item)



        property_type: str = self.property_type

        bedrooms = self.bedrooms

        beds = self.beds

        bathrooms = self.bathrooms

        check_in_time = self.check_in_time

        check_out_time = self.check_out_time

        house_rules = self.house_rules.to_dict()

        listed = self.listed

        cover_photo: dict[str, Any] | None
        if isinstance(self.cover_photo, Photo):
            cover_photo = self.cover_photo.to_dict()
        elif isinstance(self.cover_photo, ListingCoverPhotoType1Type0):
            cover_photo = self.cover_photo.to_dict()
        else:
            cover_photo = self.cover_photo

        id = self.id

        host_id = self.host_id

        title = self.title

        description = self.description

        address = self.address

        city = self.city

        country = self.country

        latitude: float | None
        latitude = self.latitude

        longitude: float | None
        longitude = self.longitude

        timezone = self.timezone

        price_per_night = self.price_per_night

        currency = self.currency

        cleaning_fee = self.cleaning_fee

        weekly_discount_percent = self.weekly_discount_percent

        monthly_discount_percent = self.monthly_discount_percent

        max_guests = self.max_guests

        min_nights = self.min_nights

        max_nights = self.max_nights

        max_advance_days = self.max_advance_days

        instant_book = self.instant_book

        cancellation_policy: str = self.cancellation_policy

        amenities = self.amenities



        rating_average: float | None
        rating_average = self.rating_average

        review_count = self.review_count

        sub_rating_averages = self.sub_rating_averages.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        photos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = []
            for photos_item_data in self.photos:
                photos_item = photos_item_data.to_dict()
                photos.append(photos_item)



        distance_km = self.distance_km


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "weekend_price": weekend_price,
            "extra_guest_fee": extra_guest_fee,
            "guests_included": guests_included,
            "taxes": taxes,
            "property_type": property_type,
            "bedrooms": bedrooms,
            "beds": beds,
            "bathrooms": bathrooms,
            "check_in_time": check_in_time,
            "check_out_time": check_out_time,
            "house_rules": house_rules,
            "listed": listed,
            "cover_photo": cover_photo,
            "id": id,
            "host_id": host_id,
            "title": title,
            "description": description,
            "address": address,
            "city": city,
            "country": country,
            "latitude": latitude,
            "longitude": longitude,
            "timezone": timezone,
            "price_per_night": price_per_night,
            "currency": currency,
            "cleaning_fee": cleaning_fee,
            "weekly_discount_percent": weekly_discount_percent,
            "monthly_discount_percent": monthly_discount_percent,
            "max_guests": max_guests,
            "min_nights": min_nights,
            "max_nights": max_nights,
            "max_advance_days": max_advance_days,
            "instant_book": instant_book,
            "cancellation_policy": cancellation_policy,
            "amenities": amenities,
            "rating_average": rating_average,
            "review_count": review_count,
            "sub_rating_averages": sub_rating_averages,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if photos is not UNSET:
            field_dict["photos"] = photos
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.house_rules import HouseRules # noqa: PLC0415
        from ..models.listing_cover_photo_type_1_type_0 import ListingCoverPhotoType1Type0 # noqa: PLC0415
        from ..models.photo import Photo # noqa: PLC0415
        from ..models.sub_rating_averages import SubRatingAverages # noqa: PLC0415
        from ..models.tax import Tax # noqa: PLC0415
        d = dict(src_dict)
        def _parse_weekend_price(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        weekend_price = _parse_weekend_price(d.pop("weekend_price"))


        extra_guest_fee = d.pop("extra_guest_fee")

        def _parse_guests_included(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        guests_included = _parse_guests_included(d.pop("guests_included"))


        taxes = []
        _taxes = d.pop("taxes")
        for taxes_item_data in (_taxes):
            taxes_item = Tax.from_dict(taxes_item_data)



            taxes.append(taxes_item)


        property_type = check_listing_property_type(d.pop("property_type"))




        bedrooms = d.pop("bedrooms")

        beds = d.pop("beds")

        bathrooms = d.pop("bathrooms")

        check_in_time = d.pop("check_in_time")

        check_out_time = d.pop("check_out_time")

        house_rules = HouseRules.from_dict(d.pop("house_rules"))




        listed = d.pop("listed")

        def _parse_cover_photo(data: object) -> ListingCoverPhotoType1Type0 | None | Photo:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cover_photo_type_0 = Photo.from_dict(data)



                return cover_photo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cover_photo_type_1_type_0 = ListingCoverPhotoType1Type0.from_dict(data)



                return cover_photo_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ListingCoverPhotoType1Type0 | None | Photo, data)

        cover_photo = _parse_cover_photo(d.pop("cover_photo"))


        id = d.pop("id")

        host_id = d.pop("host_id")

        title = d.pop("title")

        description = d.pop("description")

        address = d.pop("address")

        city = d.pop("city")

        country = d.pop("country")

        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))


        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))


        timezone = d.pop("timezone")

        price_per_night = d.pop("price_per_night")

        currency = d.pop("currency")

        cleaning_fee = d.pop("cleaning_fee")

        weekly_discount_percent = d.pop("weekly_discount_percent")

        monthly_discount_percent = d.pop("monthly_discount_percent")

        max_guests = d.pop("max_guests")

        min_nights = d.pop("min_nights")

        max_nights = d.pop("max_nights")

        max_advance_days = d.pop("max_advance_days")

        instant_book = d.pop("instant_book")

        cancellation_policy = check_cancellation_policy(d.pop("cancellation_policy"))




        amenities = cast(list[str], d.pop("amenities"))


        def _parse_rating_average(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rating_average = _parse_rating_average(d.pop("rating_average"))


        review_count = d.pop("review_count")

        sub_rating_averages = SubRatingAverages.from_dict(d.pop("sub_rating_averages"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _photos = d.pop("photos", UNSET)
        photos: list[Photo] | Unset = UNSET
        if _photos is not UNSET:
            photos = []
            for photos_item_data in _photos:
                photos_item = Photo.from_dict(photos_item_data)



                photos.append(photos_item)


        distance_km = d.pop("distance_km", UNSET)

        listing = cls(
            weekend_price=weekend_price,
            extra_guest_fee=extra_guest_fee,
            guests_included=guests_included,
            taxes=taxes,
            property_type=property_type,
            bedrooms=bedrooms,
            beds=beds,
            bathrooms=bathrooms,
            check_in_time=check_in_time,
            check_out_time=check_out_time,
            house_rules=house_rules,
            listed=listed,
            cover_photo=cover_photo,
            id=id,
            host_id=host_id,
            title=title,
            description=description,
            address=address,
            city=city,
            country=country,
            latitude=latitude,
            longitude=longitude,
            timezone=timezone,
            price_per_night=price_per_night,
            currency=currency,
            cleaning_fee=cleaning_fee,
            weekly_discount_percent=weekly_discount_percent,
            monthly_discount_percent=monthly_discount_percent,
            max_guests=max_guests,
            min_nights=min_nights,
            max_nights=max_nights,
            max_advance_days=max_advance_days,
            instant_book=instant_book,
            cancellation_policy=cancellation_policy,
            amenities=amenities,
            rating_average=rating_average,
            review_count=review_count,
            sub_rating_averages=sub_rating_averages,
            created_at=created_at,
            updated_at=updated_at,
            photos=photos,
            distance_km=distance_km,
        )

        return listing

