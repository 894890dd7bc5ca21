from typing import Literal

TaxKind = Literal['per_guest_night', 'percent']

TAX_KIND_VALUES: set[TaxKind] = { 'per_guest_night', 'percent',  }

def check_tax_kind(value: str) -> TaxKind:
    if value in TAX_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAX_KIND_VALUES!r}")
