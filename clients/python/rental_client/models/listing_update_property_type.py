from typing import Literal

ListingUpdatePropertyType = Literal['entire_home', 'hotel_room', 'private_room', 'shared_room']

LISTING_UPDATE_PROPERTY_TYPE_VALUES: set[ListingUpdatePropertyType] = { 'entire_home', 'hotel_room', 'private_room', 'shared_room',  }

def check_listing_update_property_type(value: str) -> ListingUpdatePropertyType:
    if value in LISTING_UPDATE_PROPERTY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LISTING_UPDATE_PROPERTY_TYPE_VALUES!r}")
