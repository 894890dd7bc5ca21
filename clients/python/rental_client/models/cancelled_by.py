from enum import StrEnum

class CancelledBy(StrEnum):
    GUEST = "guest"
    HOST = "host"

    def __str__(self) -> str:
        return str(self.value)
