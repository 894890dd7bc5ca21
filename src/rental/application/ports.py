"""Ports to the world outside the application: each a small documented Protocol."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from attrs import frozen

from rental.domain.channel_sync.export import ExportedEvent
from rental.domain.channel_sync.imports import FeedEvent
from rental.domain.events import Event
from rental.domain.money import Money


class Clock(Protocol):
    """Tells the time. Adapters: the system clock; a settable clock in tests."""

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class IdGenerator(Protocol):
    """Makes opaque, unguessable ids (UUIDs)."""

    def new_id(self) -> str: ...


class PasswordHasher(Protocol):
    """Slow, salted password hashing (argon2)."""

    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True when ``password`` matches; never raises for a mismatch."""
        ...


class CardDeclined(Exception):
    """The gateway refused the payment method; ``reason`` is safe to show the payer."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@frozen
class ProviderPayment:
    """What the payment provider holds for one of our payments, as it says now.

    ``status`` is ``authorized`` (held, not captured), ``captured``, ``voided`` (cancelled
    before capture) or ``failed``; ``refunded`` is what it has given back, in minor units.
    ``booking_id`` and ``payer_id`` are our ids, carried by the provider's copy so that money
    whose record we lost can be matched to its booking."""

    reference: str
    status: str
    amount: int
    currency: str
    refunded: int = 0
    booking_id: str | None = None
    payer_id: str | None = None


@frozen
class ProviderEvent:
    """A webhook event of the payment provider, verified, reduced to what we act on.

    ``reference`` is the provider's payment (PaymentIntent) it concerns; ``refunded`` the
    total refunded so far (``charge.refunded``); ``disputed`` the amount a dispute claims.
    ``handled`` is False for types we do not act on (they are acknowledged, not stored)."""

    id: str
    type: str
    reference: str | None
    refunded: int = 0
    disputed: int = 0
    failure_reason: str | None = None
    handled: bool = True


@frozen
class PaymentTags:
    """Our ids, sent along with an authorization so the provider's record names them. Not the
    payment's own id: a request retried after a timeout makes a new one, and Stripe refuses
    an idempotency key sent again with other parameters."""

    booking_id: str
    payer_id: str


class PaymentGateway(Protocol):
    """A card processor with separate authorization and capture (Stripe-like).

    ``authorize`` and ``charge`` raise ``CardDeclined`` when the card is refused and
    ``rental.domain.errors.UnknownPaymentToken`` for a token it does not know; every call raises
    ``rental.domain.errors.PaymentProviderUnavailable`` when the provider times out, fails or
    rate-limits (the money may have moved: reconciliation finds out). ``void`` is idempotent:
    voiding an authorization already voided (or lapsed) succeeds. Every call that moves money
    takes an idempotency key derived from our own ids, so a retried command moves it once.
    """

    def authorize(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        """Hold ``amount`` on the card; return the gateway's reference for it."""
        ...

    def charge(
        self, token: str, amount: Money, idempotency_key: str, tags: PaymentTags | None = None
    ) -> str:
        """Take ``amount`` at once (instant book); return the gateway's reference for it."""
        ...

    def capture(self, reference: str, amount: Money, idempotency_key: str) -> None:
        """Take the held ``amount``; the same ``idempotency_key`` again takes nothing more."""
        ...

    def void(self, reference: str) -> None: ...

    def refund(self, reference: str, amount: Money, idempotency_key: str) -> None:
        """Give back ``amount`` of what was captured; the same ``idempotency_key`` again
        gives nothing more, so a command retried after a failed commit never refunds twice."""
        ...

    def lookup(self, reference: str) -> ProviderPayment:
        """The provider's view of one payment, to reconcile ours with."""
        ...

    def recent(self, since: datetime) -> Iterable[ProviderPayment]:
        """The payments made through us since ``since``, ours or ones whose record we lost."""
        ...


class Notifier(Protocol):
    """Sends a message to a person (email)."""

    def send(self, *, to: str, subject: str, body: str) -> None: ...


class EventPublisher(Protocol):
    """Hands committed domain events to their handlers (in process, or through a broker)."""

    def publish(self, events: Sequence[Event]) -> None: ...


# -- channel sync (iCal) -------------------------------------------------------------------
class CalendarFeedError(Exception):
    """A calendar feed could not be fetched or read. ``reason`` is safe to show the import's
    host: it never holds the URL (whose path is often the other platform's secret)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@frozen
class FetchedFeed:
    """A feed's body, or ``body`` None when the server said 304 Not Modified; with the
    validators to send next time."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


class WindowCounter(Protocol):
    """Counts hits of a key per fixed window, across every server process (Redis) when
    there is more than one."""

    def hit(self, key: str, window: int, period: int) -> int:
        """Count one more in window number ``window`` (of ``period`` seconds); the count."""


class FeedFetcher(Protocol):
    """Fetches a calendar feed from another platform over HTTP(S), defensively: a time limit,
    a size limit, few redirects, and never an address inside our own network (checked after
    DNS and after each redirect) unless configured for a closed network. Raises
    ``CalendarFeedError`` for any failure."""

    def fetch(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        deadline: float | None = None,
    ) -> FetchedFeed:
        """GET ``url``, conditionally on ``etag`` / ``last_modified`` when given, done by
        ``deadline`` (``time.monotonic()``; by default the fetcher's own time limit)."""
        ...


class CalendarFormat(Protocol):
    """Reads and writes iCalendar (RFC 5545) text."""

    def parse(
        self, body: bytes, *, start: datetime, end: datetime, deadline: float | None = None
    ) -> list[FeedEvent]:
        """The events of a feed overlapping ``[start, end)``, recurring ones expanded there
        only; raises ``CalendarFeedError`` for a body that is not UTF-8 or not a whole
        iCalendar object, past the format's caps, or when not done by ``deadline``
        (``time.monotonic()``; by default the format's own time limit)."""
        ...

    def render(self, events: Sequence[ExportedEvent], *, name: str) -> bytes:
        """A VCALENDAR of all-day VEVENTs, deterministic: the same events give the same bytes."""
        ...
