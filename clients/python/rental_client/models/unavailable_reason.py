from enum import StrEnum

class UnavailableReason(StrEnum):
    BLOCKED = "blocked"
    BOOKED = "booked"

    def __str__(self) -> str:
        return str(self.value)
