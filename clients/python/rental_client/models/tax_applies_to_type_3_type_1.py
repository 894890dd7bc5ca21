from typing import Literal

TaxAppliesToType3Type1 = Literal['nights', 'nights_and_fees']

TAX_APPLIES_TO_TYPE_3_TYPE_1_VALUES: set[TaxAppliesToType3Type1] = { 'nights', 'nights_and_fees',  }

def check_tax_applies_to_type_3_type_1(value: str) -> TaxAppliesToType3Type1:
    if value in TAX_APPLIES_TO_TYPE_3_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAX_APPLIES_TO_TYPE_3_TYPE_1_VALUES!r}")
