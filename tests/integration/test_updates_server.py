"""``rental serve-updates``: long polls answered when a message is committed, and bounded."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa
from aiohttp import web
from flask import Flask

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application.commands import Actor
from rental.application.messaging import commands as m
from rental.composition import Rental, bootstrap
from rental.entrypoints import updates_server
from rental.entrypoints.http import create_app
from rental.entrypoints.updates_server import make_app
from tests.integration.http.booking_steps import API, host_with_listing
from tests.integration.http.conftest import signup, test_settings
from tests.redis_server import free_port

pytestmark = pytest.mark.redis


@contextmanager
def running(app: web.Application) -> Iterator[str]:
    """``app`` served on a free port by an event loop in a thread of its own."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    port = free_port()
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


@pytest.fixture
def api(sqlite_url: str, redis_url: str, redis_namespace: str) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=sqlite_url, password_hasher=Argon2Hasher(fast=True), redis_url=redis_url,
        redis_namespace=redis_namespace,
    )  # fmt: skip
    settings = test_settings(
        database_url=sqlite_url, redis_url=redis_url, redis_namespace=redis_namespace
    )
    yield create_app(settings, rental=rental)
    rental.close()


def _thread(api: Flask) -> tuple[dict[str, str], Actor, str]:
    """A host's bearer headers, the guest who wrote to them, and their thread."""
    client = api.test_client()
    _, host_headers, listing = host_with_listing(client)
    guest, guest_headers = signup(client)
    asked = client.post(
        f"{API}/listings/{listing['id']}/inquiries", json={"body": "hi"}, headers=guest_headers
    )
    return host_headers, Actor(guest["id"], "guest"), asked.get_json()["id"]


def _send(api: Flask, actor: Actor, thread_id: str, body: str) -> None:
    rental: Rental = api.extensions["rental"]
    rental.handle(m.SendMessage(actor=actor, thread_id=thread_id, body=body))


def test_a_held_poll_answers_when_a_message_is_committed(
    api: Flask, redis_url: str, redis_namespace: str
) -> None:
    headers, guest, thread_id = _thread(api)
    app = make_app(api, redis_url, redis_namespace, hold=20)
    url = f"{API}/threads/updates"

    async def scenario(base: str) -> None:
        async with aiohttp.ClientSession(base) as session:
            async with session.get(url, headers=headers) as first:
                assert first.status == 200
                cursor = (await first.json())["cursor"]
            waiting = asyncio.create_task(
                session.get(url, params={"since": cursor}, headers=headers)
            )
            # Whether it waits yet or not, the message committed next is its answer.
            await asyncio.to_thread(_send, api, guest, thread_id, "call +44 20 7946 0958")
            answer = await waiting
            assert answer.status == 200
            body = await answer.json()
            assert [(m["body"], m["redacted"]) for m in body["messages"]] == [
                ("call [hidden]", True)
            ]
            async with session.get(url, params={"since": "forged"}, headers=headers) as bad:
                assert bad.status == 422
                assert bad.headers["Content-Type"] == "application/problem+json"
            async with session.get(url, params={"since": cursor}) as anonymous:
                assert anonymous.status == 401

    with running(app) as base:
        asyncio.run(scenario(base))


def test_a_poll_with_nothing_new_ends_in_204_after_its_hold(
    api: Flask, redis_url: str, redis_namespace: str
) -> None:
    headers, _, _ = _thread(api)
    app = make_app(api, redis_url, redis_namespace, hold=0.2)
    url = f"{API}/threads/updates"

    async def scenario(base: str) -> None:
        async with aiohttp.ClientSession(base) as session:
            async with session.get(url, headers=headers) as first:
                cursor = (await first.json())["cursor"]
            async with session.get(url, params={"since": cursor}, headers=headers) as held:
                assert held.status == 204

    with running(app) as base:
        asyncio.run(scenario(base))


def test_a_message_committed_while_a_poll_reads_is_not_slept_through(
    api: Flask, redis_url: str, redis_namespace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wake-up of a message committed during a poll's read (after the read found nothing)
    is kept, so the poll reads again at once instead of holding until its end."""
    headers, guest, thread_id = _thread(api)
    app = make_app(api, redis_url, redis_namespace, hold=6)
    url = f"{API}/threads/updates"
    original = updates_server._turn
    sent: list[str] = []

    def turn_then_a_message(flask_app: Flask, request: Any) -> Any:
        answer = original(flask_app, request)
        if answer.status == 204 and not sent:
            sent.append("sent")
            _send(api, guest, thread_id, "while you were reading")
            time.sleep(1)  # the loop takes the Redis wake-up before this read's answer
        return answer

    monkeypatch.setattr(updates_server, "_turn", turn_then_a_message)

    async def scenario(base: str) -> None:
        async with aiohttp.ClientSession(base) as session:
            async with session.get(url, headers=headers) as first:
                cursor = (await first.json())["cursor"]
            started = time.monotonic()
            async with session.get(url, params={"since": cursor}, headers=headers) as held:
                assert held.status == 200
                assert [m["body"] for m in (await held.json())["messages"]] == [
                    "while you were reading"
                ]
            assert time.monotonic() - started < 4

    with running(app) as base:
        asyncio.run(scenario(base))


def test_300_waiting_clients_past_the_limit_get_503_and_the_server_still_answers(
    api: Flask, redis_url: str, redis_namespace: str
) -> None:
    headers, guest, thread_id = _thread(api)
    app = make_app(api, redis_url, redis_namespace, hold=20, max_waiters=200)
    in_use = [0]  # database connections checked out of any pool, while the polls wait

    def checked_out(*_args: Any) -> None:
        in_use[0] += 1

    def checked_in(*_args: Any) -> None:
        in_use[0] -= 1

    url = f"{API}/threads/updates"

    async def scenario(base: str) -> None:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(base, connector=connector) as session:
            async with session.get(url, headers=headers) as first:
                cursor = (await first.json())["cursor"]

            async def poll() -> tuple[int, Any]:
                async with session.get(url, params={"since": cursor}, headers=headers) as r:
                    return r.status, r.headers.get("Retry-After")

            sa.event.listen(sa.pool.Pool, "checkout", checked_out)
            sa.event.listen(sa.pool.Pool, "checkin", checked_in)
            polls = [asyncio.create_task(poll()) for _ in range(300)]
            refused = []
            while len(refused) < 100:  # the 100 past the limit are answered at once
                done, _ = await asyncio.wait(polls, return_when=asyncio.FIRST_COMPLETED)
                refused = [p for p in polls if p.done()]
                assert all(p.result() == (503, "5") for p in done)
            async with session.get("/healthz") as health:
                assert health.status == 200
            assert sum(not p.done() for p in polls) == 200
            # Their first turns (a query each, in worker threads) end; then 200 waiting
            # clients hold no database connection.
            for _ in range(200):
                if in_use == [0]:
                    break
                await asyncio.sleep(0.05)
            assert in_use == [0]
            await asyncio.to_thread(_send, api, guest, thread_id, "for everyone waiting")
            results = await asyncio.gather(*polls)
            assert sorted(status for status, _ in results) == [200] * 200 + [503] * 100

    try:
        with running(app) as base:
            asyncio.run(scenario(base))
    finally:
        for name, listener in (("checkout", checked_out), ("checkin", checked_in)):
            if sa.event.contains(sa.pool.Pool, name, listener):
                sa.event.remove(sa.pool.Pool, name, listener)
