from enum import StrEnum

class PayoutStatus(StrEnum):
    CANCELLED = "cancelled"
    DUE = "due"
    HELD = "held"
    PAID = "paid"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
