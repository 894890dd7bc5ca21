from enum import StrEnum

class PaymentRequestPaymentMethod(StrEnum):
    CARD = "card"

    def __str__(self) -> str:
        return str(self.value)
