from enum import StrEnum

class ReviewStatus(StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
