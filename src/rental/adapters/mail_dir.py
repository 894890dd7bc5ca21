"""Development's mailbox: every email also written to a directory, one file per message, so
that the README's walk-through (and a developer) can read the links without a mail server."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

from rental.application.ports import Notifier

_sequence = itertools.count(1)


class MailDirNotifier:
    """Writes ``<directory>/<time>-<n>-<recipient>.txt`` (headers, a blank line, the body in
    plain UTF-8), then hands the email to ``then`` (SMTP, or the log). Never for production:
    the files hold the links' tokens."""

    def __init__(self, directory: Path, then: Notifier) -> None:
        self._directory = directory
        self._then = then

    def send(self, *, to: str, subject: str, body: str) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9@._+-]", "_", to)[:200]
        name = f"{time.time_ns()}-{next(_sequence)}-{safe}.txt"
        text = f"To: {to}\nSubject: {subject}\n\n{body}"
        (self._directory / name).write_text(text, encoding="utf-8")
        self._then.send(to=to, subject=subject, body=body)
