"""``rental worker``: delivers committed events and runs the scheduled jobs.

With ``RENTAL_REDIS_URL``: the Dramatiq worker (consumers: emails, cache), the outbox relay
feeding it, and the expiry job. Without: the relay runs the consumers in this process, which
retries what the server's own after-commit delivery could not do, and the expiry job.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import click

from rental.composition import Rental, bootstrap_from
from rental.entrypoints.heartbeat import DEFAULT_MAX_AGE, Heartbeat, default_heartbeat_path
from rental.settings import Settings

log = logging.getLogger("rental.worker")


class InBackground:
    """A job run in a thread of its own, so that a slow run never holds up the others (a
    calendar feed may take up to 10 s to fetch, and the relay runs every second). A turn that
    comes while the last run is still going is skipped."""

    def __init__(self, name: str, job: Callable[[], object]) -> None:
        self._name = name
        self._job = job
        self._thread: threading.Thread | None = None

    def __call__(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            result = self._job()
            if result and (not isinstance(result, dict) or any(result.values())):
                log.info("%s: %s", self._name, result)
        except Exception:  # the worker outlives a database outage; the next turn tries again
            log.exception("job %s failed", self._name)

    def join(self, timeout: float | None = None) -> None:
        """Wait for the run in progress, if any."""
        if self._thread is not None:
            self._thread.join(timeout)


class ScheduledJobs:
    """A relay pass every ``relay_every`` seconds and ``expire_bookings()`` (expiring unpaid
    and unanswered pending bookings, voiding their authorizations, completing ended stays)
    every ``expire_every`` seconds, and as often the emails about unread messages that are
    due; every ``sync_every`` seconds a sync of the imported calendars not fetched for
    ``RENTAL_ICAL_SYNC_MINUTES``, ``reconcile_payments()`` every ``reconcile_every``
    (hourly), and ``publish_reviews()`` (the reviews whose stays' 14 days have ended) every
    ``publish_every`` seconds. A failing job is logged and tried again at its next turn."""

    def __init__(
        self,
        rental: Rental,
        *,
        relay_every: float = 1.0,
        expire_every: float = 60.0,
        sync_every: float = 60.0,
        reconcile_every: float = 3600.0,
        publish_every: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        assert rental.delivery is not None
        self._rental = rental
        self._relay = rental.delivery.relay
        self._monotonic = monotonic
        self.channel_sync = InBackground("sync-calendars", rental.channel_sync.sync_due)
        self._jobs: list[tuple[str, float, Callable[[], object]]] = [
            ("relay", relay_every, self._relay.run_until_empty),
            ("expire-bookings", expire_every, rental.expire_bookings),
            ("email-unread-messages", expire_every, rental.email_unread_messages),
            # Checked often, so each import is fetched about RENTAL_ICAL_SYNC_MINUTES after
            # its last attempt rather than up to a whole period later.
            ("sync-calendars", sync_every, self.channel_sync),
            ("reconcile-payments", reconcile_every, lambda: rental.reconcile_payments().summary()),
            # Idempotent and safe beside another worker's run: each stay's version decides.
            ("publish-reviews", publish_every, rental.publish_reviews),
            # Uploads a day old that no photo holds (or whose processing is stuck).
            ("sweep-uploads", reconcile_every, rental.sweep_uploads),
        ]
        self._next_run = dict.fromkeys((name for name, _, _ in self._jobs), 0.0)

    def tick(self) -> float:
        """Run the jobs that are due; return the seconds until the next one is."""
        for name, every, job in self._jobs:
            if self._monotonic() < self._next_run[name]:
                continue
            try:
                result = job()
                if result and (not isinstance(result, dict) or any(result.values())):
                    log.info("%s: %s", name, result)
            except Exception:  # the worker outlives a database or broker outage
                log.exception("job %s failed; next try in %ss", name, every)
            self._next_run[name] = self._monotonic() + every
        return max(0.0, min(self._next_run.values()) - self._monotonic())

    def run(self, stop: threading.Event, heartbeat: Heartbeat | None = None) -> None:
        while not stop.is_set():
            wait = self.tick()
            if heartbeat is not None:
                heartbeat.beat()
            stop.wait(wait)


def check_heartbeat(heartbeat: Heartbeat, max_age: float) -> None:
    """Exit 0 when the loop beat in the last ``max_age`` seconds, else 1 with the reason."""
    problem = heartbeat.problem(max_age)
    if problem is not None:
        click.echo(f"unhealthy: {problem}", err=True)
        raise SystemExit(1)
    click.echo(f"healthy: heartbeat {heartbeat.age():.1f}s ago")


def serve_metrics(rental: Rental, host: str, port: int) -> None:
    """The worker's own /metrics (its deliveries, the outbox backlog, the Dramatiq queues) on
    ``host:port``, in a daemon thread; keep the port off public networks."""
    from prometheus_client import start_http_server

    from rental.adapters.telemetry import metrics

    start_http_server(port, addr=host, registry=metrics.registry(rental.probes))
    log.info("worker metrics on http://%s:%s/metrics", host, port)


def run_worker(
    rental: Rental,
    jobs: ScheduledJobs,
    stop: threading.Event,
    threads: int,
    heartbeat: Heartbeat | None = None,
) -> None:
    """Consume (with Redis) and run the jobs until ``stop`` is set."""
    assert rental.delivery is not None
    queue = rental.delivery.queue
    consumer = queue.start_worker(threads) if queue is not None else None
    log.info("worker started (%s)", "Dramatiq on Redis" if queue else "in process, no Redis")
    try:
        jobs.run(stop, heartbeat)
    finally:
        if consumer is not None:
            consumer.stop(timeout=30_000)
        log.info("worker stopped")


@click.command("worker")
@click.option("--threads", default=4, show_default=True, help="Dramatiq worker threads.")
@click.option("--relay-every", default=1.0, show_default=True, help="Seconds between relay passes.")
@click.option("--expire-every", default=60.0, show_default=True, help="Seconds between expiries.")
@click.option(
    "--reconcile-every",
    default=3600.0,
    show_default=True,
    help="Seconds between reconciliations of payments with the provider.",
)
@click.option(
    "--publish-every",
    default=300.0,
    show_default=True,
    help="Seconds between publications of reviews whose 14 days have ended.",
)
@click.option(
    "--heartbeat-file",
    type=click.Path(path_type=Path),
    default=default_heartbeat_path,
    help="Touched at each turn of the loop; --check reads it.",
)
@click.option("--check", is_flag=True, help="Health check: exit 0 if a worker beat recently.")
@click.option("--check-max-age", default=DEFAULT_MAX_AGE, show_default=True, help="For --check.")
@click.option("--metrics-port", type=click.IntRange(0, 65535), default=0, help="0: no metrics.")
@click.option("--metrics-host", default="127.0.0.1", show_default=True)
@click.pass_obj
def worker(
    settings: Settings,
    threads: int,
    relay_every: float,
    expire_every: float,
    reconcile_every: float,
    publish_every: float,
    heartbeat_file: Path,
    check: bool,
    check_max_age: float,
    metrics_port: int,
    metrics_host: str,
) -> None:
    """Deliver events (emails, cache), expire overdue bookings and sync imported calendars,
    until SIGTERM or Ctrl-C."""
    heartbeat = Heartbeat(heartbeat_file)
    if check:
        check_heartbeat(heartbeat, check_max_age)
        return
    rental = bootstrap_from(settings)
    if metrics_port:
        serve_metrics(rental, metrics_host, metrics_port)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    jobs = ScheduledJobs(
        rental,
        relay_every=relay_every,
        expire_every=expire_every,
        reconcile_every=reconcile_every,
        publish_every=publish_every,
    )
    try:
        run_worker(rental, jobs, stop, threads, heartbeat)
    finally:
        rental.close()
