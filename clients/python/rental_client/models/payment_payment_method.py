from enum import StrEnum

class PaymentPaymentMethod(StrEnum):
    CARD = "card"

    def __str__(self) -> str:
        return str(self.value)
