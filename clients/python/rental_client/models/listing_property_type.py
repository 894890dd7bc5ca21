from typing import Literal

ListingPropertyType = Literal['entire_home', 'hotel_room', 'private_room', 'shared_room']

LISTING_PROPERTY_TYPE_VALUES: set[ListingPropertyType] = { 'entire_home', 'hotel_room', 'private_room', 'shared_room',  }

def check_listing_property_type(value: str) -> ListingPropertyType:
    if value in LISTING_PROPERTY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LISTING_PROPERTY_TYPE_VALUES!r}")
