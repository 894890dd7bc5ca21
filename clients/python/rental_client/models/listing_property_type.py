from enum import StrEnum

class ListingPropertyType(StrEnum):
    ENTIRE_HOME = "entire_home"
    HOTEL_ROOM = "hotel_room"
    PRIVATE_ROOM = "private_room"
    SHARED_ROOM = "shared_room"

    def __str__(self) -> str:
        return str(self.value)
