from enum import StrEnum

class CancellationPolicy(StrEnum):
    FLEXIBLE = "flexible"
    MODERATE = "moderate"
    STRICT = "strict"

    def __str__(self) -> str:
        return str(self.value)
