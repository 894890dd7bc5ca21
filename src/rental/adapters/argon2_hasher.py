"""Passwords hashed with argon2id (argon2-cffi): slow, salted, with its parameters inside."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2Hasher:
    """The production password hasher. ``fast=True`` lowers the cost for tests only."""

    def __init__(self, *, fast: bool = False) -> None:
        self._hasher = (
            PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
            if fast
            else PasswordHasher()
        )

    def hash(self, password: str) -> str:
        return str(self._hasher.hash(password))

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False
