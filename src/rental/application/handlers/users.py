"""Handlers of accounts: register, authenticate, update a profile, revoke a token."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.handlers.accounts import check_look_alike_email, check_password_of
from rental.application.ports import PasswordHasher
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.users import Role, User, check_password, normalize_email
from rental.domain.errors import (
    AuthenticationFailed,
    EmailTaken,
    InvalidInput,
    UsernameTaken,
)

# Verified when no user has the email, so that a miss takes as long as a wrong password.
_TIMING_DUMMY_PASSWORD = "not-a-real-password"  # noqa: S105


_dummy_hashes: WeakKeyDictionary[PasswordHasher, str] = WeakKeyDictionary()


def _timing_dummy_hash(hasher: PasswordHasher) -> str:
    """A hash made once per hasher, with its own parameters, for unknown emails to verify."""
    if hasher not in _dummy_hashes:
        _dummy_hashes[hasher] = hasher.hash(_TIMING_DUMMY_PASSWORD)
    return _dummy_hashes[hasher]


def _register(
    uow: UnitOfWork,
    deps: Dependencies,
    *,
    username: str,
    email: str,
    password: str,
    role: Role,
    full_name: str | None = None,
    verified: bool = False,
) -> User:
    check_password(password)
    user = User.register(
        user_id=deps.ids.new_id(),
        username=username,
        email=email,
        role=role,
        password_hash=deps.hasher.hash(password),
        now=deps.clock.now(),
        full_name=full_name,
        staff=role == Role.ADMIN,
    )
    if uow.users.by_email(user.email) is not None:
        raise EmailTaken(f"The email {user.email} is already registered.")
    if uow.users.username_taken(user.username):
        raise UsernameTaken(f"The username {user.username} is already taken.")
    user.email_skeleton = check_look_alike_email(uow, deps, user.email)
    user.username_skeleton = deps.look_alikes.skeleton(user.username)
    if uow.users.username_look_alike_taken(user.username_skeleton):
        raise UsernameTaken(f"The username {user.username} looks like another user's.")
    if verified:
        user.email_verified_at = user.created_at
    uow.users.add(user)
    uow.commit()
    return user


def register_user(cmd: c.RegisterUser, uow: UnitOfWork, deps: Dependencies) -> User:
    if cmd.role not in (Role.GUEST, Role.HOST):
        raise InvalidInput.field("role", "must be 'guest' or 'host'.")
    return _register(
        uow,
        deps,
        username=cmd.username,
        email=cmd.email,
        password=cmd.password,
        role=Role(cmd.role),
        full_name=cmd.full_name,
    )


def create_admin(cmd: c.CreateAdmin, uow: UnitOfWork, deps: Dependencies) -> User:
    """Whoever runs the CLI vouches for the address: an admin starts verified."""
    return _register(
        uow,
        deps,
        username=cmd.username,
        email=cmd.email,
        password=cmd.password,
        role=Role.ADMIN,
        verified=True,
    )


def authenticate(cmd: c.Authenticate, uow: UnitOfWork, deps: Dependencies) -> User:
    """The user with these credentials, or ``AuthenticationFailed`` (never saying which part)."""
    try:
        user = uow.users.by_email(normalize_email(cmd.email))
    except InvalidInput:
        user = None
    if user is None:
        # One verify, as for a known email: hashing the dummy here too took a second hash,
        # and the extra time told which emails have accounts.
        deps.hasher.verify(_timing_dummy_hash(deps.hasher), cmd.password)
        raise AuthenticationFailed("Wrong email or password.")
    check_password_of(
        uow, deps, user, cmd.password, AuthenticationFailed("Wrong email or password.")
    )
    user.check_can_sign_in()
    return user


def update_profile(cmd: c.UpdateProfile, uow: UnitOfWork, deps: Dependencies) -> User:
    user = uow.users.get(cmd.actor.user_id)
    user.update_profile(now=deps.clock.now(), full_name=cmd.full_name, bio=cmd.bio)
    uow.commit()
    return user


def revoke_token(cmd: c.RevokeToken, uow: UnitOfWork, deps: Dependencies) -> None:
    uow.revoked_tokens.revoke(cmd.jti, cmd.expires_at)
    uow.commit()
