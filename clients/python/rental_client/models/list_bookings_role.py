from typing import Literal

ListBookingsRole = Literal['guest', 'host']

LIST_BOOKINGS_ROLE_VALUES: set[ListBookingsRole] = { 'guest', 'host',  }

def check_list_bookings_role(value: str) -> ListBookingsRole:
    if value in LIST_BOOKINGS_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKINGS_ROLE_VALUES!r}")
