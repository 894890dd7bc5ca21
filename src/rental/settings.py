"""Settings from ``RENTAL_*`` environment variables, validated at start with a clear message."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from rental.domain.limits import Limits
from rental.domain.payments.ledger import DEFAULT_HOST_FEE_PERCENT

RATE_LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)\s*$")
REDIS_NAMESPACE_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
PERIOD_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
DEFAULT_DATABASE_URL = f"sqlite:///{Path('var') / 'rental.db'}"
DEVELOPMENT_SECRET = "development-only-secret-key-change-me-0123456789"  # noqa: S105
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
ORIGIN_PATTERN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("json", "text")
DEFAULT_REPLICA_MAX_LAG_SECONDS = 5.0
MIN_METRICS_TOKEN_LENGTH = 16
PAYMENT_GATEWAYS = ("sandbox", "stripe")
STRIPE_API_BASE = "https://api.stripe.com"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message says which and how to fix it."""


@frozen
class RateLimit:
    """``count`` requests per ``period_seconds``."""

    count: int
    period_seconds: int

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        match = RATE_LIMIT_PATTERN.match(text)
        if not match or int(match.group(1)) < 1:
            raise SettingsError(
                f"RENTAL_AUTH_RATE_LIMIT={text!r} is not N/second, N/minute, N/hour or N/day "
                "with N >= 1."
            )
        return cls(int(match.group(1)), PERIOD_SECONDS[match.group(2)])


@frozen(kw_only=True)
class DatabaseTimeouts:
    """Bounds on waiting for the database, so that a server that refuses, hangs or holds a
    lock fails a request in bounded time instead of holding its thread: seconds to connect
    (``RENTAL_DB_CONNECT_TIMEOUT``, 5), to wait for a pooled connection
    (``RENTAL_DB_POOL_TIMEOUT``, 5), and milliseconds a statement may run
    (``RENTAL_DB_STATEMENT_TIMEOUT_MS``, 15,000) or wait for a lock
    (``RENTAL_DB_LOCK_TIMEOUT_MS``, 5,000; PostgreSQL and MariaDB)."""

    connect_seconds: int = 5
    pool_seconds: int = 5
    statement_ms: int = 15_000
    lock_ms: int = 5_000

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DatabaseTimeouts:
        return cls(
            connect_seconds=_positive(env, "RENTAL_DB_CONNECT_TIMEOUT", 5),
            pool_seconds=_positive(env, "RENTAL_DB_POOL_TIMEOUT", 5),
            statement_ms=_positive(env, "RENTAL_DB_STATEMENT_TIMEOUT_MS", 15_000),
            lock_ms=_positive(env, "RENTAL_DB_LOCK_TIMEOUT_MS", 5_000),
        )


@frozen(kw_only=True)
class Settings:
    """Everything configurable, with its environment variable in the docstring of ``from_env``."""

    env: str = "production"
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    redis_namespace: str = "rental"
    smtp_url: str | None = None
    secret_key: str = DEVELOPMENT_SECRET
    auth_rate_limit: RateLimit = RateLimit(10, 60)
    access_token_minutes: int = 15
    refresh_token_days: int = 30
    log_level: str = "INFO"
    # Operations: log lines, /metrics, read replicas.
    log_format: str = "text"
    metrics_token: str | None = None
    database_replica_urls: tuple[str, ...] = ()
    replica_max_lag_seconds: float = DEFAULT_REPLICA_MAX_LAG_SECONDS
    # Channel sync: how often each imported calendar is fetched, and whether feed URLs may
    # point into private networks (tests, closed networks; never on the open internet).
    ical_sync_minutes: int = 30
    ical_allow_private_networks: bool = False
    payments: PaymentSettings = field(factory=lambda: PaymentSettings())
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    database_timeouts: DatabaseTimeouts = DatabaseTimeouts()
    # HTTP caching and browsers (integrator's section).
    public_max_age: int = 30
    cors_origins: tuple[str, ...] = ()
    cors_credentials: bool = False
    accounts: AccountSettings = field(factory=lambda: AccountSettings())
    media: MediaSettings = field(factory=lambda: MediaSettings())
    limits: AbuseLimits = field(factory=lambda: AbuseLimits())
    # Where clients reach the API (absolute URLs it hands out are built on it, never on Host).
    public_url: str | None = None

    @property
    def is_development(self) -> bool:
        return self.env == "development"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read ``RENTAL_ENV`` (development | production | test), ``RENTAL_DATABASE_URL``
        (default ``sqlite:///var/rental.db``), ``RENTAL_REDIS_URL``, ``RENTAL_REDIS_NAMESPACE``
        (key prefix, default ``rental``, so several deployments can share one Redis),
        ``RENTAL_SMTP_URL``,
        ``RENTAL_SECRET_KEY`` (required, 32+ characters, unless development),
        ``RENTAL_AUTH_RATE_LIMIT`` (default ``10/minute``), ``RENTAL_ACCESS_TOKEN_MINUTES``
        (15), ``RENTAL_REFRESH_TOKEN_DAYS`` (30), ``RENTAL_LOG_LEVEL`` (INFO),
        ``RENTAL_MAX_BODY_BYTES`` (1 MiB: a larger request body answers 413 unread), the
        ``RENTAL_DB_*`` timeouts of ``DatabaseTimeouts``, the
        payment settings of ``PaymentSettings.from_env``, ``RENTAL_ICAL_SYNC_MINUTES`` (30)
        and ``RENTAL_ICAL_ALLOW_PRIVATE_NETWORKS`` (0 or 1).

        Operations: ``RENTAL_LOG_FORMAT`` (``json`` | ``text``; json in production, else text),
        ``RENTAL_METRICS_TOKEN`` (16+ characters; ``/metrics`` answers only a request bearing
        it, and is not served without it), ``RENTAL_DATABASE_REPLICA_URL`` (read replicas,
        several separated by commas or spaces), ``RENTAL_REPLICA_MAX_LAG_SECONDS`` (5): a
        replica further behind the primary is skipped.

        HTTP caching and browsers: ``RENTAL_PUBLIC_MAX_AGE`` (seconds public reads may be
        cached, 30; 0 allowed), ``RENTAL_CORS_ORIGINS`` (comma-separated origins browsers may
        call from; none by default) and ``RENTAL_CORS_CREDENTIALS`` (``true`` to allow cookies;
        never with ``*``).

        Limits against abuse: those of ``AbuseLimits.from_env``. ``RENTAL_PUBLIC_URL``
        (``https://rental.example.com``, optionally with a path): the base of the absolute URLs
        the API hands out (a listing's calendar-feed URL); never taken from a request."""
        env = os.environ if environ is None else environ
        name = env.get("RENTAL_ENV", "production").strip() or "production"
        if name not in ("development", "production", "test"):
            raise SettingsError(f"RENTAL_ENV={name!r} must be development, production or test.")
        secret = env.get("RENTAL_SECRET_KEY", "")
        if not secret:
            if name == "production":
                raise SettingsError(
                    "RENTAL_SECRET_KEY is required (32+ random characters), "
                    "unless RENTAL_ENV=development."
                )
            secret = DEVELOPMENT_SECRET
        elif len(secret) < 32:
            raise SettingsError("RENTAL_SECRET_KEY must be at least 32 characters long.")
        return cls(
            env=name,
            database_url=env.get("RENTAL_DATABASE_URL") or DEFAULT_DATABASE_URL,
            redis_url=env.get("RENTAL_REDIS_URL") or None,
            redis_namespace=_redis_namespace(env.get("RENTAL_REDIS_NAMESPACE") or "rental"),
            smtp_url=env.get("RENTAL_SMTP_URL") or None,
            secret_key=secret,
            auth_rate_limit=RateLimit.parse(env.get("RENTAL_AUTH_RATE_LIMIT", "10/minute")),
            access_token_minutes=_positive(env, "RENTAL_ACCESS_TOKEN_MINUTES", 15),
            refresh_token_days=_positive(env, "RENTAL_REFRESH_TOKEN_DAYS", 30),
            log_level=_log_level(env.get("RENTAL_LOG_LEVEL", "INFO")),
            **_operations(env, name),
            ical_sync_minutes=_positive(env, "RENTAL_ICAL_SYNC_MINUTES", 30),
            ical_allow_private_networks=_flag(env, "RENTAL_ICAL_ALLOW_PRIVATE_NETWORKS"),
            payments=PaymentSettings.from_env(env),
            max_body_bytes=_positive(env, "RENTAL_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            database_timeouts=DatabaseTimeouts.from_env(env),
            public_max_age=_public_max_age(env),
            cors_origins=_cors_origins(env),
            cors_credentials=_cors_credentials(env),
            accounts=AccountSettings.from_env(env, name),
            media=MediaSettings.from_env(env),
            limits=AbuseLimits.from_env(env),
            public_url=_public_url(env.get("RENTAL_PUBLIC_URL", "")),
        )


def _log_level(raw: str) -> str:
    level = raw.strip().upper() or "INFO"
    if level not in LOG_LEVELS:
        raise SettingsError(f"RENTAL_LOG_LEVEL={raw!r} must be one of {', '.join(LOG_LEVELS)}.")
    return level


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SettingsError(f"{name}={raw!r} must be a positive whole number.")
    return int(raw)


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = (env.get(name) or "0").strip().lower()
    if raw not in ("0", "1", "true", "false", "yes", "no"):
        raise SettingsError(f"{name}={raw!r} must be 0 or 1.")
    return raw in ("1", "true", "yes")


def _redis_namespace(raw: str) -> str:
    if not REDIS_NAMESPACE_PATTERN.match(raw):
        raise SettingsError(
            f"RENTAL_REDIS_NAMESPACE={raw!r} must be 1 to 64 letters, digits, '.', '_' or '-'."
        )
    return raw


def _operations(env: Mapping[str, str], name: str) -> dict[str, Any]:
    """The settings of logs, metrics and replicas, checked like the others."""
    log_format = (env.get("RENTAL_LOG_FORMAT") or "").strip().lower()
    log_format = log_format or ("json" if name == "production" else "text")
    if log_format not in LOG_FORMATS:
        raise SettingsError(f"RENTAL_LOG_FORMAT={log_format!r} must be json or text.")
    token = env.get("RENTAL_METRICS_TOKEN") or None
    if token is not None and len(token) < MIN_METRICS_TOKEN_LENGTH:
        raise SettingsError(
            f"RENTAL_METRICS_TOKEN must be at least {MIN_METRICS_TOKEN_LENGTH} characters long."
        )
    replicas = tuple(re.split(r"[\s,]+", env.get("RENTAL_DATABASE_REPLICA_URL", "").strip()))
    if any(not url.startswith("postgresql") for url in replicas if url):
        raise SettingsError(
            "RENTAL_DATABASE_REPLICA_URL must name PostgreSQL streaming replicas "
            "(postgresql+psycopg://…), separated by commas or spaces."
        )
    raw_lag = env.get("RENTAL_REPLICA_MAX_LAG_SECONDS", "").strip()
    try:
        lag = float(raw_lag) if raw_lag else DEFAULT_REPLICA_MAX_LAG_SECONDS
    except ValueError:
        lag = -1.0
    if not lag >= 0 or lag == float("inf"):
        raise SettingsError(
            f"RENTAL_REPLICA_MAX_LAG_SECONDS={raw_lag!r} must be a number of seconds, 0 or more."
        )
    return {
        "log_format": log_format,
        "metrics_token": token,
        "database_replica_urls": tuple(url for url in replicas if url),
        "replica_max_lag_seconds": lag,
    }


@frozen(kw_only=True)
class PaymentSettings:
    """Which payment gateway takes the cards, its secrets (never shown: ``repr=False``), and
    the host fee the ledger keeps from each payout."""

    gateway: str = "sandbox"
    stripe_secret_key: str = field(default="", repr=False)
    stripe_webhook_secret: str = field(default="", repr=False)
    stripe_api_base: str = STRIPE_API_BASE
    host_fee_percent: int = DEFAULT_HOST_FEE_PERCENT
    admin_email: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> PaymentSettings:
        """Read ``RENTAL_PAYMENT_GATEWAY`` (``sandbox``, the default, or ``stripe``),
        ``RENTAL_STRIPE_SECRET_KEY`` and ``RENTAL_STRIPE_WEBHOOK_SECRET`` (both required with
        ``stripe``), ``RENTAL_STRIPE_API_BASE`` (default ``https://api.stripe.com``; a proxy or
        a Stripe-compatible test server), ``RENTAL_HOST_FEE_PERCENT`` (0 to 100, default 3)
        and ``RENTAL_ADMIN_EMAIL`` (who hears of payments reconciliation cannot repair).
        A message never quotes a secret."""
        gateway = (env.get("RENTAL_PAYMENT_GATEWAY") or "sandbox").strip().lower()
        if gateway not in PAYMENT_GATEWAYS:
            raise SettingsError(
                f"RENTAL_PAYMENT_GATEWAY={gateway!r} must be {' or '.join(PAYMENT_GATEWAYS)}."
            )
        key = (env.get("RENTAL_STRIPE_SECRET_KEY") or "").strip()
        webhook_secret = (env.get("RENTAL_STRIPE_WEBHOOK_SECRET") or "").strip()
        if gateway == "stripe":
            if not key.startswith(("sk_", "rk_")):
                raise SettingsError(
                    "RENTAL_STRIPE_SECRET_KEY must be set to a Stripe secret key (sk_… or a "
                    "restricted rk_…) when RENTAL_PAYMENT_GATEWAY=stripe."
                )
            if not webhook_secret:
                raise SettingsError(
                    "RENTAL_STRIPE_WEBHOOK_SECRET must be set (the endpoint's signing secret, "
                    "whsec_…) when RENTAL_PAYMENT_GATEWAY=stripe."
                )
        return cls(
            gateway=gateway,
            stripe_secret_key=key,
            stripe_webhook_secret=webhook_secret,
            stripe_api_base=_api_base(env.get("RENTAL_STRIPE_API_BASE") or STRIPE_API_BASE),
            host_fee_percent=_percent(env, "RENTAL_HOST_FEE_PERCENT", DEFAULT_HOST_FEE_PERCENT),
            admin_email=_email(env.get("RENTAL_ADMIN_EMAIL") or ""),
        )


def _api_base(raw: str) -> str:
    base = raw.strip().rstrip("/")
    if not re.match(r"^https?://[^/\s?#]+(:\d+)?(/[^\s?#]*)?$", base):
        raise SettingsError(
            f"RENTAL_STRIPE_API_BASE={raw!r} must be an http:// or https:// address."
        )
    return base


def _percent(env: Mapping[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > 100:
        raise SettingsError(f"{name}={raw!r} must be a whole number from 0 to 100.")
    return int(raw)


def _public_max_age(env: Mapping[str, str]) -> int:
    raw = env.get("RENTAL_PUBLIC_MAX_AGE", "").strip()
    if raw and not raw.isdigit():
        raise SettingsError(f"RENTAL_PUBLIC_MAX_AGE={raw!r} must be a whole number of seconds.")
    return int(raw) if raw else 30


def _cors_origins(env: Mapping[str, str]) -> tuple[str, ...]:
    origins = tuple(o.strip().rstrip("/") for o in env.get("RENTAL_CORS_ORIGINS", "").split(","))
    for origin in (o for o in origins if o):
        if origin != "*" and not ORIGIN_PATTERN.match(origin):
            raise SettingsError(
                f"RENTAL_CORS_ORIGINS: {origin!r} is not an origin like https://app.example.com."
            )
    return tuple(o for o in origins if o)


def _cors_credentials(env: Mapping[str, str]) -> bool:
    raw = env.get("RENTAL_CORS_CREDENTIALS", "").strip().lower()
    if raw not in ("", "true", "false", "1", "0"):
        raise SettingsError(f"RENTAL_CORS_CREDENTIALS={raw!r} must be true or false.")
    credentials = raw in ("true", "1")
    if credentials and "*" in _cors_origins(env):
        # Browsers refuse it anyway, and reflecting any origin with cookies would let any site
        # act as the signed-in user.
        raise SettingsError("RENTAL_CORS_ORIGINS='*' cannot go with RENTAL_CORS_CREDENTIALS=true.")
    return credentials


def _email(raw: str) -> str | None:
    address = raw.strip()
    if address and not re.match(r"^[^@\s]+@[^@\s]+$", address):
        raise SettingsError(f"RENTAL_ADMIN_EMAIL={raw!r} is not an email address.")
    return address or None


DEFAULT_FRONTEND_URL = "http://localhost:3000"


@frozen(kw_only=True)
class AccountSettings:
    """Accounts (issue 21): where the emailed links point, and whether an unverified email
    may list, book, pay or write."""

    frontend_url: str = DEFAULT_FRONTEND_URL
    require_verified_email: bool = False
    sign_in_failures: int = 10
    mail_dir: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], env_name: str) -> AccountSettings:
        """Read ``RENTAL_FRONTEND_URL`` (the web app that opens the emailed links, default
        ``http://localhost:3000``) and ``RENTAL_REQUIRE_VERIFIED_EMAIL`` (``true`` by default
        outside development, ``false`` in it) and ``RENTAL_SIGNIN_FAILURES`` (wrong passwords
        of one account before it is locked a while, default 10), and ``RENTAL_MAIL_DIR``
        (a directory every email is also written to, one file each; ``var/mail`` by default
        in development, none elsewhere: its files hold the links' tokens)."""
        raw = (env.get("RENTAL_FRONTEND_URL") or DEFAULT_FRONTEND_URL).strip().rstrip("/")
        if not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", raw):
            raise SettingsError(
                f"RENTAL_FRONTEND_URL={raw!r} must be an http:// or https:// address."
            )
        required = (env.get("RENTAL_REQUIRE_VERIFIED_EMAIL") or "").strip().lower()
        if required not in ("", "true", "false", "1", "0"):
            raise SettingsError(
                f"RENTAL_REQUIRE_VERIFIED_EMAIL={required!r} must be true or false."
            )
        default = env_name != "development"
        mail_dir = env.get("RENTAL_MAIL_DIR", "var/mail" if env_name == "development" else "")
        return cls(
            frontend_url=raw,
            require_verified_email=required in ("true", "1") if required else default,
            sign_in_failures=_positive(env, "RENTAL_SIGNIN_FAILURES", 10),
            mail_dir=Path(mail_dir) if mail_dir else None,
        )


@frozen(kw_only=True)
class MediaSettings:
    """Where photos (and other files) are kept: the local file system under ``root`` unless
    ``s3_bucket`` is set, then that bucket of an S3-compatible store. URLs go under
    ``base_url`` when set (a CDN), else the API's own ``/media`` for files and presigned links
    for S3. Secrets are never shown (``repr=False``)."""

    root: Path = Path("var") / "media"
    base_url: str | None = None
    s3_endpoint: str | None = None
    s3_bucket: str | None = None
    s3_access_key: str | None = field(default=None, repr=False)
    s3_secret_key: str | None = field(default=None, repr=False)
    s3_region: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> MediaSettings:
        """Read ``RENTAL_MEDIA_ROOT`` (default ``var/media``), ``RENTAL_MEDIA_BASE_URL``,
        ``RENTAL_MEDIA_S3_ENDPOINT`` (an http(s) address; AWS's own when unset),
        ``RENTAL_MEDIA_S3_BUCKET`` (S3 is used when it is set), ``RENTAL_MEDIA_S3_ACCESS_KEY``,
        ``RENTAL_MEDIA_S3_SECRET_KEY`` (both or neither; neither: boto3's own chain, such as
        an instance role) and ``RENTAL_MEDIA_S3_REGION``."""
        get = {
            name: (env.get(f"RENTAL_MEDIA_{name}") or "").strip() or None
            for name in (
                "ROOT",
                "BASE_URL",
                "S3_ENDPOINT",
                "S3_BUCKET",
                "S3_ACCESS_KEY",
                "S3_SECRET_KEY",
                "S3_REGION",
            )
        }
        for name in ("BASE_URL", "S3_ENDPOINT"):
            value = get[name]
            if value and not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", value):
                raise SettingsError(f"RENTAL_MEDIA_{name}={value!r} must be an http(s) address.")
        bucket = get["S3_BUCKET"]
        if bucket and not re.match(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", bucket):
            raise SettingsError(f"RENTAL_MEDIA_S3_BUCKET={bucket!r} is not a bucket name.")
        if (get["S3_ACCESS_KEY"] is None) != (get["S3_SECRET_KEY"] is None):
            raise SettingsError(
                "RENTAL_MEDIA_S3_ACCESS_KEY and RENTAL_MEDIA_S3_SECRET_KEY go together."
            )
        if get["S3_ENDPOINT"] and not bucket:
            raise SettingsError("RENTAL_MEDIA_S3_ENDPOINT needs RENTAL_MEDIA_S3_BUCKET.")
        return cls(
            root=Path(get["ROOT"] or Path("var") / "media"),
            base_url=get["BASE_URL"].rstrip("/") if get["BASE_URL"] else None,
            s3_endpoint=get["S3_ENDPOINT"],
            s3_bucket=bucket,
            s3_access_key=get["S3_ACCESS_KEY"],
            s3_secret_key=get["S3_SECRET_KEY"],
            s3_region=get["S3_REGION"],
        )


@frozen(kw_only=True)
class AbuseLimits:
    """What one caller may take at once, so that no one exhausts the service for others."""

    graphql_max_cost: int = 5000
    max_listings_per_host: int = 100
    request_time_budget_ms: int = 10_000
    max_unpaid_holds: int = 3
    payment_attempts: int = 5
    ical_max_events: int = 2000
    ical_max_occurrences: int = 20_000
    ical_max_nights: int = 2000
    ical_sync_requests: int = 3

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> AbuseLimits:
        """Read ``RENTAL_GRAPHQL_MAX_COST`` (the cost budget of one GraphQL operation, 5,000),
        ``RENTAL_MAX_LISTINGS_PER_HOST`` (listings a host may have at once, 100) and
        ``RENTAL_REQUEST_TIME_BUDGET_MS`` (after this long a request's reads and GraphQL fields
        stop, 10,000), ``RENTAL_MAX_UNPAID_HOLDS`` (unpaid pending bookings a guest may hold at
        once, 3), ``RENTAL_PAYMENT_ATTEMPTS`` (failed payments per booking an hour, 5, and
        twice that per user), ``RENTAL_ICAL_MAX_EVENTS`` (events an imported calendar may
        have, 2,000), ``RENTAL_ICAL_MAX_OCCURRENCES`` (occurrences its events may make once
        repeats are expanded over the booking horizon, 20,000) and ``RENTAL_ICAL_MAX_NIGHTS``
        (nights a listing's imported calendars may block together from today on, 2,000) and
        ``RENTAL_ICAL_SYNC_REQUESTS`` (syncs of a listing's imported calendars its host may
        ask for every 5 minutes, 3)."""
        return cls(
            graphql_max_cost=_positive(env, "RENTAL_GRAPHQL_MAX_COST", 5000),
            max_listings_per_host=_positive(env, "RENTAL_MAX_LISTINGS_PER_HOST", 100),
            request_time_budget_ms=_positive(env, "RENTAL_REQUEST_TIME_BUDGET_MS", 10_000),
            max_unpaid_holds=_positive(env, "RENTAL_MAX_UNPAID_HOLDS", 3),
            payment_attempts=_positive(env, "RENTAL_PAYMENT_ATTEMPTS", 5),
            ical_max_events=_positive(env, "RENTAL_ICAL_MAX_EVENTS", 2000),
            ical_max_occurrences=_positive(env, "RENTAL_ICAL_MAX_OCCURRENCES", 20_000),
            ical_max_nights=_positive(env, "RENTAL_ICAL_MAX_NIGHTS", 2000),
            ical_sync_requests=_positive(env, "RENTAL_ICAL_SYNC_REQUESTS", 3),
        )

    def domain_limits(self) -> Limits:
        """The limits the domain's rules enforce."""
        return Limits(
            max_listings_per_host=self.max_listings_per_host,
            max_unpaid_holds=self.max_unpaid_holds,
            payment_attempts=self.payment_attempts,
            imported_nights=self.ical_max_nights,
            sync_requests=self.ical_sync_requests,
        )


def _public_url(raw: str) -> str | None:
    url = raw.strip().rstrip("/")
    if url and not re.match(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?(/[^\s?#]*)?$", url):
        raise SettingsError(
            f"RENTAL_PUBLIC_URL={raw!r} must be an http:// or https:// address, like "
            "https://rental.example.com."
        )
    return url or None
