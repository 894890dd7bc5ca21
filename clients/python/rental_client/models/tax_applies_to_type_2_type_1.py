from enum import StrEnum

class TaxAppliesToType2Type1(StrEnum):
    NIGHTS = "nights"
    NIGHTS_AND_FEES = "nights_and_fees"

    def __str__(self) -> str:
        return str(self.value)
