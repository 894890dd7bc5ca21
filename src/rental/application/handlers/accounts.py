"""Handlers of credentials and sessions: change or reset a password, verify or change the
email, open, rotate and end sign-in sessions (issue 21)."""

from __future__ import annotations

import re
from datetime import timedelta

from attrs import frozen

from rental.application import commands as c
from rental.application.dependencies import Dependencies
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.one_time_tokens import (
    RESET_EMAILS_PER_HOUR,
    OneTimeToken,
    TokenPurpose,
    split_token,
)
from rental.domain.accounts.sessions import LoginSession
from rental.domain.accounts.sign_in import lock_after
from rental.domain.accounts.users import User, check_password, normalize_email
from rental.domain.errors import (
    EmailTaken,
    InvalidInput,
    InvalidToken,
    RefreshTokenReused,
    SessionEnded,
    SessionNotFound,
    WrongPassword,
)
from rental.domain.events import PasswordResetRequested

EMAIL_TOKENS = (TokenPurpose.VERIFY_EMAIL, TokenPurpose.CHANGE_EMAIL)


@frozen
class SignedIn:
    """A user with a new session: what the HTTP layer turns into a pair of tokens."""

    user: User
    session: LoginSession


@frozen
class MailedToken:
    """A token to mail (the only moment its secret exists outside the mail) and where to."""

    to: str
    token: str


def check_email_verified(uow: UnitOfWork, deps: Dependencies, user_id: str) -> None:
    """With ``RENTAL_REQUIRE_VERIFIED_EMAIL``, listing, booking and paying need a verified
    address (403 ``email-not-verified``); without it, nothing is read."""
    if deps.require_verified_email:
        uow.users.get(user_id).check_email_is_verified()


def check_password_of(
    uow: UnitOfWork,
    deps: Dependencies,
    user: User,
    password: str,
    wrong: Exception,
    *,
    commit_clear: bool = True,
) -> None:
    """The one check of a user's password, at login and before a sensitive change: refused
    unread while the account is locked (429), ``wrong`` raised when it does not match, after
    the failure is counted and committed; a match clears the failures. Before a change, the
    clearing is left to the change's own commit (``commit_clear=False``): committing here would
    end the unit of work, and the change made after it would never be written."""
    now = deps.clock.now()
    standing = uow.sign_in_failures.standing(user.id)
    standing.check_not_locked(now)
    if not deps.hasher.verify(user.password_hash, password):
        failures = uow.sign_in_failures.record_failure(user.id)
        until = lock_after(failures, deps.sign_in_failures, now)
        if until is not None:
            uow.sign_in_failures.lock(user.id, until)
        uow.commit()
        raise wrong
    if standing.failures:
        uow.sign_in_failures.clear(user.id)
        if commit_clear:
            uow.commit()


def check_current_password(uow: UnitOfWork, deps: Dependencies, user: User, password: str) -> None:
    """The current password before a sensitive change (403 when wrong; counted)."""
    check_password_of(
        uow,
        deps,
        user,
        password,
        WrongPassword("The current password is wrong."),
        commit_clear=False,
    )


def check_look_alike_email(
    uow: UnitOfWork, deps: Dependencies, email: str, user_id: str | None = None
) -> str:
    """The skeleton of ``email``, after refusing one that mixes scripts in a part (local part
    or domain label) or that looks like another account's address (409)."""
    look = deps.look_alikes
    if any(look.is_mixed_script(part) for part in re.split(r"[@.]", email)):
        raise InvalidInput.field("email", "must not mix scripts (Latin with Cyrillic, say).")
    skeleton = look.skeleton(email)
    if uow.users.email_look_alike_taken(skeleton, except_user_id=user_id):
        raise EmailTaken(f"The email {email} looks like the address of another account.")
    return skeleton


def _open_session(
    uow: UnitOfWork, deps: Dependencies, user: User, user_agent: str, lifetime: timedelta
) -> LoginSession:
    session = LoginSession.start(
        session_id=deps.ids.new_id(),
        user_id=user.id,
        refresh_jti=deps.ids.new_id(),
        user_agent=user_agent,
        now=deps.clock.now(),
        lifetime=lifetime,
    )
    uow.login_sessions.add(session)
    return session


def _end(uow: UnitOfWork, session: LoginSession, deps: Dependencies) -> None:
    """End a session and revoke its access tokens (their ``jti`` is the session's id)."""
    session.end(deps.clock.now())
    uow.revoked_tokens.revoke(session.id, session.expires_at)


def _end_all(uow: UnitOfWork, user: User, deps: Dependencies) -> None:
    for session in uow.login_sessions.live_of(user.id, deps.clock.now()):
        session.end(deps.clock.now())


def start_session(cmd: c.StartSession, uow: UnitOfWork, deps: Dependencies) -> SignedIn:
    user = uow.users.get(cmd.user_id)
    user.check_can_sign_in()
    session = _open_session(uow, deps, user, cmd.user_agent, cmd.lifetime)
    uow.commit()
    return SignedIn(user, session)


def rotate_refresh_token(
    cmd: c.RotateRefreshToken, uow: UnitOfWork, deps: Dependencies
) -> SignedIn:
    """Swap the refresh token; an already rotated one ends the whole session (committed
    before the 401, so that the thief's copy and the victim's both stop)."""
    session = uow.login_sessions.get(cmd.session_id)
    if session is None or session.user_id != cmd.user_id:
        raise SessionEnded("This session has ended; sign in again.")
    now = deps.clock.now()
    session.check_is_live(now)
    if session.is_reuse(cmd.jti):
        _end(uow, session, deps)
        uow.commit()
        raise RefreshTokenReused("This refresh token was already used; the session ended.")
    user = uow.users.get(cmd.user_id)
    user.check_can_sign_in()
    session.rotate(cmd.jti, deps.ids.new_id(), now)
    session.expires_at = now + cmd.lifetime
    uow.commit()
    return SignedIn(user, session)


def end_session(cmd: c.EndSession, uow: UnitOfWork, deps: Dependencies) -> None:
    """End one of the caller's own sessions; anyone else's is 404, as a missing one."""
    session = uow.login_sessions.get(cmd.session_id)
    if session is None or session.user_id != cmd.actor.user_id:
        raise SessionNotFound(f"No session {cmd.session_id}.")
    if not session.is_ended:
        _end(uow, session, deps)
        uow.commit()


def end_every_session(cmd: c.EndEverySession, uow: UnitOfWork, deps: Dependencies) -> None:
    """``POST /auth/logout-all``: every token of the user stops (``token_version``)."""
    user = uow.users.get(cmd.actor.user_id)
    user.end_every_session(now=deps.clock.now())
    _end_all(uow, user, deps)
    uow.commit()


def _void_tokens(uow: UnitOfWork, user: User, deps: Dependencies) -> None:
    """A password change voids every reset token still out."""
    for token in uow.one_time_tokens.unspent_of(user.id, (TokenPurpose.PASSWORD_RESET,)):
        token.spend(deps.clock.now())


def change_password(cmd: c.ChangePassword, uow: UnitOfWork, deps: Dependencies) -> SignedIn:
    user = uow.users.get(cmd.actor.user_id)
    check_current_password(uow, deps, user, cmd.current_password)
    password_hash = deps.hasher.hash(check_password(cmd.new_password))
    user.change_password(password_hash=password_hash, now=deps.clock.now())
    _end_all(uow, user, deps)
    _void_tokens(uow, user, deps)
    session = _open_session(uow, deps, user, cmd.user_agent, cmd.lifetime)
    uow.commit()
    return SignedIn(user, session)


def request_password_reset(
    cmd: c.RequestPasswordReset, uow: UnitOfWork, deps: Dependencies
) -> None:
    """Record the ask and nothing else: the same statement for any address, known or not,
    so the answer cannot tell them apart, by status or by time."""
    try:
        email = normalize_email(cmd.email)
    except InvalidInput:
        raise InvalidInput.field("email", "is not a valid email address.") from None
    uow.record(PasswordResetRequested(occurred_at=deps.clock.now(), email=email))
    uow.commit()


def issue_password_reset(
    cmd: c.IssuePasswordReset, uow: UnitOfWork, deps: Dependencies
) -> MailedToken | None:
    """A reset token for the enabled user with this address; ``None`` for no such user, or
    once three were sent this hour (counted in the database, so across processes)."""
    user = uow.users.by_email(cmd.email)
    if user is None or user.is_disabled:
        return None
    now = deps.clock.now()
    purpose = TokenPurpose.PASSWORD_RESET
    if uow.one_time_tokens.issued_since(user.id, purpose, now - timedelta(hours=1)) >= (
        RESET_EMAILS_PER_HOUR
    ):
        return None
    _void_tokens(uow, user, deps)  # a newer token voids the older ones
    token, secret = OneTimeToken.issue(user_id=user.id, purpose=purpose, now=now)
    uow.one_time_tokens.add(token)
    uow.commit()
    return MailedToken(user.email, secret)


def _spend(
    uow: UnitOfWork, deps: Dependencies, presented: str, purposes: tuple[TokenPurpose, ...]
) -> OneTimeToken:
    """The token ``presented`` names, checked and spent; ``InvalidToken`` otherwise. Its row
    is locked, so of two uses at once one waits and then finds it spent."""
    token_id, secret = split_token(presented)
    token = uow.one_time_tokens.get(token_id)
    if token is None:
        raise InvalidToken("The token is invalid, used or expired.")
    now = deps.clock.now()
    token.check_usable(secret, purposes, now)
    token.spend(now)
    return token


def reset_password(cmd: c.ResetPassword, uow: UnitOfWork, deps: Dependencies) -> None:
    check_password(cmd.new_password)
    token = _spend(uow, deps, cmd.token, (TokenPurpose.PASSWORD_RESET,))
    user = uow.users.get(token.user_id)
    user.change_password(password_hash=deps.hasher.hash(cmd.new_password), now=deps.clock.now())
    _end_all(uow, user, deps)
    _void_tokens(uow, user, deps)
    uow.sign_in_failures.clear(user.id)  # the owner is back: a lock on the account ends
    uow.commit()


def issue_email_token(
    cmd: c.IssueEmailToken, uow: UnitOfWork, deps: Dependencies
) -> MailedToken | None:
    """A verification token for the user's address (or for ``new_email``); it voids the
    user's earlier ones of the same kind. ``None`` when there is nothing to verify."""
    user = uow.users.get(cmd.user_id)
    if user.is_disabled or user.is_deleted or (cmd.new_email is None and user.email_verified):
        return None
    purpose = TokenPurpose.VERIFY_EMAIL if cmd.new_email is None else TokenPurpose.CHANGE_EMAIL
    now = deps.clock.now()
    for old in uow.one_time_tokens.unspent_of(user.id, (purpose,)):
        old.spend(now)
    token, secret = OneTimeToken.issue(
        user_id=user.id,
        purpose=purpose,
        now=now,
        new_email=cmd.new_email,
    )
    uow.one_time_tokens.add(token)
    uow.commit()
    return MailedToken(cmd.new_email or user.email, secret)


def verify_email(cmd: c.VerifyEmail, uow: UnitOfWork, deps: Dependencies) -> User:
    """Confirm an address: the account's own, or the new one of an email change (409 when
    someone registered it meanwhile; the database's unique index settles a race)."""
    token = _spend(uow, deps, cmd.token, EMAIL_TOKENS)
    user = uow.users.get(token.user_id)
    now = deps.clock.now()
    if token.new_email is None:
        user.verify_email(now=now)
    else:
        if uow.users.by_email(token.new_email) is not None:
            raise EmailTaken(f"The email {token.new_email} was registered meanwhile.")
        skeleton = check_look_alike_email(uow, deps, token.new_email, user.id)
        user.change_email(new_email=token.new_email, skeleton=skeleton, now=now)
    uow.commit()
    return user


def resend_verification(cmd: c.ResendVerification, uow: UnitOfWork, deps: Dependencies) -> None:
    user = uow.users.get(cmd.actor.user_id)
    user.ask_for_verification(now=deps.clock.now())
    uow.commit()


def request_email_change(cmd: c.RequestEmailChange, uow: UnitOfWork, deps: Dependencies) -> None:
    user = uow.users.get(cmd.actor.user_id)
    check_current_password(uow, deps, user, cmd.current_password)
    new_email = user.ask_to_change_email(new_email=cmd.new_email, now=deps.clock.now())
    if uow.users.by_email(new_email) is not None:
        raise EmailTaken(f"The email {new_email} is already registered.")
    check_look_alike_email(uow, deps, new_email, user.id)
    uow.commit()
