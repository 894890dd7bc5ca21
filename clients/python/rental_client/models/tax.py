from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tax_applies_to_type_1 import check_tax_applies_to_type_1
from ..models.tax_applies_to_type_1 import TaxAppliesToType1
from ..models.tax_applies_to_type_2_type_1 import check_tax_applies_to_type_2_type_1
from ..models.tax_applies_to_type_2_type_1 import TaxAppliesToType2Type1
from ..models.tax_applies_to_type_3_type_1 import check_tax_applies_to_type_3_type_1
from ..models.tax_applies_to_type_3_type_1 import TaxAppliesToType3Type1
from ..models.tax_kind import check_tax_kind
from ..models.tax_kind import TaxKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Tax")



@_attrs_define
class Tax:
    """ 
        Attributes:
            name (str):
            kind (TaxKind):
            amount (int): Basis points for `percent` (at most 10000), minor units for `per_guest_night`.
            applies_to (None | TaxAppliesToType1 | TaxAppliesToType2Type1 | TaxAppliesToType3Type1 | Unset): `nights`: the
                nights after any discount; `nights_and_fees`: those plus the cleaning and extra-guest fees (never the service
                fee). Required for `percent`, null for `per_guest_night`.
     """

    name: str
    kind: TaxKind
    amount: int
    applies_to: None | TaxAppliesToType1 | TaxAppliesToType2Type1 | TaxAppliesToType3Type1 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str = self.kind

        amount = self.amount

        applies_to: None | str | Unset
        if isinstance(self.applies_to, Unset):
            applies_to = UNSET
        elif isinstance(self.applies_to, str):
            applies_to = self.applies_to
        elif isinstance(self.applies_to, str):
            applies_to = self.applies_to
        elif isinstance(self.applies_to, str):
            applies_to = self.applies_to
        else:
            applies_to = self.applies_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "kind": kind,
            "amount": amount,
        })
        if applies_to is not UNSET:
            field_dict["applies_to"] = applies_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = check_tax_kind(d.pop("kind"))




        amount = d.pop("amount")

        def _parse_applies_to(data: object) -> None | TaxAppliesToType1 | TaxAppliesToType2Type1 | TaxAppliesToType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applies_to_type_1 = check_tax_applies_to_type_1(data)



                return applies_to_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applies_to_type_2_type_1 = check_tax_applies_to_type_2_type_1(data)



                return applies_to_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applies_to_type_3_type_1 = check_tax_applies_to_type_3_type_1(data)



                return applies_to_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxAppliesToType1 | TaxAppliesToType2Type1 | TaxAppliesToType3Type1 | Unset, data)

        applies_to = _parse_applies_to(d.pop("applies_to", UNSET))


        tax = cls(
            name=name,
            kind=kind,
            amount=amount,
            applies_to=applies_to,
        )

        return tax

