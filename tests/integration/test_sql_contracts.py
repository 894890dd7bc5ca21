"""The SQL adapter passes the same contract tests as the in-memory one, on each database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rental.adapters.sqlalchemy import SqlReadModel, make_engine
from rental.application.queries import ReadModel
from tests.contracts.accounts_privacy import AccountsPrivacyContract
from tests.contracts.builders import UowFactory
from tests.contracts.calendars import CalendarQueriesContract
from tests.contracts.channel_sync import ChannelSyncContract
from tests.contracts.limits import LimitsContract
from tests.contracts.listing_calendars import ListingCalendarsContract
from tests.contracts.map_search import MapSearchContract
from tests.contracts.read_model import ReadModelContract
from tests.contracts.unit_of_work import UnitOfWorkContract
from tests.databases import sql_uow_factory


class SqlStorage:
    @pytest.fixture
    def engine(self, database_url: str) -> Iterator[object]:
        engine = make_engine(database_url)
        yield engine
        engine.dispose()

    @pytest.fixture
    def uow_factory(self, engine: object) -> UowFactory:
        return sql_uow_factory(engine)  # type: ignore[arg-type]

    @pytest.fixture
    def read_model(self, engine: object) -> ReadModel:
        return SqlReadModel(engine)  # type: ignore[arg-type]


class TestSqlUnitOfWork(SqlStorage, UnitOfWorkContract):
    pass


class TestSqlCalendarQueries(SqlStorage, CalendarQueriesContract):
    pass


class TestSqlReadModel(SqlStorage, ReadModelContract):
    pass


class TestSqlListingCalendars(SqlStorage, ListingCalendarsContract):
    pass


class TestSqlChannelSync(SqlStorage, ChannelSyncContract):
    pass


class TestSqlLimits(SqlStorage, LimitsContract):
    pass


class TestSqlMapSearch(SqlStorage, MapSearchContract):
    pass


class TestSqlAccountsPrivacy(SqlStorage, AccountsPrivacyContract):
    pass
