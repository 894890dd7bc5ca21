"""The in-memory adapter passes the same contract tests as the SQL one."""

from __future__ import annotations

import pytest

from rental.adapters.memory import MemoryReadModel, MemoryStore, MemoryUnitOfWork
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


class MemoryStorage:
    @pytest.fixture
    def store(self) -> MemoryStore:
        return MemoryStore()

    @pytest.fixture
    def uow_factory(self, store: MemoryStore) -> UowFactory:
        return lambda: MemoryUnitOfWork(store)

    @pytest.fixture
    def read_model(self, store: MemoryStore) -> ReadModel:
        return MemoryReadModel(store)


class TestMemoryUnitOfWork(MemoryStorage, UnitOfWorkContract):
    pass


class TestMemoryCalendarQueries(MemoryStorage, CalendarQueriesContract):
    pass


class TestMemoryReadModel(MemoryStorage, ReadModelContract):
    pass


class TestMemoryListingCalendars(MemoryStorage, ListingCalendarsContract):
    pass


class TestMemoryChannelSync(MemoryStorage, ChannelSyncContract):
    pass


class TestMemoryLimits(MemoryStorage, LimitsContract):
    pass


class TestMemoryMapSearch(MemoryStorage, MapSearchContract):
    pass


class TestMemoryAccountsPrivacy(MemoryStorage, AccountsPrivacyContract):
    pass
