"""Column types of prices by date: a listing's taxes, a booking's nightly and tax lines, as
JSON that reads back as the domain's frozen values."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from rental.adapters.sqlalchemy.types import json_type
from rental.domain.bookings.policies import NightlyPrice, TaxLine
from rental.domain.calendar.taxes import Tax, taxes_of


class _Json(TypeDecorator[Any]):
    impl = json_type()
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(json_type())


class TaxesColumn(_Json):
    """A listing's taxes: ``[{name, kind, amount, applies_to}]``."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return [tax.as_dict() for tax in taxes_of(value)]

    def process_result_value(self, value: Any, dialect: Dialect) -> list[Tax]:
        return list(taxes_of(value))


class NightlyColumn(_Json):
    """A booking's nightly lines: ``[[date, price], ...]``."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return [[line.date.isoformat(), line.price] for line in value or ()]

    def process_result_value(self, value: Any, dialect: Dialect) -> tuple[NightlyPrice, ...]:
        return tuple(NightlyPrice(date.fromisoformat(d), price) for d, price in value or ())


class TaxLinesColumn(_Json):
    """A booking's tax lines: ``[[name, amount], ...]``."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return [[line.name, line.amount] for line in value or ()]

    def process_result_value(self, value: Any, dialect: Dialect) -> tuple[TaxLine, ...]:
        return tuple(TaxLine(name, amount) for name, amount in value or ())
