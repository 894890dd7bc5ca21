from enum import StrEnum

class UserRole(StrEnum):
    ADMIN = "admin"
    GUEST = "guest"
    HOST = "host"

    def __str__(self) -> str:
        return str(self.value)
