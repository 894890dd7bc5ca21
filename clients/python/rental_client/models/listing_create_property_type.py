from typing import Literal

ListingCreatePropertyType = Literal['entire_home', 'hotel_room', 'private_room', 'shared_room']

LISTING_CREATE_PROPERTY_TYPE_VALUES: set[ListingCreatePropertyType] = { 'entire_home', 'hotel_room', 'private_room', 'shared_room',  }

def check_listing_create_property_type(value: str) -> ListingCreatePropertyType:
    if value in LISTING_CREATE_PROPERTY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LISTING_CREATE_PROPERTY_TYPE_VALUES!r}")
