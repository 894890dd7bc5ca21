"""New messages signalled through Redis pub/sub, after their commit, to long polls waiting.

The web process publishes on ``<namespace>:updates:<user id>`` for the sender and the
recipient of each committed ``MessagePosted``; ``rental serve-updates`` listens on
``<namespace>:updates:*`` with one connection and wakes the requests of those users. A signal
carries no message: the woken request reads what is new from the database, so a lost or
extra signal costs at most a wait or a read, never a wrong answer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import redis

from rental.domain.events import Event
from rental.domain.messaging.thread import MessagePosted

logger = logging.getLogger(__name__)


def channel_prefix(namespace: str) -> str:
    return f"{namespace}:updates:"


class MessageSignals:
    """An event publisher (run after commit by the message bus): one PUBLISH per person told."""

    def __init__(self, client: Any, namespace: str = "rental") -> None:
        self._client = client
        self._prefix = channel_prefix(namespace)

    @classmethod
    def from_url(cls, url: str, namespace: str) -> MessageSignals:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return cls(client, namespace)

    def publish(self, events: Sequence[Event]) -> None:
        users = {
            user
            for event in events
            if isinstance(event, MessagePosted)
            for user in (event.sender_id, event.recipient_id)
        }
        if not users:
            return
        try:
            pipe = self._client.pipeline(transaction=False)
            for user in sorted(users):
                pipe.publish(self._prefix + user, "1")
            pipe.execute()
        except redis.RedisError as error:
            # The message is committed; a waiting client sees it at its next poll.
            logger.warning("new messages could not be signalled: %s", error)

    def close(self) -> None:
        self._client.close()
