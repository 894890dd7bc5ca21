"""``rental serve-updates``: the long polls of ``GET /api/v1/threads/updates``, held on one
asyncio loop (``rental.entrypoints.updates_server`` says why and how)."""

from __future__ import annotations

import click

from rental.settings import Settings


@click.command("serve-updates")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--hold", default=25.0, show_default=True, help="Seconds a poll is held.")
@click.option(
    "--max-waiters",
    default=1000,
    show_default=True,
    type=int,
    help="Polls held at once; past it, 503 with Retry-After.",
)
def serve_updates(host: str, port: int, hold: float, max_waiters: int) -> None:
    """Serve GET /api/v1/threads/updates as long polls (needs RENTAL_REDIS_URL)."""
    from aiohttp import web

    from rental.entrypoints.http import create_app
    from rental.entrypoints.updates_server import make_app

    settings = Settings.from_env()
    if not settings.redis_url:
        raise click.UsageError("serve-updates needs Redis: set RENTAL_REDIS_URL.")
    flask_app = create_app(settings)
    app = make_app(
        flask_app,
        settings.redis_url,
        settings.redis_namespace,
        hold=hold,
        max_waiters=max_waiters,
    )
    try:
        web.run_app(app, host=host, port=port, print=None)
    finally:
        flask_app.extensions["rental"].close()
