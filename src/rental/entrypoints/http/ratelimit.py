"""The shared rate limit of login and register, per client address, in fixed windows.

The counter lives behind ``RateLimitStore``: Redis when ``RENTAL_REDIS_URL`` is set (so the
limit holds across server processes), otherwise this process's memory. When Redis does not
answer, this process's memory counts instead (``FallbackRateLimitStore``): sign-ins stay
limited, per process rather than across all of them, until Redis answers again.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from attrs import frozen
from flask import Flask, Response, g, request

from rental.entrypoints.http.errors import problem
from rental.entrypoints.web.clients import current_client
from rental.settings import RateLimit, Settings

LIMITED_ENDPOINTS = frozenset(
    {
        "auth.register",
        "auth.login",
        # issue 21: recovery and verification share the sign-in limit
        "accounts.request_password_reset",
        "accounts.confirm_password_reset",
        "accounts.verify_email",
        "accounts.resend_verification",
    }
)
RATE_LIMITED = "https://rental.example/problems/rate-limited"
logger = logging.getLogger(__name__)


class RateLimitStore(Protocol):
    """Counts hits per key in windows of ``period`` seconds."""

    def hit(self, key: str, period: int) -> int:
        """Count one hit of ``key`` in the current window; return the window's count."""


class MemoryRateLimitStore:
    """Counters in this process only (a single server process with threads)."""

    def __init__(self, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, period: int) -> int:
        window = int(self._now() // period)
        with self._lock:
            # Forget past windows so that memory stays bounded.
            for stale in [k for k in self._counts if k[1] < window]:
                del self._counts[stale]
            self._counts[(key, window)] = self._counts.get((key, window), 0) + 1
            return self._counts[(key, window)]


class RedisRateLimitStore:
    """Counters in Redis, shared by every server process: INCR and EXPIRE in one transaction."""

    def __init__(
        self, client: Any, now: Callable[[], float] = time.time, namespace: str = "rental"
    ) -> None:
        self._client = client
        self._now = now
        self._prefix = f"{namespace}:ratelimit"

    def hit(self, key: str, period: int) -> int:
        window = int(self._now() // period)
        name = f"{self._prefix}:{key}:{period}:{window}"
        pipe = self._client.pipeline(transaction=True)
        pipe.incr(name)
        pipe.expire(name, period + 1)
        count, _ = pipe.execute()
        return int(count)


class FallbackRateLimitStore:
    """``primary`` (Redis) while it answers; ``fallback`` (this process's memory) when it does
    not, and for ``retry_after`` seconds after a failure, so that a hung Redis costs one
    timeout every few seconds rather than one per sign-in."""

    def __init__(
        self,
        primary: RateLimitStore,
        fallback: RateLimitStore,
        retry_after: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._primary = primary
        self._fallback = fallback
        self._retry_after = retry_after
        self._monotonic = monotonic
        self._primary_down_until = 0.0

    def hit(self, key: str, period: int) -> int:
        if self._monotonic() >= self._primary_down_until:
            try:
                return self._primary.hit(key, period)
            except Exception as error:
                logger.warning("rate limit store unavailable, counting in this process: %s", error)
                self._primary_down_until = self._monotonic() + self._retry_after
        return self._fallback.hit(key, period)


@frozen
class Verdict:
    """One counted attempt: how many the window allows, how many are left, and how many
    seconds until it resets (the ``RateLimit-*`` headers of the IETF draft)."""

    limit: int
    remaining: int
    reset: int

    @property
    def allowed(self) -> bool:
        return self.remaining >= 0

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.remaining)),
            "RateLimit-Reset": str(self.reset),
        }


class RateLimiter:
    """``limit.count`` hits per client address per window of ``limit.period_seconds``."""

    def __init__(
        self, limit: RateLimit, store: RateLimitStore, now: Callable[[], float] = time.time
    ) -> None:
        self.limit = limit
        self.store = store
        self._now = now

    def check(self, client: str) -> int | None:
        """Count a hit; return the seconds to wait if it is over the limit, else ``None``."""
        verdict = self.count(client)
        return None if verdict is None or verdict.allowed else verdict.reset

    def count(self, client: str) -> Verdict | None:
        """Count a hit and say where the window stands; ``None`` when the store is down."""
        period = self.limit.period_seconds
        try:
            count = self.store.hit(f"auth:{client}", period)
        except Exception:
            # A counter store that is down must not lock everyone out of signing in.
            logger.warning("rate limit store unavailable; letting the request through")
            return None
        reset = max(1, math.ceil(period - self._now() % period))
        return Verdict(self.limit.count, self.limit.count - count, reset)


def store_for(settings: Settings) -> RateLimitStore:
    if settings.redis_url:
        import redis

        # Short timeouts: a Redis that hangs must not hold sign-ins (memory counts meanwhile).
        client = redis.Redis.from_url(
            settings.redis_url, socket_connect_timeout=1, socket_timeout=1
        )
        redis_store = RedisRateLimitStore(client, namespace=settings.redis_namespace)
        return FallbackRateLimitStore(redis_store, MemoryRateLimitStore())
    return MemoryRateLimitStore()


def init_app(app: Flask, settings: Settings, store: RateLimitStore | None = None) -> None:
    limiter = RateLimiter(settings.auth_rate_limit, store or store_for(settings))
    app.extensions["rental.rate_limiter"] = limiter

    def limit_auth() -> Response | None:
        # A CORS preflight (OPTIONS) is not a sign-in attempt.
        if request.endpoint not in LIMITED_ENDPOINTS or request.method != "POST":
            return None
        # The peer address only: X-Forwarded-For is whatever the client wants it to be.
        verdict = limiter.count(current_client())
        if verdict is None:
            return None
        g.rate_limit = verdict
        if verdict.allowed:
            return None
        return problem(
            429,
            f"Too many sign-in attempts; try again in {verdict.reset} seconds.",
            type_=RATE_LIMITED,
            headers={"Retry-After": str(verdict.reset)},
        )

    def tell_the_limit(response: Response) -> Response:
        verdict: Verdict | None = g.pop("rate_limit", None)
        if verdict is not None:
            response.headers.update(verdict.headers())
        return response

    app.before_request(limit_auth)
    app.after_request(tell_the_limit)
