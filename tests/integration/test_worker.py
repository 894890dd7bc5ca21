"""``rental worker`` with the real Redis, a real Dramatiq worker and PostgreSQL: events that
outlive a Redis outage, retries ending in the dead-letter queue, and redelivery acting once."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.redis.broker import QUEUE, EventQueue
from rental.adapters.system import SystemClock
from rental.application.consumers.account_mail import VERIFY
from rental.application.relay import OutboxRelay
from rental.composition import Rental, bootstrap
from rental.entrypoints.http import create_app
from rental.entrypoints.worker import ScheduledJobs, run_worker
from tests.events import UNREACHABLE_REDIS_URL, RecordingNotifier, SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.integration.event_steps import book, host_guest_listing
from tests.integration.http.booking_steps import API, booked, day, host_with_listing
from tests.integration.http.conftest import signup, test_settings

pytestmark = pytest.mark.redis


@pytest.mark.postgres
def test_a_booking_made_while_redis_is_down_mails_once_the_worker_runs(
    postgres_url: str, redis_url: str, redis_namespace: str, smtp_inbox: SmtpInbox
) -> None:
    clock = FakeClock(datetime.now(UTC))
    server = bootstrap(
        database_url=postgres_url, redis_url=UNREACHABLE_REDIS_URL, clock=clock,
        password_hasher=Argon2Hasher(fast=True), redis_namespace=redis_namespace,
    )  # fmt: skip
    settings = test_settings(database_url=postgres_url, redis_url=UNREACHABLE_REDIS_URL)
    client = create_app(settings, rental=server).test_client()
    host, _, listing = host_with_listing(client)
    guest, headers = signup(client)
    booking_id = booked(client, headers, listing["id"], day(clock, 5), day(clock, 7))  # 201
    assert client.get(f"{API}/bookings/{booking_id}", headers=headers).status_code == 200
    assert server.delivery is not None
    assert server.delivery.relay.run_once() == 0, "Redis is down: nothing can be sent"
    server.close()

    worker = bootstrap(
        database_url=postgres_url, redis_url=redis_url, smtp_url=smtp_inbox.url,
        redis_namespace=redis_namespace,
    )  # fmt: skip
    stop = threading.Event()
    jobs = ScheduledJobs(worker, relay_every=0.2, expire_every=3600)
    thread = threading.Thread(target=run_worker, args=(worker, jobs, stop, 1))
    thread.start()
    try:
        # The booking's two emails, and each new account's verification link.
        wait_until(lambda: len(smtp_inbox.messages) >= 4, timeout=20, what="the booking emails")
    finally:
        stop.set()
        thread.join(timeout=40)
        worker.close()
    assert not thread.is_alive()
    smtp_inbox.messages = [m for m in smtp_inbox.messages if m["Subject"] != VERIFY[0]]
    [to_guest], [to_host] = smtp_inbox.to(guest["email"]), smtp_inbox.to(host["email"])
    assert to_guest["Subject"].startswith(f"Booking requested: {listing['title']}")
    assert to_host["Subject"].startswith(f"New booking request: {listing['title']}")
    assert booking_id in to_host.get_payload(decode=True).decode()


def _fast_retrying_queue(rental: Rental, redis_url: str, namespace: str) -> EventQueue:
    assert rental.delivery is not None
    return EventQueue(
        redis_url, namespace=f"{namespace}:fast", dispatch=rental.delivery.dispatcher.dispatch,
        max_retries=2, min_backoff_ms=10, max_backoff_ms=50,
    )  # fmt: skip


def test_a_failing_consumer_is_retried_then_dead_lettered_with_a_log_line(
    redis_url: str, redis_namespace: str, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = RecordingNotifier(fail_times=-1)
    rental = bootstrap(
        redis_url=redis_url, redis_namespace=redis_namespace, notifier=notifier,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    stay = host_guest_listing(rental)
    book(rental, stay)
    assert rental.delivery is not None
    queue = _fast_retrying_queue(rental, redis_url, redis_namespace)
    relay = OutboxRelay(rental.delivery.outbox, queue.send, SystemClock())
    assert relay.run_once() >= 1
    consumer = queue.start_worker(threads=1)
    try:
        with caplog.at_level(logging.ERROR, logger="rental.adapters.redis.broker"):
            wait_until(lambda: queue.dead_letters() >= 3, timeout=20, what="dead letters")
    finally:
        consumer.stop(timeout=10_000)
        queue.close()
        rental.close()

    assert queue.dead_letters() == 3  # the booking's, and each new account's verification
    lines = [r.getMessage() for r in caplog.records if "dead-lettered" in r.getMessage()]
    [line] = [text for text in lines if "event BookingRequested" in text]
    assert "after 3 failed attempts" in line
    assert "mail server down" in line
    # Guest and host, and each account's verification link: the first try and 2 retries.
    assert notifier.calls == (2 + 2) * 3
    assert notifier.sent == []


def test_an_event_delivered_twice_through_the_broker_sends_one_email(
    redis_url: str, redis_namespace: str
) -> None:
    notifier = RecordingNotifier()
    rental = bootstrap(
        redis_url=redis_url, redis_namespace=redis_namespace, notifier=notifier,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    stay = host_guest_listing(rental)
    book(rental, stay)
    assert rental.delivery is not None and rental.delivery.queue is not None
    queue = rental.delivery.queue
    entries = rental.delivery.outbox.claim(datetime.now(UTC), timedelta(minutes=1), 100)
    [requested] = [e for e in entries if e.event_name == "BookingRequested"]
    queue.send(requested)
    queue.send(requested)  # a redelivery, as after a worker died before its ack
    consumer = queue.start_worker(threads=2)
    try:
        queue.broker.join(QUEUE, timeout=10_000)
        consumer.join()
    finally:
        consumer.stop(timeout=10_000)
        rental.close()
    assert sorted(m["to"] for m in notifier.sent) == [stay.guest_email, stay.host_email]
