"""The emails of accounts: reset and verification links, notices of a changed password or
email. Consumers of the outbox, like the booking emails, so that a request only records
what was asked, and the lookup, the token and the email happen after its answer.

A link's token exists only here, between the handler that stored its hash and the notifier.
It is never logged, except that in development (``print_links``) the link itself is logged
so that the walk-through works without a mail server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rental.application import commands as c
from rental.application.delivery import Consumer
from rental.application.handlers.accounts import MailedToken
from rental.application.ports import Notifier
from rental.application.queries import ReadModel
from rental.domain import events as e
from rental.domain.accounts.exports import DataExportReady

logger = logging.getLogger(__name__)

SIGNATURE = "\n\n— rental\n"
LINK_EVENTS = (
    e.PasswordResetRequested,
    e.UserRegistered,
    e.EmailVerificationRequested,
    e.EmailChangeRequested,
)
NOTICE_EVENTS = (e.PasswordChanged, e.EmailChangeRequested)


class AccountMail:
    """Builds and sends the account emails. ``handle`` runs commands on the bus (to store a
    token's hash); links start with ``frontend_url`` (``RENTAL_FRONTEND_URL``)."""

    def __init__(
        self,
        handle: Callable[[c.Command], Any],
        model: ReadModel,
        notifier: Notifier,
        frontend_url: str,
        print_links: bool = False,
    ) -> None:
        self._handle = handle
        self._model = model
        self._notifier = notifier
        self._frontend_url = frontend_url.rstrip("/")
        self._print_links = print_links

    def consumers(self) -> list[Consumer]:
        """The links' consumer writes a token and mails it, so it is not run under the
        once-per-entry ledger, whose open transaction would hold SQLite's one write lock
        against the token's; a second delivery mails a fresh link and voids the first,
        which is what a user asking again gets too. The notices carry no token: once each."""
        return [
            Consumer("account-mail-links", LINK_EVENTS, self._send, once=False),
            Consumer("account-mail-notices", NOTICE_EVENTS, self._notice),
            Consumer("account-mail-farewell", (e.AccountDeleted,), self._farewell, once=False),
            Consumer("account-mail-export", (DataExportReady,), self._export_ready),
        ]

    def _export_ready(self, event: e.Event) -> None:
        """The link is to the front end's page of the export (no secret in it): signed in,
        it fetches the export, whose download link is made fresh at each read."""
        assert isinstance(event, DataExportReady)
        user = self._model.user(event.user_id)
        if user is None or user.is_deleted:
            return
        link = f"{self._frontend_url}/account/exports/{event.export_id}"
        subject, text = EXPORT_READY
        body = text.format(link=link) + SIGNATURE
        self._notifier.send(to=user.email, subject=subject, body=body)

    def _farewell(self, event: e.Event) -> None:
        """Confirm a deletion to the address the account had, then blank that address in
        the stored event, its last copy. Not under the ledger: a redelivery finds the
        address blanked and sends nothing (and the blanking writes, which the ledger's open
        transaction would hold up on SQLite)."""
        assert isinstance(event, e.AccountDeleted)
        if not event.email:
            return  # sent already: the address is forgotten
        subject, text = ACCOUNT_DELETED
        self._notifier.send(to=event.email, subject=subject, body=text + SIGNATURE)
        self._handle(c.ForgetDeletedAccount(user_id=event.user_id))

    def _send(self, event: e.Event) -> None:
        if isinstance(event, e.PasswordResetRequested):
            mailed = self._handle(c.IssuePasswordReset(email=event.email))
            self._mail_link(mailed, "reset-password", RESET)
        elif isinstance(event, e.UserRegistered | e.EmailVerificationRequested):
            mailed = self._handle(c.IssueEmailToken(user_id=event.user_id))
            self._mail_link(mailed, "verify-email", VERIFY)
        elif isinstance(event, e.EmailChangeRequested):
            mailed = self._handle(
                c.IssueEmailToken(user_id=event.user_id, new_email=event.new_email)
            )
            self._mail_link(mailed, "verify-email", CHANGE)

    def _notice(self, event: e.Event) -> None:
        if isinstance(event, e.EmailChangeRequested):
            subject, text = EMAIL_CHANGING
            body = text.format(new_email=event.new_email) + SIGNATURE
            self._notifier.send(to=event.old_email, subject=subject, body=body)
        elif isinstance(event, e.PasswordChanged):
            user = self._model.user(event.user_id)
            if user is not None and not user.is_deleted:
                subject, text = PASSWORD_CHANGED
                self._notifier.send(to=user.email, subject=subject, body=text + SIGNATURE)

    def _mail_link(self, mailed: MailedToken | None, path: str, words: tuple[str, str]) -> None:
        if mailed is None:
            return  # no such account, nothing to verify, or the hour's resets were sent
        link = f"{self._frontend_url}/{path}#token={mailed.token}"
        subject, text = words
        self._notifier.send(to=mailed.to, subject=subject, body=text.format(link=link) + SIGNATURE)
        if self._print_links:
            # Development only: the walk-through follows the link without a mail server.
            logger.info("development: %s link for %s: %s", path, mailed.to, link)


RESET = (
    "Reset your rental password",
    "Someone, hopefully you, asked to reset the password of your rental account. Open this "
    "link within 30 minutes to choose a new one; it works once:\n\n{link}\n\nIf it was not "
    "you, ignore this email: your password stays as it is.",
)
VERIFY = (
    "Confirm your email address",
    "Welcome to rental. Open this link within 7 days to confirm that this address is "
    "yours:\n\n{link}",
)
CHANGE = (
    "Confirm your new email address",
    "You asked to use this address for your rental account. Open this link within 7 days "
    "to confirm it; until then your account keeps its old address:\n\n{link}",
)
PASSWORD_CHANGED = (
    "Your rental password was changed",
    "The password of your rental account was just changed, and every device signed in "
    "before was signed out. If it was not you, reset your password now and write to us.",
)
EXPORT_READY = (
    "Your rental data export is ready",
    "The copy of your data you asked for is ready. Sign in and download it here within 24 "
    "hours; after that it is deleted, and you may ask for a new one:\n\n{link}",
)
ACCOUNT_DELETED = (
    "Your rental account was deleted",
    "Your rental account was deleted, as you asked. Your name, profile, email address, "
    "password and sessions are erased, and your listings are unlisted and their photos "
    "deleted. The bookings, payments and reviews you share with others stay, shown as a "
    "deleted user's, as bookkeeping law requires. This address is not kept once this email "
    "is sent; you may sign up with it again at any time.",
)
EMAIL_CHANGING = (
    "Your rental email address is being changed",
    "Someone signed in to your rental account asked to change its email address to "
    "{new_email}. It changes only once that address confirms it. If it was not you, "
    "change your password now and write to us.",
)
