"""Taxes a host charges on a stay: a percentage of the nights (or of nights and fees), or an
amount per guest per night."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from attrs import frozen

from rental.domain.errors import InvalidInput
from rental.domain.money import basis_points_of
from rental.domain.text import check_text

MAX_TAXES = 5
MAX_TAX_NAME = 50
WHOLE = 10_000  # basis points in 100 %
MAX_PER_GUEST_NIGHT = 1_000_000_000


class TaxKind(StrEnum):
    PERCENT = "percent"  # ``amount`` in basis points of ``applies_to``
    PER_GUEST_NIGHT = "per_guest_night"  # ``amount`` minor units per guest per night


class TaxBase(StrEnum):
    """What a percentage tax is a share of: the nights after any discount, or those plus the
    host's fees (cleaning and extra guests). Never the service fee, never another tax."""

    NIGHTS = "nights"
    NIGHTS_AND_FEES = "nights_and_fees"


@frozen
class Tax:
    """One tax of a listing."""

    name: str
    kind: str
    amount: int
    applies_to: str | None = None

    def charge(self, *, nights_amount: int, fees: int, guest_nights: int) -> int:
        """What this tax adds to a stay, rounded half up (``money.share_of``)."""
        if self.kind == TaxKind.PER_GUEST_NIGHT:
            return self.amount * guest_nights
        base = nights_amount + (fees if self.applies_to == TaxBase.NIGHTS_AND_FEES else 0)
        return basis_points_of(base, self.amount)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "amount": self.amount,
            "applies_to": self.applies_to,
        }


def _check_tax(errors: dict[str, list[str]], at: str, value: Any) -> Tax | None:
    if isinstance(value, Tax):
        value = value.as_dict()
    if not isinstance(value, Mapping):
        errors[at] = ["must be an object {name, kind, amount, applies_to}."]
        return None
    unknown = set(value) - {"name", "kind", "amount", "applies_to"}
    for name in sorted(unknown):
        errors[f"{at}.{name}"] = ["is not a tax field."]
    name, kind = value.get("name"), value.get("kind")
    amount, applies_to = value.get("amount"), value.get("applies_to")
    if not isinstance(name, str) or not name.strip():
        errors[f"{at}.name"] = [f"must be a name of 1 to {MAX_TAX_NAME} characters."]
    else:
        check_text(errors, f"{at}.name", name, limit=MAX_TAX_NAME, multiline=False)
    if kind not in {k.value for k in TaxKind}:
        errors[f"{at}.kind"] = ["must be percent or per_guest_night."]
    high = WHOLE if kind == TaxKind.PERCENT else MAX_PER_GUEST_NIGHT
    if isinstance(amount, bool) or not isinstance(amount, int):
        errors[f"{at}.amount"] = ["must be an integer."]
    elif not 0 <= amount <= high:
        what = "basis points (at most 100 %)" if kind == TaxKind.PERCENT else "minor units"
        errors[f"{at}.amount"] = [f"must be between 0 and {high} {what}."]
    if kind == TaxKind.PERCENT and applies_to is None:
        applies_to = TaxBase.NIGHTS.value  # the default base of a percentage
    if kind == TaxKind.PER_GUEST_NIGHT:
        applies_to = None  # a base means nothing to an amount per guest and night
    if applies_to is not None and applies_to not in {b.value for b in TaxBase}:
        errors[f"{at}.applies_to"] = ["must be nights, nights_and_fees or null."]
    if any(key.startswith(at) for key in errors):
        return None
    assert isinstance(name, str) and isinstance(kind, str) and isinstance(amount, int)
    return Tax(name.strip(), kind, amount, applies_to)


def check_taxes(value: Any, field: str = "taxes") -> tuple[Tax, ...]:
    """Validate a listing's taxes (at most ``MAX_TAXES``); raise ``InvalidInput`` naming each
    broken item as ``taxes.<index>.<field>``."""
    if not isinstance(value, list | tuple):
        raise InvalidInput.field(field, "must be a list of taxes.")
    if len(value) > MAX_TAXES:
        raise InvalidInput.field(field, f"must have at most {MAX_TAXES} taxes.")
    errors: dict[str, list[str]] = {}
    taxes = [_check_tax(errors, f"{field}.{i}", item) for i, item in enumerate(value)]
    if errors:
        raise InvalidInput(errors)
    return tuple(tax for tax in taxes if tax is not None)


def taxes_of(value: Iterable[Tax | Mapping[str, Any]] | None) -> tuple[Tax, ...]:
    """Taxes as stored (a JSON list) or as values, without validation (stored ones were)."""
    return tuple(item if isinstance(item, Tax) else Tax(**dict(item)) for item in (value or ()))
