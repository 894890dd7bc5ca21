"""``rental serve-updates``: ``GET /api/v1/threads/updates`` held open on one asyncio loop.

Why a process of its own: ``rental serve``'s workers give each request a thread for its whole
life, so 200 clients waiting 25 s for a message would hold 200 threads and starve every other
request. Here a waiting request costs a coroutine and its socket; no thread, no database
connection. Put it behind the same path as the API: a proxy sends
``/api/v1/threads/updates`` here and everything else to ``rental serve`` (see
``docs/messaging.md``).

The HTTP answer itself is the API's own: each turn runs the request through the same Flask
app (in a worker thread, a database connection for the length of one query), which checks
the token and the cursor and answers 200 with new messages or 204 with none. When it answers
204 to a ``since`` request, this server waits for the caller's signal on Redis pub/sub (see
``rental.adapters.redis.updates``), at most ``hold`` seconds from the start, and asks once
more. The caller's waiter is registered before the first turn, so a message committed between
that turn and the wait still wakes it. Past ``max_waiters`` requests waiting at once, a new one
is refused at once with 503 and ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

import jwt
import redis.asyncio as aioredis
from aiohttp import web
from flask import Flask

from rental.adapters.redis.updates import channel_prefix
from rental.entrypoints.http.errors import PROBLEM_JSON

log = logging.getLogger("rental.serve_updates")
PATH = "/api/v1/threads/updates"
HOLD_SECONDS = 25.0
MAX_WAITERS = 1000
RETRY_AFTER_SECONDS = 5


class Waiters:
    """The requests waiting, by user: one ``asyncio.Event`` each, at most ``limit`` at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._by_user: dict[str, set[asyncio.Event]] = {}
        self.count = 0

    def add(self, user_id: str) -> asyncio.Event | None:
        if self.count >= self.limit:
            return None
        event = asyncio.Event()
        self._by_user.setdefault(user_id, set()).add(event)
        self.count += 1
        return event

    def remove(self, user_id: str, event: asyncio.Event) -> None:
        events = self._by_user.get(user_id, set())
        if event in events:
            events.discard(event)
            self.count -= 1
        if not events:
            self._by_user.pop(user_id, None)

    def wake(self, user_id: str) -> None:
        for event in self._by_user.get(user_id, ()):
            event.set()


FLASK = web.AppKey("flask", Flask)
WAITERS = web.AppKey("waiters", Waiters)
HOLD = web.AppKey("hold", float)


def _caller(request: web.Request) -> str:
    """Whose signal to wait for: the token's subject, read without checking it (Flask checks
    it on every turn; a forged token only chooses which wake-ups it receives, never data)."""
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip()
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return ""
    return str(claims.get("sub", ""))


def _turn(app: Flask, request: web.Request) -> web.Response:
    """The request answered by the API's own view (run in a worker thread)."""
    headers = {k: v for k, v in request.headers.items() if k.lower() != "host"}
    peer = request.remote or "unknown"
    with app.test_client() as client:
        answer = client.get(
            request.path,
            query_string=request.query_string,
            headers=headers,
            environ_base={"REMOTE_ADDR": peer},
        )
        passed = {
            k: v for k, v in answer.headers.items() if k.lower() not in ("content-length", "server")
        }
        return web.Response(status=answer.status_code, body=answer.get_data(), headers=passed)


async def updates(request: web.Request) -> web.StreamResponse:
    flask_app = request.app[FLASK]
    waiters = request.app[WAITERS]
    hold = request.app[HOLD]
    started = time.monotonic()
    user_id = _caller(request)
    if "since" not in request.query or not user_id:
        return await asyncio.to_thread(_turn, flask_app, request)
    event = waiters.add(user_id)
    if event is None:
        return web.Response(
            status=503,
            content_type=None,
            headers={
                "Content-Type": PROBLEM_JSON,
                "Retry-After": str(RETRY_AFTER_SECONDS),
            },
            text='{"type": "about:blank", "title": "Service Unavailable", "status": 503, '
            '"detail": "Too many clients are waiting for messages; try again shortly."}',
        )
    try:
        while True:
            # Cleared before the turn, not after it: a message committed while the turn
            # reads would otherwise wake an event cleared next, and the poll would sleep
            # through its whole hold with the message unanswered.
            event.clear()
            answer = await asyncio.to_thread(_turn, flask_app, request)
            left = hold - (time.monotonic() - started)
            if answer.status != 204 or left <= 0:
                return answer
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=left)
            if not event.is_set():
                return answer  # held the whole time: nothing new
    finally:
        waiters.remove(user_id, event)


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _listen(client: aioredis.Redis, prefix: str, waiters: Waiters) -> None:
    """Wake the waiters of each user signalled, for as long as the server runs; reconnects."""
    while True:
        try:
            async with client.pubsub() as pubsub:
                await pubsub.psubscribe(prefix + "*")
                async for message in pubsub.listen():
                    if message.get("type") == "pmessage":
                        channel = message["channel"]
                        name = channel.decode() if isinstance(channel, bytes) else str(channel)
                        waiters.wake(name.removeprefix(prefix))
        except asyncio.CancelledError:
            raise
        except Exception as error:  # Redis restarted: listen again soon
            log.warning("updates listener lost Redis, retrying: %s", error)
            await asyncio.sleep(1)


def make_app(
    flask_app: Flask,
    redis_url: str,
    namespace: str,
    *,
    hold: float = HOLD_SECONDS,
    max_waiters: int = MAX_WAITERS,
) -> web.Application:
    """The aiohttp app of ``rental serve-updates`` around ``flask_app`` (the API's own)."""
    app = web.Application()
    app[FLASK] = flask_app
    waiters = Waiters(max_waiters)
    app[WAITERS] = waiters
    app[HOLD] = hold
    app.router.add_get(PATH, updates)
    app.router.add_get("/healthz", healthz)

    async def listener(_app: web.Application) -> AsyncIterator[None]:
        client = aioredis.Redis.from_url(redis_url)
        task = asyncio.create_task(_listen(client, channel_prefix(namespace), waiters))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await client.aclose()

    app.cleanup_ctx.append(listener)
    return app
