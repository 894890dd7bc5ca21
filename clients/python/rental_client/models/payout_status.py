from typing import Literal

PayoutStatus = Literal['cancelled', 'due', 'held', 'paid', 'scheduled']

PAYOUT_STATUS_VALUES: set[PayoutStatus] = { 'cancelled', 'due', 'held', 'paid', 'scheduled',  }

def check_payout_status(value: str) -> PayoutStatus:
    if value in PAYOUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYOUT_STATUS_VALUES!r}")
