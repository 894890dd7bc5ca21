from typing import Literal

PaymentRequestPaymentMethod = Literal['card']

PAYMENT_REQUEST_PAYMENT_METHOD_VALUES: set[PaymentRequestPaymentMethod] = { 'card',  }

def check_payment_request_payment_method(value: str) -> PaymentRequestPaymentMethod:
    if value in PAYMENT_REQUEST_PAYMENT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_REQUEST_PAYMENT_METHOD_VALUES!r}")
