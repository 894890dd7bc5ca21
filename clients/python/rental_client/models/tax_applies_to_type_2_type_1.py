from typing import Literal

TaxAppliesToType2Type1 = Literal['nights', 'nights_and_fees']

TAX_APPLIES_TO_TYPE_2_TYPE_1_VALUES: set[TaxAppliesToType2Type1] = { 'nights', 'nights_and_fees',  }

def check_tax_applies_to_type_2_type_1(value: str) -> TaxAppliesToType2Type1:
    if value in TAX_APPLIES_TO_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAX_APPLIES_TO_TYPE_2_TYPE_1_VALUES!r}")
