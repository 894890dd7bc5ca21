from enum import StrEnum

class CalendarImportStatus(StrEnum):
    CONFLICT = "conflict"
    FAILED = "failed"
    OK = "ok"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
