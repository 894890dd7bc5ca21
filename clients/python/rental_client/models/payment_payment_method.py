from typing import Literal

PaymentPaymentMethod = Literal['card']

PAYMENT_PAYMENT_METHOD_VALUES: set[PaymentPaymentMethod] = { 'card',  }

def check_payment_payment_method(value: str) -> PaymentPaymentMethod:
    if value in PAYMENT_PAYMENT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_PAYMENT_METHOD_VALUES!r}")
