"""Development's mailbox (``RENTAL_MAIL_DIR``): on by default in development only, one file
per email with its headers and plain body, and the email still goes on to the notifier."""

from __future__ import annotations

from pathlib import Path

from rental.adapters.mail_dir import MailDirNotifier
from rental.settings import Settings
from tests.events import RecordingNotifier
from tests.unit.test_operations_settings import BASE


def test_the_mail_dir_is_var_mail_in_development_and_off_elsewhere() -> None:
    assert Settings.from_env({"RENTAL_ENV": "development"}).accounts.mail_dir == Path("var/mail")
    assert Settings.from_env(BASE).accounts.mail_dir is None
    chosen = Settings.from_env(BASE | {"RENTAL_MAIL_DIR": "/tmp/mails"})
    assert chosen.accounts.mail_dir == Path("/tmp/mails")


def test_each_email_is_a_file_and_goes_on(tmp_path: Path) -> None:
    then = RecordingNotifier()
    notifier = MailDirNotifier(tmp_path / "mail", then)
    link = "http://localhost:3000/verify-email#token=abc.DEF_-1"
    notifier.send(to="gus@example.com", subject="Confirm", body=f"Open:\n\n{link}")
    notifier.send(to="../evil/x", subject="Other", body="x")
    files = sorted((tmp_path / "mail").iterdir())
    assert [f.name.split("-", 2)[2] for f in files] == ["gus@example.com.txt", ".._evil_x.txt"]
    assert files[0].read_text() == f"To: gus@example.com\nSubject: Confirm\n\nOpen:\n\n{link}"
    assert len(then.sent) == 2
