"""The composition root, ``bootstrap()``: the one place where ports meet their adapters.

Nothing is built at import time. Flask's ``create_app()``, the worker, the CLI and other Python
services all call ``bootstrap(...)`` with the dependencies they want to choose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.calendar_format import IcalendarFormat
from rental.adapters.images.pillow import PillowImages
from rental.adapters.logging_payouts import LoggingPayoutGateway
from rental.adapters.look_alikes import UnicodeLookAlikes
from rental.adapters.media.files import FileMediaStore
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.system import SystemClock, UuidIds
from rental.application.account_reads import live_sessions
from rental.application.account_repositories import SessionView
from rental.application.administration.reads import AdminReads
from rental.application.bookkeeping import PayoutGateway
from rental.application.channel_sync import ChannelSync
from rental.application.commands import Actor, Command
from rental.application.consumers.account_mail import AccountMail
from rental.application.delivery import Consumer, ConsumerLedger, Outbox
from rental.application.dependencies import Dependencies
from rental.application.disabling import Account, Disabled, disable_account, release_payouts
from rental.application.exports import DataExportView, ExportWork, PersonalData
from rental.application.handlers import COMMAND_HANDLERS
from rental.application.housekeeping import expire_bookings, publish_reviews
from rental.application.media import MediaStore
from rental.application.messagebus import (
    EventHandler,
    InProcessPublisher,
    MessageBus,
    Publishers,
)
from rental.application.messaging.emails import MessageEmails, email_unread_messages
from rental.application.messaging.ports import MessageRate, MessagingQueries
from rental.application.messaging.reads import MessagingReads
from rental.application.money_jobs import Reconciliation, pay_hosts, reconcile_payments
from rental.application.payout_reads import PayoutView
from rental.application.photo_reads import PhotoReads
from rental.application.photo_work import PhotoWork
from rental.application.ports import (
    CalendarFormat,
    Clock,
    EventPublisher,
    FeedFetcher,
    IdGenerator,
    Notifier,
    PasswordHasher,
    PaymentGateway,
)
from rental.application.queries import MAX_PER_PAGE, PageRequest, ReadModel
from rental.application.reads import Reads
from rental.application.unit_of_work import UnitOfWork
from rental.application.wishlists.ports import WishlistQueries
from rental.application.wishlists.reads import WishlistReads
from rental.composition.delivery import EventDelivery, event_delivery
from rental.domain.events import Event
from rental.domain.limits import Limits
from rental.domain.payments.ledger import DEFAULT_HOST_FEE_PERCENT
from rental.settings import DatabaseTimeouts, MediaSettings, PaymentSettings, Settings

if TYPE_CHECKING:  # imported when used: see rental.adapters.telemetry.metrics on why
    from rental.adapters.telemetry.metrics import Probes

MEMORY_URL = "memory://"
# Read replicas: set by ``Rental.handle``, cleared by ``Rental.new_request`` (per thread/task).
_READS_ON_PRIMARY: ContextVar[bool] = ContextVar("rental_reads_on_primary", default=False)


class Rental:
    """A running ``rental``: send commands with ``handle``, read with ``reads``; ``delivery``
    moves committed events (``rental worker`` runs its relay and, with Redis, its queue)."""

    def __init__(
        self,
        *,
        bus: MessageBus,
        reads: Reads,
        dependencies: Dependencies,
        close: Callable[[], None] = lambda: None,
        delivery: EventDelivery | None = None,
        channel_sync: ChannelSync,
        probes: Probes | None = None,
        alert: Callable[[list[str]], None] = lambda problems: None,
        messaging: MessagingReads | None = None,
        media: MediaStore | None = None,
        media_files: FileMediaStore | None = None,
        photos: PhotoWork | None = None,
        photo_reads: PhotoReads | None = None,
        admin: AdminReads,
        wishlists: WishlistReads | None = None,
        exports: ExportWork | None = None,
    ) -> None:
        self.admin = admin
        self._alert = alert
        self.messaging = messaging
        self.wishlists = wishlists  # bootstrap() always gives them
        # Where photos' files go; ``media_files`` is the same store when it is the local file
        # system, which the API then serves under /media (None for S3).
        self.media = media if media is not None else media_files
        self.media_files = media_files
        self.photos = photos  # bootstrap() always gives them
        self.photo_reads = photo_reads
        self.exports = exports  # bootstrap() always gives them
        self.bus = bus
        self.probes = probes
        self.delivery = delivery
        self.channel_sync = channel_sync
        self.reads = reads
        self.dependencies = dependencies
        self._close = close

    def handle(self, command: Command) -> Any:
        """Handle ``command`` in its own transaction; return what its handler returns."""
        _READS_ON_PRIMARY.set(True)  # what the caller reads next must show what it wrote
        return self.bus.handle(command)

    def new_request(self) -> None:
        """A request starts: its reads may go to a replica until its first command."""
        _READS_ON_PRIMARY.set(False)

    def token_is_valid(self, user_id: str, jti: str, token_version: int) -> bool:
        """Whether a token of ``user_id`` still holds (asked on every authenticated request):
        the user exists and is enabled, ``token_version`` is current, ``jti`` not revoked."""
        return self.reads.token_is_valid(user_id, jti, token_version)

    def sessions(self, actor: Actor) -> list[SessionView]:
        """The actor's own live sessions, newest first (``GET /users/me/sessions``)."""
        return live_sessions(self.dependencies.uow_factory, self.dependencies.clock, actor)

    def expire_bookings(self, limit: int = 1000) -> dict[str, int]:
        """Expire overdue pending bookings and complete ended stays; how many of each."""
        return expire_bookings(self.bus, self.dependencies, limit)

    def publish_reviews(self, limit: int = 1000) -> int:
        """Publish the reviews whose stays' 14 days have ended; how many (``rental
        publish-reviews``; the worker runs it every few minutes)."""
        return publish_reviews(self.bus, self.dependencies, limit)

    def reconcile_payments(self, limit: int = 1000) -> Reconciliation:
        """Compare payments with the provider and repair what can be (``rental
        reconcile-payments``; the worker runs it hourly)."""
        return reconcile_payments(self.bus, self.dependencies, self._alert, limit)

    def pay_hosts(self, limit: int = 1000) -> dict[str, int]:
        """Pay the payouts that are due (``rental pay-hosts``)."""
        return pay_hosts(self.bus, self.dependencies, limit)

    def disable_account(self, account: Account) -> Disabled:
        """Disable an account (``rental disable-user``, ``POST /admin/users/{id}/disable``);
        a host's listings leave the market, their upcoming stays are cancelled with full
        refunds and their payouts held."""
        _READS_ON_PRIMARY.set(True)
        return disable_account(self.bus, self.dependencies, account)

    def release_payouts(self, account: Account) -> int:
        """Let a disabled host's held payouts be paid when due (``rental release-payouts``,
        ``POST /admin/users/{id}/release-payouts``)."""
        _READS_ON_PRIMARY.set(True)
        return release_payouts(self.bus, account)

    def payouts(self, actor: Actor) -> list[PayoutView]:
        """The actor's first 100 payouts, newest due first (``GET /payouts``'s first page at
        its largest), through the read model: a host's own, every one for an admin."""
        return self.reads.payouts(actor, PageRequest(1, MAX_PER_PAGE)).items

    def email_unread_messages(self, limit: int = 1000) -> int:
        """Send the emails about unread messages that are due (the worker runs it every
        minute); how many went out."""
        return email_unread_messages(self.bus.handle, self.dependencies, limit)

    def sweep_uploads(self) -> int:
        """Delete uploads that never became a photo, fail photos stuck processing a day, and
        delete the files of data exports past their 24 hours."""
        swept = self.photos.sweep_uploads() if self.photos else 0
        return swept + (self.exports.sweep_expired() if self.exports else 0)

    def data_export(self, actor: Actor, export_id: str) -> DataExportView:
        """The actor's own data export, with its download link while it lasts."""
        assert self.exports is not None
        return self.exports.view(actor, export_id)

    def close(self) -> None:
        self._close()


@frozen
class _Storage:
    uow_factory: Callable[[], UnitOfWork]
    read_model: ReadModel
    outbox: Outbox
    ledger: ConsumerLedger
    close: Callable[[], None]
    outbox_backlog: Callable[[datetime], tuple[int, datetime | None]] | None = None
    messaging: MessagingQueries | None = None
    photo_reads: PhotoReads | None = None
    wishlists: WishlistQueries | None = None
    personal_data: PersonalData | None = None


def _storage(database_url: str, timeouts: DatabaseTimeouts) -> _Storage:
    if database_url == MEMORY_URL:
        from rental.adapters.memory import (
            MemoryConsumerLedger,
            MemoryOutbox,
            MemoryReadModel,
            MemoryStore,
            MemoryUnitOfWork,
        )
        from rental.adapters.memory.exports import MemoryPersonalData
        from rental.adapters.memory.messaging import MemoryMessagingQueries
        from rental.adapters.memory.photo_reads import MemoryPhotoReads
        from rental.adapters.memory.wishlists import MemoryWishlistQueries

        store = MemoryStore()
        return _Storage(
            lambda: MemoryUnitOfWork(store),
            MemoryReadModel(store),
            MemoryOutbox(store),
            MemoryConsumerLedger(),
            lambda: None,
            messaging=MemoryMessagingQueries(store),
            photo_reads=MemoryPhotoReads(store),
            personal_data=MemoryPersonalData(store),
            wishlists=MemoryWishlistQueries(store),
        )
    from rental.adapters.sqlalchemy import (
        SqlReadModel,
        SqlUnitOfWork,
        make_engine,
        make_session_factory,
    )
    from rental.adapters.sqlalchemy.messaging import SqlMessagingQueries
    from rental.adapters.sqlalchemy.monitoring import outbox_backlog
    from rental.adapters.sqlalchemy.outbox import SqlConsumerLedger, SqlOutbox
    from rental.adapters.telemetry.metrics import watch_pool

    engine = make_engine(database_url, timeouts=timeouts)
    watch_pool(engine, "primary")
    session_factory = make_session_factory(engine)
    from rental.adapters.sqlalchemy.exports import SqlPersonalData
    from rental.adapters.sqlalchemy.photo_reads import SqlPhotoReads
    from rental.adapters.sqlalchemy.wishlists import SqlWishlistQueries

    return _Storage(
        lambda: SqlUnitOfWork(session_factory),
        SqlReadModel(engine),
        SqlOutbox(engine),
        SqlConsumerLedger(engine),
        engine.dispose,
        partial(outbox_backlog, engine),
        messaging=SqlMessagingQueries(engine),
        photo_reads=SqlPhotoReads(engine),
        personal_data=SqlPersonalData(engine),
        wishlists=SqlWishlistQueries(engine),
    )


def _with_replicas(
    storage: _Storage, database_url: str, urls: Sequence[str], max_lag: float, every: float
) -> _Storage:
    """``storage`` whose read model routes public reads to the replicas at ``urls``."""
    if not urls:
        return storage
    if not database_url.startswith("postgresql"):
        raise ValueError("Read replicas need a PostgreSQL primary (RENTAL_DATABASE_URL).")
    if not all(url.startswith("postgresql") for url in urls):
        raise ValueError("RENTAL_DATABASE_REPLICA_URL must name PostgreSQL servers only.")
    from rental.adapters.sqlalchemy import SqlReadModel, make_engine
    from rental.adapters.sqlalchemy.replicas import RoutedReadModel, replica_set
    from rental.adapters.telemetry.metrics import watch_pool

    replicas = replica_set(
        urls,
        make_engine=make_engine,
        make_read_model=SqlReadModel,
        max_lag_seconds=max_lag,
        check_every=every,
        on_engine=watch_pool,
    )

    def close() -> None:
        replicas.close()
        storage.close()

    return evolve(
        storage,
        read_model=RoutedReadModel(storage.read_model, replicas, _READS_ON_PRIMARY.get),
        close=close,
    )


def _notifier(smtp_url: str | None) -> Notifier:
    if smtp_url:
        from rental.adapters.smtp_notifier import SmtpNotifier

        return SmtpNotifier.from_url(smtp_url)
    from rental.adapters.logging_notifier import LoggingNotifier

    return LoggingNotifier()


def bootstrap(
    *,
    database_url: str = MEMORY_URL,
    clock: Clock | None = None,
    ids: IdGenerator | None = None,
    password_hasher: PasswordHasher | None = None,
    payment_gateway: PaymentGateway | None = None,
    event_handlers: Mapping[type[Event], Sequence[EventHandler]] | None = None,
    event_publisher: EventPublisher | None = None,
    redis_url: str | None = None,
    smtp_url: str | None = None,
    notifier: Notifier | None = None,
    redis_namespace: str = "rental",
    calendar_fetcher: FeedFetcher | None = None,
    ical_sync_minutes: int = 30,
    ical_allow_private_networks: bool = False,
    host_fee_percent: int = DEFAULT_HOST_FEE_PERCENT,
    database_timeouts: DatabaseTimeouts | None = None,
    payout_gateway: PayoutGateway | None = None,
    admin_email: str | None = None,
    database_replica_urls: Sequence[str] = (),
    replica_max_lag_seconds: float = 5.0,
    replica_check_every: float = 1.0,
    frontend_url: str = "http://localhost:3000",
    print_links: bool = False,
    require_verified_email: bool = False,
    sign_in_failures: int = 10,
    media_store: MediaStore | None = None,
    mail_dir: Path | None = None,
    limits: Limits | None = None,
    ical_max_events: int = 2000,
    ical_max_occurrences: int = 20_000,
    ical_sync_seconds: float = 10.0,
) -> Rental:
    """Build a ``Rental``.

    ``database_url`` is ``memory://`` (in-memory, nothing kept) or an SQLAlchemy URL
    (``sqlite:///var/rental.db``, ``postgresql+psycopg://…``, ``mysql+pymysql://…``) whose
    schema ``rental db upgrade`` has created. Every other dependency has a production default:
    the system clock, UUIDs, argon2, the sandbox gateway, events handled in process.

    Events go to the outbox with each change. Without ``redis_url`` (``RENTAL_REDIS_URL``) the
    consumers (emails) run in this process after the commit; with it, ``rental worker`` runs
    them through Dramatiq, and listings and search pages are cached in Redis under keys
    prefixed ``redis_namespace`` (revoked tokens stay in the database alone).
    Emails go through ``notifier``, else SMTP at ``smtp_url`` (``RENTAL_SMTP_URL``), else the
    log. ``event_handlers`` also run in process after commits. ``host_fee_percent``
    (``RENTAL_HOST_FEE_PERCENT``) is kept from the host's payout by the ledger; payouts go
    through ``payout_gateway`` (by default written to the log); what reconciliation cannot
    repair, and every disputed payment, is emailed to ``admin_email`` (``RENTAL_ADMIN_EMAIL``)
    as well as logged.
    ``database_timeouts`` bound every wait for the database (``RENTAL_DB_*``).
    ``limits`` bound what one account may hold at once (``RENTAL_MAX_*``);
    ``ical_max_events`` the events of one imported calendar (``RENTAL_ICAL_MAX_EVENTS``).

    Imported calendars are fetched every ``ical_sync_minutes`` by ``calendar_fetcher``, by
    default one that refuses addresses in private networks unless
    ``ical_allow_private_networks``.

    ``database_replica_urls`` (``RENTAL_DATABASE_REPLICA_URL``): PostgreSQL streaming
    replicas of ``database_url`` for the public reads, each checked every
    ``replica_check_every`` seconds and skipped while down or more than
    ``replica_max_lag_seconds`` behind (see ``rental.adapters.sqlalchemy.replicas``).

    Accounts: emailed links start with ``frontend_url`` (``RENTAL_FRONTEND_URL``) and are
    also logged when ``print_links`` (development); ``require_verified_email``
    (``RENTAL_REQUIRE_VERIFIED_EMAIL``) keeps unverified users from listing, booking and paying;
    ``sign_in_failures`` (``RENTAL_SIGNIN_FAILURES``) wrong passwords lock an account a while.

    ``mail_dir`` (``RENTAL_MAIL_DIR``, development): every email is also written there.

    Photos' files go to ``media_store`` (``media_store_from(settings)``), by default the local
    file system under ``var/media``.
    """
    clock = clock or SystemClock()
    media_store = media_store or FileMediaStore(Path("var") / "media", now=clock.now)
    primary = _storage(database_url, database_timeouts or DatabaseTimeouts())
    storage = _with_replicas(
        primary,
        database_url,
        database_replica_urls,
        replica_max_lag_seconds,
        replica_check_every,
    )
    uow_factory = storage.uow_factory
    counter = _message_rate(redis_url, redis_namespace)
    dependencies = Dependencies(
        uow_factory=uow_factory,
        clock=clock,
        ids=ids or UuidIds(),
        hasher=password_hasher or Argon2Hasher(),
        gateway=payment_gateway or SandboxGateway(),
        host_fee_percent=host_fee_percent,
        payouts=payout_gateway or LoggingPayoutGateway(),
        require_verified_email=require_verified_email,
        sign_in_failures=sign_in_failures,
        look_alikes=UnicodeLookAlikes(),
        message_rate=counter,
        limits=limits or Limits(),
        sync_rate=counter,
    )
    notifier = notifier or _notifier(smtp_url)
    if mail_dir is not None:
        from rental.adapters.mail_dir import MailDirNotifier

        notifier = MailDirNotifier(mail_dir, notifier)
    buses: list[MessageBus] = []  # the photos' consumers send commands to the bus made below
    photos = PhotoWork(
        handle=lambda command: buses[0].handle(command),
        uow_factory=uow_factory,
        media=media_store,
        images=PillowImages(),
        ids=dependencies.ids,
        clock=clock,
    )
    assert storage.personal_data is not None
    exports = ExportWork(
        handle=lambda command: buses[0].handle(command),
        uow_factory=uow_factory,
        media=media_store,
        personal_data=storage.personal_data,
        clock=clock,
    )
    channel_sync = _channel_sync(
        lambda command: buses[0].handle(command),
        dependencies,
        calendar_fetcher,
        ical_sync_minutes,
        ical_allow_private_networks,
        IcalendarFormat(max_events=ical_max_events, max_occurrences=ical_max_occurrences),
        ical_sync_seconds,
    )
    account_mail = AccountMail(
        lambda command: bus.handle(command),
        storage.read_model,
        notifier,
        frontend_url,
        print_links,
    )
    delivery = event_delivery(
        outbox=storage.outbox,
        ledger=storage.ledger,
        read_model=storage.read_model,
        notifier=notifier,
        in_process=InProcessPublisher(event_handlers or {}),
        redis_url=redis_url,
        redis_namespace=redis_namespace,
        admin_email=admin_email,
        consumers_beside=[
            *_message_emails(storage, notifier),
            *account_mail.consumers(),
            *photos.consumers(),
            *exports.consumers(),
            *channel_sync.consumers(),
        ],
    )
    from rental.adapters.telemetry.metrics import EventCounter

    bus = MessageBus(
        command_handlers=COMMAND_HANDLERS,
        dependencies=dependencies,
        publisher=Publishers(
            [
                EventCounter(),
                event_publisher or delivery.publisher,
                *_message_signals(redis_url, redis_namespace),
            ]
        ),
    )
    buses.append(bus)

    def close() -> None:
        delivery.close()
        storage.close()

    return Rental(
        bus=bus,
        reads=Reads(delivery.read_model, clock),
        admin=AdminReads(dependencies.uow_factory),
        dependencies=dependencies,
        close=close,
        delivery=delivery,
        alert=_admin_alert(notifier, admin_email),
        probes=_probes(storage, delivery),
        channel_sync=channel_sync,
        messaging=MessagingReads(storage.messaging) if storage.messaging else None,
        media=media_store,
        media_files=media_store if isinstance(media_store, FileMediaStore) else None,
        photos=photos,
        photo_reads=storage.photo_reads,
        wishlists=WishlistReads(storage.wishlists) if storage.wishlists else None,
        exports=exports,
    )


def _message_emails(storage: _Storage, notifier: Notifier) -> list[Consumer]:
    """The consumer writing emails about unread messages (the outbox delivers to it)."""
    if storage.messaging is None:
        return []
    emails = MessageEmails(storage.messaging, storage.read_model, notifier)
    return [emails.consumer()]


def _message_signals(redis_url: str | None, namespace: str) -> list[EventPublisher]:
    """With Redis, committed messages wake the long polls of ``rental serve-updates``."""
    if not redis_url:
        return []
    from rental.adapters.redis.updates import MessageSignals

    return [MessageSignals.from_url(redis_url, namespace)]


def _message_rate(redis_url: str | None, namespace: str) -> MessageRate:
    """Messages per sender and minute: counted in Redis, shared by every process, when there
    is one; else in this process."""
    if redis_url:
        from rental.adapters.redis.counters import RedisWindowCounter

        return RedisWindowCounter.from_url(redis_url, namespace)
    from rental.adapters.memory.messaging import MemoryMessageRate

    return MemoryMessageRate()


def _channel_sync(
    handle: Callable[[Command], Any],
    dependencies: Dependencies,
    fetcher: FeedFetcher | None,
    every_minutes: int,
    allow_private_networks: bool,
    calendar_format: CalendarFormat,
    seconds: float,
) -> ChannelSync:
    from rental.adapters.ical.fetcher import SafeFeedFetcher

    return ChannelSync(
        handle=handle,
        uow_factory=dependencies.uow_factory,
        clock=dependencies.clock,
        fetcher=fetcher or SafeFeedFetcher(allow_private_networks=allow_private_networks),
        calendar_format=calendar_format,
        every=timedelta(minutes=every_minutes),
        seconds=seconds,
    )


def _probes(storage: _Storage, delivery: EventDelivery) -> Probes:
    """What ``/metrics`` and the worker's metrics ask at each scrape."""
    from rental.adapters.telemetry.metrics import OutboxBacklog, Probes

    backlog_of = storage.outbox_backlog

    def outbox_backlog(now: datetime) -> OutboxBacklog:
        assert backlog_of is not None
        return OutboxBacklog(*backlog_of(now))

    queue = delivery.queue
    return Probes(
        outbox_backlog=None if backlog_of is None else outbox_backlog,
        queue_lengths=None if queue is None else queue.queue_lengths,
        dead_letters=None if queue is None else queue.dead_letters,
    )


def _admin_alert(notifier: Notifier, admin_email: str | None) -> Callable[[list[str]], None]:
    def alert(problems: list[str]) -> None:
        if admin_email:
            body = "Reconciliation could not repair these payments:\n\n" + "\n".join(problems)
            notifier.send(to=admin_email, subject="Payments to look at", body=body)

    return alert


def payment_gateway_from(payments: PaymentSettings) -> PaymentGateway:
    """The gateway ``RENTAL_PAYMENT_GATEWAY`` names: the sandbox, or Stripe with its key."""
    if payments.gateway == "stripe":
        from rental.adapters.stripe import StripeGateway

        return StripeGateway(payments.stripe_secret_key, api_base=payments.stripe_api_base)
    return SandboxGateway()


def bootstrap_from(settings: Settings, **overrides: Any) -> Rental:
    """``bootstrap()`` with what ``settings`` (the ``RENTAL_*`` environment) chooses: the
    database, Redis and its key prefix, SMTP, the payment gateway and the host fee.
    ``overrides`` replace or add keywords."""
    chosen: dict[str, Any] = {
        "database_url": settings.database_url,
        "redis_url": settings.redis_url,
        "redis_namespace": settings.redis_namespace,
        "smtp_url": settings.smtp_url,
        "ical_sync_minutes": settings.ical_sync_minutes,
        "ical_allow_private_networks": settings.ical_allow_private_networks,
        "host_fee_percent": settings.payments.host_fee_percent,
        "database_timeouts": settings.database_timeouts,
        "admin_email": settings.payments.admin_email,
        "database_replica_urls": settings.database_replica_urls,
        "replica_max_lag_seconds": settings.replica_max_lag_seconds,
        "frontend_url": settings.accounts.frontend_url,
        "print_links": settings.is_development,
        "require_verified_email": settings.accounts.require_verified_email,
        "sign_in_failures": settings.accounts.sign_in_failures,
        "mail_dir": settings.accounts.mail_dir,
        "limits": settings.limits.domain_limits(),
        "ical_max_events": settings.limits.ical_max_events,
        "ical_max_occurrences": settings.limits.ical_max_occurrences,
    }
    if "media_store" not in overrides:
        chosen["media_store"] = media_store_from(settings.media, settings.secret_key.encode())
    if "payment_gateway" not in overrides:
        chosen["payment_gateway"] = payment_gateway_from(settings.payments)
    return bootstrap(**(chosen | overrides))


def media_store_from(media: MediaSettings, signing_key: bytes | None = None) -> MediaStore:
    """The store ``RENTAL_MEDIA_*`` names: an S3 bucket when one is set, else the local file
    system under ``RENTAL_MEDIA_ROOT``, whose expiring links are signed with ``signing_key``
    (``RENTAL_SECRET_KEY``)."""
    if media.s3_bucket:
        from rental.adapters.media.s3 import S3MediaStore

        return S3MediaStore(
            bucket=media.s3_bucket,
            endpoint_url=media.s3_endpoint,
            access_key=media.s3_access_key,
            secret_key=media.s3_secret_key,
            region=media.s3_region,
            base_url=media.base_url,
        )
    return FileMediaStore(media.root, media.base_url or "/media", signing_key=signing_key)
