from enum import StrEnum

class RegisterRole(StrEnum):
    GUEST = "guest"
    HOST = "host"

    def __str__(self) -> str:
        return str(self.value)
