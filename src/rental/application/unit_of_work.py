"""The unit of work: one transaction, the repositories inside it, and the events it commits."""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self

from rental.application.account_repositories import (
    LoginSessions,
    OneTimeTokens,
    SignInFailures,
    StoredEvents,
)
from rental.application.administration.audit import AuditLog, money_entries
from rental.application.bookkeeping import Ledger, PayoutStore, ProviderEvents
from rental.application.export_repository import DataExports
from rental.application.messaging.ports import ThreadRepository, UserBlockRepository
from rental.application.photo_repository import PhotoRepository
from rental.application.repositories import (
    BlockRepository,
    BookingRepository,
    CalendarRepository,
    ChannelFeedRepository,
    ChannelImportRepository,
    IdempotencyStore,
    ListingRepository,
    PaymentRepository,
    ReviewRepository,
    RevokedTokens,
    Tracking,
    UserRepository,
)
from rental.application.wishlists.ports import WishlistRepository
from rental.domain.events import Event

logger = logging.getLogger(__name__)


class UnitOfWork(abc.ABC):
    """A transaction over every repository.

    ``commit()`` pulls the events of the aggregates the repositories have seen and stores them
    with the change (the SQL adapter writes them to its outbox in the same transaction), and
    appends an audit entry for each movement of money among them (``money_entries``); after
    the commit they wait in ``collect_new_events()`` for the message bus. Leaving the ``with``
    block without committing rolls back, and the events recorded are dropped.
    """

    users: UserRepository
    listings: ListingRepository
    calendars: CalendarRepository
    blocks: BlockRepository
    bookings: BookingRepository
    payments: PaymentRepository
    reviews: ReviewRepository
    idempotency: IdempotencyStore
    revoked_tokens: RevokedTokens
    ledger: Ledger
    payouts: PayoutStore
    provider_events: ProviderEvents
    channel_feeds: ChannelFeedRepository
    channel_imports: ChannelImportRepository
    one_time_tokens: OneTimeTokens
    login_sessions: LoginSessions
    sign_in_failures: SignInFailures
    stored_events: StoredEvents
    data_exports: DataExports
    threads: ThreadRepository
    user_blocks: UserBlockRepository
    photos: PhotoRepository
    wishlists: WishlistRepository
    audit: AuditLog

    def __init__(self) -> None:
        self._committed_events: list[Event] = []
        self._after_commit: list[Callable[[], None]] = []
        self._recorded: list[Event] = []

    def record(self, event: Event) -> None:
        """An event that no aggregate owns (a password reset asked for an address that may
        have no account), committed with this transaction like the aggregates' own."""
        self._recorded.append(event)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._after_commit.clear()
        self._recorded.clear()
        self.rollback()

    def on_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` only once this transaction has committed, never if it rolls back.

        For side effects outside the database that must follow the recorded change, such as
        releasing a card authorization: a failure is logged, the committed change stands.
        """
        self._after_commit.append(action)

    def _repositories(self) -> list[Tracking]:
        return [
            self.users,
            self.listings,
            self.calendars,
            self.bookings,
            self.payments,
            self.reviews,
            self.channel_feeds,
            self.channel_imports,
            self.threads,
            self.photos,
            self.wishlists,
            self.data_exports,
        ]

    def commit(self) -> None:
        self.calendars.keep_changes()
        events = [e for repo in self._repositories() for a in repo.seen for e in a.pull_events()]
        events, self._recorded = [*events, *self._recorded], []
        self.audit.append(money_entries(events))
        self._store_events(events)
        self._commit()
        self._committed_events.extend(events)
        actions, self._after_commit = self._after_commit, []
        for action in actions:
            try:
                action()
            except Exception:
                logger.exception("an action after commit failed; the committed change stands")

    def collect_new_events(self) -> list[Event]:
        """Events committed since the last call, oldest first."""
        events, self._committed_events = self._committed_events, []
        return sorted(events, key=lambda e: e.occurred_at)

    def _store_events(self, events: list[Event]) -> None:  # noqa: B027 - optional hook
        """Write events with the change (an outbox); by default they are not stored."""

    @abc.abstractmethod
    def _commit(self) -> None: ...

    @abc.abstractmethod
    def rollback(self) -> None: ...
