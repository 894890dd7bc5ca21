"""Counters per fixed window in Redis, shared by every server process (messages a minute)."""

from __future__ import annotations

import logging
from typing import Any

import redis

from rental.adapters.memory.messaging import MemoryMessageRate

logger = logging.getLogger(__name__)


class RedisWindowCounter:
    """``INCR`` and ``EXPIRE`` of one key per window, sent together (one round trip; no
    ``MULTI``: a window's key also names its window, so a key whose expiry was lost can never
    be counted again). While Redis does not answer, this process counts alone, so that the
    limit still holds per process."""

    def __init__(self, client: Any, namespace: str = "rental") -> None:
        self._client = client
        self._prefix = f"{namespace}:counter"
        self._fallback = MemoryMessageRate()

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RedisWindowCounter:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return cls(client, namespace)

    def hit(self, key: str, window: int, period: int) -> int:
        name = f"{self._prefix}:{key}:{period}:{window}"
        try:
            pipe = self._client.pipeline(transaction=False)
            pipe.incr(name)
            pipe.expire(name, period + 1)
            count, _ = pipe.execute()
            return int(count)
        except redis.RedisError as error:
            logger.warning("counter store unavailable, counting in this process: %s", error)
            return self._fallback.hit(key, window, period)
