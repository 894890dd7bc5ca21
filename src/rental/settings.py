"""Settings from ``RENTAL_*`` environment variables, validated at start with a clear message."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

RATE_LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)\s*$")
REDIS_NAMESPACE_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
PERIOD_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
DEFAULT_DATABASE_URL = f"sqlite:///{Path('var') / 'rental.db'}"
DEVELOPMENT_SECRET = "development-only-secret-key-change-me-0123456789"  # noqa: S105
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
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
    payments: PaymentSettings = field(factory=lambda: PaymentSettings())
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    database_timeouts: DatabaseTimeouts = DatabaseTimeouts()

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
        ``RENTAL_DB_*`` timeouts of ``DatabaseTimeouts``, and the
        payment settings of ``PaymentSettings.from_env``."""
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
            payments=PaymentSettings.from_env(env),
            max_body_bytes=_positive(env, "RENTAL_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            database_timeouts=DatabaseTimeouts.from_env(env),
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


def _redis_namespace(raw: str) -> str:
    if not REDIS_NAMESPACE_PATTERN.match(raw):
        raise SettingsError(
            f"RENTAL_REDIS_NAMESPACE={raw!r} must be 1 to 64 letters, digits, '.', '_' or '-'."
        )
    return raw


@frozen(kw_only=True)
class PaymentSettings:
    """Which payment gateway takes the cards, its secrets (never shown: ``repr=False``), and
    the host fee the ledger keeps from each payout."""

    gateway: str = "sandbox"
    stripe_secret_key: str = field(default="", repr=False)
    stripe_webhook_secret: str = field(default="", repr=False)
    stripe_api_base: str = STRIPE_API_BASE
    host_fee_percent: int = 3

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> PaymentSettings:
        """Read ``RENTAL_PAYMENT_GATEWAY`` (``sandbox``, the default, or ``stripe``),
        ``RENTAL_STRIPE_SECRET_KEY`` and ``RENTAL_STRIPE_WEBHOOK_SECRET`` (both required with
        ``stripe``), ``RENTAL_STRIPE_API_BASE`` (default ``https://api.stripe.com``; a proxy or
        a Stripe-compatible test server) and ``RENTAL_HOST_FEE_PERCENT`` (0 to 100, default 3).
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
            host_fee_percent=_percent(env, "RENTAL_HOST_FEE_PERCENT", 3),
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
