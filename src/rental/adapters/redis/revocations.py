"""Revoked tokens in Redis, so every server process sees a logout at once without asking the
database on each request.

The database keeps the record (``revoked_tokens``). Redis holds a copy under
``<prefix>:revoked:<jti>``, each key expiring with its token, plus a ``complete`` marker set once
every active revocation has been loaded. Without the marker (Redis restarted or flushed) the
cache reloads from the database and says "cannot tell" meanwhile; when Redis is unreachable it
says "cannot tell" too, and callers ask the database: a revoked token is never accepted.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import redis

logger = logging.getLogger(__name__)

PAUSE_AFTER_ERROR = 5.0  # seconds without trying Redis after it failed


class RedisRevocations:
    """The ``RevocationCache`` port on Redis."""

    def __init__(
        self,
        client: redis.Redis,
        prefix: str,
        load_active: Callable[[], list[tuple[str, datetime]]],
    ) -> None:
        self._client = client
        self._prefix = f"{prefix}:revoked"
        self._load_active = load_active
        self._paused_until = 0.0
        self._filling = threading.Lock()

    def _key(self, jti: str) -> str:
        return f"{self._prefix}:{jti}"

    def _failed(self, error: Exception) -> None:
        logger.warning("revocation cache unavailable for %ss: %s", PAUSE_AFTER_ERROR, error)
        self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR

    def _set(self, pipe: redis.client.Pipeline, jti: str, expires_at: datetime) -> None:
        seconds = int((expires_at - datetime.now(UTC)).total_seconds()) + 1
        if seconds > 0:
            pipe.set(self._key(jti), "1", ex=seconds)

    def add(self, jti: str, expires_at: datetime) -> None:
        try:
            pipe = self._client.pipeline()
            self._set(pipe, jti, expires_at)
            pipe.execute()
        except redis.RedisError as error:
            # The marker goes too, so that no process trusts a cache missing this revocation.
            self._failed(error)
            self._forget_completeness()

    def _forget_completeness(self) -> None:
        try:
            self._client.delete(f"{self._prefix}:complete")
        except redis.RedisError:
            logger.warning("could not clear the revocation cache's marker")

    def is_revoked(self, jti: str) -> bool | None:
        if time.monotonic() < self._paused_until:
            return None
        try:
            # One command, one round trip: asked on every authenticated request.
            complete, revoked = self._client.mget(f"{self._prefix}:complete", self._key(jti))
        except redis.RedisError as error:
            self._failed(error)
            return None
        if revoked:
            return True
        if complete:
            return False
        self._fill()
        return None

    def _fill(self) -> None:
        if not self._filling.acquire(blocking=False):
            return  # another thread of this process is filling it
        try:
            active = self._load_active()
            pipe = self._client.pipeline()
            for jti, expires_at in active:
                self._set(pipe, jti, expires_at)
            pipe.set(f"{self._prefix}:complete", "1")
            pipe.execute()
        except redis.RedisError as error:
            self._failed(error)
        finally:
            self._filling.release()
