"""Throttling sign-in per account: after ``RENTAL_SIGNIN_FAILURES`` failed passwords (at
login or as the current password of a change), the account is locked for a while.

A lock, never a ban. The first lock lasts 30 seconds and each further failure after a lock
doubles it, up to 15 minutes; an attempt during a lock is refused (429) without reading the
password and without counting, so hammering cannot extend it. A successful sign-in or a
password reset clears the failures. An attacker can therefore hold an account for at most
15 minutes per failure they make after each lock, while the owner keeps the reset link,
which does not go through the lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from rental.domain.errors import TooManyAttempts

DEFAULT_SIGN_IN_FAILURES = 10
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)


@frozen
class SignInStanding:
    """An account's failed passwords since its last success, and its lock if any."""

    failures: int = 0
    locked_until: datetime | None = None

    def check_not_locked(self, now: datetime) -> None:
        if self.locked_until is not None and now < self.locked_until:
            seconds = int((self.locked_until - now).total_seconds()) + 1
            raise TooManyAttempts(
                f"Too many failed attempts on this account; try again in {seconds} seconds, "
                "or reset the password.",
                seconds,
            )


def lock_after(failures: int, allowed: int, now: datetime) -> datetime | None:
    """When the lock of an account ends after its ``failures``-th failure in a row, or
    ``None`` while ``failures`` is under ``allowed``."""
    if failures < allowed:
        return None
    doublings = min(failures - allowed, 10)  # 30 s x 2^5 passes the cap already
    lock: timedelta = min(LONGEST_LOCK, FIRST_LOCK * 2**doublings)
    return now + lock
