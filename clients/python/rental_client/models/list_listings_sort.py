from enum import StrEnum

class ListListingsSort(StrEnum):
    NEWEST = "newest"
    PRICE = "price"
    RATING = "rating"
    VALUE_1 = "-price"

    def __str__(self) -> str:
        return str(self.value)
