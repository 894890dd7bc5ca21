from enum import StrEnum

class TaxKind(StrEnum):
    PERCENT = "percent"
    PER_GUEST_NIGHT = "per_guest_night"

    def __str__(self) -> str:
        return str(self.value)
