from typing import Literal

UnavailableReason = Literal['blocked', 'booked']

UNAVAILABLE_REASON_VALUES: set[UnavailableReason] = { 'blocked', 'booked',  }

def check_unavailable_reason(value: str) -> UnavailableReason:
    if value in UNAVAILABLE_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNAVAILABLE_REASON_VALUES!r}")
