from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cancellation_policy import CancellationPolicy
from ..models.cancellation_policy import check_cancellation_policy
from ..models.country import check_country
from ..models.country import Country
from ..models.currency import check_currency
from ..models.currency import Currency
from ..models.listing_update_property_type import check_listing_update_property_type
from ..models.listing_update_property_type import ListingUpdatePropertyType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.house_rules_input import HouseRulesInput
  from ..models.tax import Tax





T = TypeVar("T", bound="ListingUpdate")



@_attrs_define
class ListingUpdate:
    """ 
        Attributes:
            weekend_price (int | None | Unset): Friday and Saturday nights (listing time zone); null: none.
            extra_guest_fee (int | Unset): Per night, for each guest above `guests_included`.
            guests_included (int | None | Unset): At most `max_guests`; null: `max_guests` (no extra fee).
            taxes (list[Tax] | Unset): At most 5.
            property_type (ListingUpdatePropertyType | Unset): Default `entire_home`.
            bedrooms (int | Unset): Default 1.
            beds (int | Unset): Default 1.
            bathrooms (float | Unset): A multiple of 0.5 (a half bathroom has no shower or bath). Default 1. Example: 1.5.
            check_in_time (str | Unset): Earliest check-in, `HH:MM` (24-hour clock, the listing's time zone). Default
                `15:00`. Example: 15:00.
            check_out_time (str | Unset): Latest check-out, `HH:MM` (24-hour clock, the listing's time zone). Default
                `11:00`. Example: 11:00.
            house_rules (HouseRulesInput | Unset):
            listed (bool | Unset): Default true. An unlisted listing is left out of search and cannot be booked; only its
                host and admins can read it.
            title (str | Unset):
            description (str | Unset):
            address (str | Unset):
            city (str | Unset):
            country (Country | Unset):
            latitude (float | None | Unset):
            longitude (float | None | Unset):
            timezone (str | Unset): An IANA time zone name that exists (`Europe/Lisbon`, `UTC`); a name of the right shape
                that names no zone is a 422 (`x-rental-time-zone`). Example: Europe/Lisbon.
            price_per_night (int | Unset): Minor units of currency (12000 = 120.00 USD).
            currency (Currency | Unset):
            cleaning_fee (int | Unset):
            weekly_discount_percent (int | Unset):
            monthly_discount_percent (int | Unset):
            max_guests (int | Unset):
            min_nights (int | Unset):
            max_nights (int | Unset): At least `min_nights` (the listing's own when only one is sent).
            max_advance_days (int | Unset): The booking horizon: a stay's last night may be at most this many days after
                today (the listing's time zone). Default 730.
            instant_book (bool | Unset):
            cancellation_policy (CancellationPolicy | Unset):
            amenities (list[str] | Unset):  Example: ['wifi', 'kitchen'].
     """

    weekend_price: int | None | Unset = UNSET
    extra_guest_fee: int | Unset = UNSET
    guests_included: int | None | Unset = UNSET
    taxes: list[Tax] | Unset = UNSET
    property_type: ListingUpdatePropertyType | Unset = UNSET
    bedrooms: int | Unset = UNSET
    beds: int | Unset = UNSET
    bathrooms: float | Unset = UNSET
    check_in_time: str | Unset = UNSET
    check_out_time: str | Unset = UNSET
    house_rules: HouseRulesInput | Unset = UNSET
    listed: bool | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    address: str | Unset = UNSET
    city: str | Unset = UNSET
    country: Country | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    timezone: str | Unset = UNSET
    price_per_night: int | Unset = UNSET
    currency: Currency | Unset = UNSET
    cleaning_fee: int | Unset = UNSET
    weekly_discount_percent: int | Unset = UNSET
    monthly_discount_percent: int | Unset = UNSET
    max_guests: int | Unset = UNSET
    min_nights: int | Unset = UNSET
    max_nights: int | Unset = UNSET
    max_advance_days: int | Unset = UNSET
    instant_book: bool | Unset = UNSET
    cancellation_policy: CancellationPolicy | Unset = UNSET
    amenities: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.house_rules_input import HouseRulesInput # noqa: PLC0415
        from ..models.tax import Tax # noqa: PLC0415
        weekend_price: int | None | Unset
        if isinstance(self.weekend_price, Unset):
            weekend_price = UNSET
        else:
            weekend_price = self.weekend_price

        extra_guest_fee = self.extra_guest_fee

        guests_included: int | None | Unset
        if isinstance(self.guests_included, Unset):
            guests_included = UNSET
        else:
            guests_included = self.guests_included

        taxes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.taxes, Unset):
            taxes = []
            for taxes_item_data in self.taxes:
                taxes_item = taxes_item_data.to_dict()
                taxes.append(taxes_item)



        property_type: str | Unset = UNSET
        if not isinstance(self.property_type, Unset):
            property_type = self.property_type


        bedrooms = self.bedrooms

        beds = self.beds

        bathrooms = self.bathrooms

        check_in_time = self.check_in_time

        check_out_time = self.check_out_time

        house_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.house_rules, Unset):
            house_rules = self.house_rules.to_dict()

        listed = self.listed

        title = self.title

        description = self.description

        address = self.address

        city = self.city

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country


        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        timezone = self.timezone

        price_per_night = self.price_per_night

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency


        cleaning_fee = self.cleaning_fee

        weekly_discount_percent = self.weekly_discount_percent

        monthly_discount_percent = self.monthly_discount_percent

        max_guests = self.max_guests

        min_nights = self.min_nights

        max_nights = self.max_nights

        max_advance_days = self.max_advance_days

        instant_book = self.instant_book

        cancellation_policy: str | Unset = UNSET
        if not isinstance(self.cancellation_policy, Unset):
            cancellation_policy = self.cancellation_policy


        amenities: list[str] | Unset = UNSET
        if not isinstance(self.amenities, Unset):
            amenities = self.amenities




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if weekend_price is not UNSET:
            field_dict["weekend_price"] = weekend_price
        if extra_guest_fee is not UNSET:
            field_dict["extra_guest_fee"] = extra_guest_fee
        if guests_included is not UNSET:
            field_dict["guests_included"] = guests_included
        if taxes is not UNSET:
            field_dict["taxes"] = taxes
        if property_type is not UNSET:
            field_dict["property_type"] = property_type
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if beds is not UNSET:
            field_dict["beds"] = beds
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if check_in_time is not UNSET:
            field_dict["check_in_time"] = check_in_time
        if check_out_time is not UNSET:
            field_dict["check_out_time"] = check_out_time
        if house_rules is not UNSET:
            field_dict["house_rules"] = house_rules
        if listed is not UNSET:
            field_dict["listed"] = listed
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if address is not UNSET:
            field_dict["address"] = address
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if price_per_night is not UNSET:
            field_dict["price_per_night"] = price_per_night
        if currency is not UNSET:
            field_dict["currency"] = currency
        if cleaning_fee is not UNSET:
            field_dict["cleaning_fee"] = cleaning_fee
        if weekly_discount_percent is not UNSET:
            field_dict["weekly_discount_percent"] = weekly_discount_percent
        if monthly_discount_percent is not UNSET:
            field_dict["monthly_discount_percent"] = monthly_discount_percent
        if max_guests is not UNSET:
            field_dict["max_guests"] = max_guests
        if min_nights is not UNSET:
            field_dict["min_nights"] = min_nights
        if max_nights is not UNSET:
            field_dict["max_nights"] = max_nights
        if max_advance_days is not UNSET:
            field_dict["max_advance_days"] = max_advance_days
        if instant_book is not UNSET:
            field_dict["instant_book"] = instant_book
        if cancellation_policy is not UNSET:
            field_dict["cancellation_policy"] = cancellation_policy
        if amenities is not UNSET:
            field_dict["amenities"] = amenities

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.house_rules_input import HouseRulesInput # noqa: PLC0415
        from ..models.tax import Tax # noqa: PLC0415
        d = dict(src_dict)
        def _parse_weekend_price(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weekend_price = _parse_weekend_price(d.pop("weekend_price", UNSET))


        extra_guest_fee = d.pop("extra_guest_fee", UNSET)

        def _parse_guests_included(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        guests_included = _parse_guests_included(d.pop("guests_included", UNSET))


        _taxes = d.pop("taxes", UNSET)
        taxes: list[Tax] | Unset = UNSET
        if _taxes is not UNSET:
            taxes = []
            for taxes_item_data in _taxes:
                taxes_item = Tax.from_dict(taxes_item_data)



                taxes.append(taxes_item)


        _property_type = d.pop("property_type", UNSET)
        property_type: ListingUpdatePropertyType | Unset
        if isinstance(_property_type,  Unset):
            property_type = UNSET
        else:
            property_type = check_listing_update_property_type(_property_type)




        bedrooms = d.pop("bedrooms", UNSET)

        beds = d.pop("beds", UNSET)

        bathrooms = d.pop("bathrooms", UNSET)

        check_in_time = d.pop("check_in_time", UNSET)

        check_out_time = d.pop("check_out_time", UNSET)

        _house_rules = d.pop("house_rules", UNSET)
        house_rules: HouseRulesInput | Unset
        if isinstance(_house_rules,  Unset):
            house_rules = UNSET
        else:
            house_rules = HouseRulesInput.from_dict(_house_rules)




        listed = d.pop("listed", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        address = d.pop("address", UNSET)

        city = d.pop("city", UNSET)

        _country = d.pop("country", UNSET)
        country: Country | Unset
        if isinstance(_country,  Unset):
            country = UNSET
        else:
            country = check_country(_country)




        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))


        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))


        timezone = d.pop("timezone", UNSET)

        price_per_night = d.pop("price_per_night", UNSET)

        _currency = d.pop("currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency,  Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)




        cleaning_fee = d.pop("cleaning_fee", UNSET)

        weekly_discount_percent = d.pop("weekly_discount_percent", UNSET)

        monthly_discount_percent = d.pop("monthly_discount_percent", UNSET)

        max_guests = d.pop("max_guests", UNSET)

        min_nights = d.pop("min_nights", UNSET)

        max_nights = d.pop("max_nights", UNSET)

        max_advance_days = d.pop("max_advance_days", UNSET)

        instant_book = d.pop("instant_book", UNSET)

        _cancellation_policy = d.pop("cancellation_policy", UNSET)
        cancellation_policy: CancellationPolicy | Unset
        if isinstance(_cancellation_policy,  Unset):
            cancellation_policy = UNSET
        else:
            cancellation_policy = check_cancellation_policy(_cancellation_policy)




        amenities = cast(list[str], d.pop("amenities", UNSET))


        listing_update = cls(
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
        )

        return listing_update

