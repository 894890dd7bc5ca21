from enum import StrEnum

class PhotoStatus(StrEnum):
    FAILED = "failed"
    PROCESSING = "processing"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
