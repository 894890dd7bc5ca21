"""``rental serve``: the HTTP API under gunicorn (threaded workers), or Flask's debug server.

Gunicorn stops gracefully on SIGTERM: workers finish their requests within
``graceful_timeout``, then each closes its ``Rental`` (and so its database pool).
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from rental.entrypoints.http.document import REQUEST_LINE_LIMIT
from rental.settings import Settings

log = logging.getLogger("rental.serve")
DEFAULT_THREADS = 8
GRACEFUL_SECONDS = 30


def _forget_worker_metrics(_server: Any, worker: Any) -> None:
    """Gunicorn's ``child_exit`` hook: a dead worker's live gauges (pool use) leave /metrics."""
    from rental.adapters.telemetry import metrics

    metrics.mark_process_dead(worker.pid)


def metrics_directory() -> str:
    """Where the workers' metrics meet (``PROMETHEUS_MULTIPROC_DIR``, else a new temporary
    directory), emptied of a previous run's files; set before any worker starts."""
    from rental.adapters.telemetry import MULTIPROCESS_DIR

    path = os.environ.get(MULTIPROCESS_DIR) or tempfile.mkdtemp(prefix="rental-metrics-")
    for stale in Path(path).glob("*.db"):
        stale.unlink()
    os.environ[MULTIPROCESS_DIR] = path
    return path


def logging_config(settings: Settings) -> dict[str, Any]:
    """Gunicorn's own lines go through rental's handler (JSON or text, with the context);
    its access log is off: each request's line is rental's, with the route and user id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": settings.log_level, "handlers": ["rental"]},
        "loggers": {
            "gunicorn.error": {"level": settings.log_level, "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
        "handlers": {
            "rental": {
                "()": "rental.adapters.telemetry.logs.make_handler",
                "log_format": settings.log_format,
            }
        },
        "formatters": {},
    }


def _close_rental(_server: Any, worker: Any) -> None:
    """Gunicorn's ``worker_exit`` hook: release the worker's database connections.

    A worker that stops gracefully then ends at once: the interpreter's own finalization of a
    process this size took 1 s of CPU, which a busy machine stretched to 12 s of a `docker
    stop`'s 40. A worker that failed to boot exits as gunicorn decides (the master stops)."""
    app = getattr(worker, "wsgi", None)
    rental = getattr(app, "extensions", {}).get("rental")
    if rental is not None:
        rental.close()
    if getattr(worker, "booted", False) and not getattr(worker, "alive", True):
        logging.shutdown()  # flush every handler: nothing after this runs
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


class RentalServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn run from Python: each worker builds its own app after the fork, so no
    database connection is ever shared between processes."""

    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:  # newer settings are skipped on older gunicorns
                self.cfg.set(name, value)

    def load(self) -> Any:
        from rental.entrypoints.http import create_app

        return create_app(self.settings)


def default_workers(settings: Settings) -> int:
    """Without Redis the rate-limit counters live in one process, so one process it is."""
    return 2 * (os.cpu_count() or 1) if settings.redis_url else 1


def worker_class(settings: Settings) -> type[Any]:
    """The worker of ``entrypoints.gunicorn_worker``, buffering bodies up to the body limit."""
    from rental.entrypoints.gunicorn_worker import BufferingThreadWorker

    return type(
        "RentalWorker", (BufferingThreadWorker,), {"max_body_bytes": settings.max_body_bytes}
    )


def gunicorn_options(
    settings: Settings, *, host: str, port: int, workers: int, threads: int
) -> dict[str, Any]:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return {
        "bind": [bind],
        "workers": workers,
        "threads": threads,
        # gthread that buffers each request whole before a thread takes it (slow clients
        # cost no thread) and writes gunicorn's own errors as problem+json.
        "worker_class": worker_class(settings),
        "graceful_timeout": GRACEFUL_SECONDS,
        "preload_app": False,
        "proc_name": "rental",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "logconfig_dict": logging_config(settings),
        "worker_exit": _close_rental,
        "child_exit": _forget_worker_metrics,
        # Gunicorn 24+ opens a control socket at one path per user; two servers would clash.
        "control_socket_disable": True,
        # What the OpenAPI document declares as each operation's 414.
        "limit_request_line": REQUEST_LINE_LIMIT,
    }


def check_port_is_free(host: str, port: int) -> None:
    """Exit with one clear line when ``host:port`` cannot be bound (taken, or not an address
    of this machine), before anything claims to serve there. Gunicorn would otherwise retry
    for five seconds, log a traceback-like trail and exit 1."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As gunicorn binds: a port in TIME_WAIT from a previous run is not "taken".
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            why = "it is already in use; choose another with --port (PORT=... for make run)"
        else:
            why = error.strerror or str(error)
        click.echo(f"rental serve: cannot listen on {host}:{port}: {why}.", err=True)
        raise SystemExit(1) from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(min=1), help="Default: 1, or 2 x cores with Redis.")
@click.option("--threads", default=DEFAULT_THREADS, show_default=True, type=click.IntRange(min=1))
@click.option("--debug", is_flag=True, help="Flask's development server with the reloader.")
@click.pass_obj
def serve(
    settings: Settings, host: str, port: int, workers: int | None, threads: int, debug: bool
) -> None:
    """Serve the HTTP API."""
    if workers is not None and workers > 1 and not settings.redis_url:
        raise click.UsageError(
            "--workers > 1 needs RENTAL_REDIS_URL: without Redis each process would keep its "
            "own login rate-limit counters. Use --threads for more concurrency."
        )
    check_port_is_free(host, port)
    if debug:
        # Werkzeug's debugger runs any code a visitor types: never outside development.
        if not settings.is_development:
            raise click.UsageError("--debug needs RENTAL_ENV=development.")
        from rental.entrypoints.http import create_app

        create_app(settings).run(host=host, port=port, debug=True, threaded=True)
        return
    workers = workers or default_workers(settings)
    metrics_directory()
    log.info("Serving on %s:%s with %s worker(s) x %s threads", host, port, workers, threads)
    RentalServer(
        settings, gunicorn_options(settings, host=host, port=port, workers=workers, threads=threads)
    ).run()
