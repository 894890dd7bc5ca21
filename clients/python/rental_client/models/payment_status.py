from typing import Literal

PaymentStatus = Literal['authorized', 'captured', 'failed', 'partially_refunded', 'refunded', 'voided']

PAYMENT_STATUS_VALUES: set[PaymentStatus] = { 'authorized', 'captured', 'failed', 'partially_refunded', 'refunded', 'voided',  }

def check_payment_status(value: str) -> PaymentStatus:
    if value in PAYMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_STATUS_VALUES!r}")
