"""The WSGI application for servers configured by module path.

Prefer gunicorn's factory form, which builds the app in each worker::

    gunicorn 'rental.entrypoints.wsgi:create()'

``rental.entrypoints.wsgi:app`` also works: it is built on first access, never on import.
"""

from __future__ import annotations

import sys
from typing import Any

from flask import Flask

from rental.settings import Settings, SettingsError

# Gunicorn's "worker boot error" status: the master stops instead of respawning a worker that
# can never start.
WORKER_BOOT_ERROR = 3


def create() -> Flask:
    """The app for the settings in the environment; a bad setting stops with its message."""
    from rental.entrypoints.cli import configure_logging
    from rental.entrypoints.http import create_app

    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"rental: {error}", file=sys.stderr)
        raise SystemExit(WORKER_BOOT_ERROR) from None
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)


def __getattr__(name: str) -> Any:
    if name == "app":
        app = create()
        globals()["app"] = app
        return app
    raise AttributeError(name)
