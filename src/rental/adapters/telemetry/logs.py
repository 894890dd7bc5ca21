"""Log lines that carry their context: a request's id, route and user, a worker's outbox entry.

``log_context(...)`` binds fields for a block (a request, one delivery); ``bind(...)`` adds to
the current one (the user, once the token is checked). ``configure_logging`` installs one stderr
handler whose lines are JSON (``python-json-logger``) or text, both with the bound fields.
Nothing here reads a request or a message: callers bind only what is safe to log.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token
from types import MappingProxyType
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

LOG_FORMATS = ("json", "text")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_context: ContextVar[Mapping[str, Any]] = ContextVar("rental_log_context", default=_EMPTY)


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    """Every line logged inside the block, in this thread or task, carries ``fields``."""
    token = _context.set({**_context.get(), **fields})
    try:
        yield
    finally:
        _context.reset(token)


def open_context(**fields: Any) -> Token[Mapping[str, Any]]:
    """Start a context with only ``fields`` (a request); ``close_context`` ends it."""
    return _context.set(MappingProxyType(dict(fields)))


def close_context(token: Token[Mapping[str, Any]]) -> None:
    _context.reset(token)


def bind(**fields: Any) -> None:
    """Add ``fields`` to the innermost ``log_context`` until it ends."""
    _context.set({**_context.get(), **fields})


def current_context() -> Mapping[str, Any]:
    return _context.get()


class ContextFilter(logging.Filter):
    """Copies the bound fields onto each record (a field the call set itself wins)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in _context.get().items():
            if not hasattr(record, name):
                setattr(record, name, value)
        record.context = dict(_context.get())
        return True


class TextFormatter(logging.Formatter):
    """Human lines for development: the message, then the bound fields as ``key=value``."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        context: Mapping[str, Any] = getattr(record, "context", {})
        if context:
            line += " [" + " ".join(f"{key}={value}" for key, value in context.items()) + "]"
        return line


def json_formatter() -> logging.Formatter:
    """One JSON object a line: time, level, logger, message, and every bound or extra field."""
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        reserved_attrs=[*RESERVED_ATTRS, "taskName", "context"],
        timestamp=False,
    )


def make_handler(log_format: str, stream: Any = None) -> logging.Handler:
    """A stream handler (stderr by default) writing ``log_format`` lines with the context."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(json_formatter() if log_format == "json" else TextFormatter(TEXT_FORMAT))
    return handler


def configure_logging(level: str, log_format: str = "text") -> None:
    """Replace the root logger's handlers with one ``make_handler(log_format)`` at ``level``."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(make_handler(log_format))
    root.setLevel(level)
    # Alembic lists every plugin it loads at INFO; the migrations it runs stay visible.
    logging.getLogger("alembic.runtime.plugins").setLevel(max(logging.WARNING, root.level))
