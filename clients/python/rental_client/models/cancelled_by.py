from typing import Literal

CancelledBy = Literal['admin', 'guest', 'host']

CANCELLED_BY_VALUES: set[CancelledBy] = { 'admin', 'guest', 'host',  }

def check_cancelled_by(value: str) -> CancelledBy:
    if value in CANCELLED_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCELLED_BY_VALUES!r}")
