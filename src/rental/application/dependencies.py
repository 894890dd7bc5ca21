"""What handlers need besides their unit of work, passed explicitly by ``bootstrap``."""

from __future__ import annotations

from collections.abc import Callable

from attrs import field, frozen

from rental.application.account_repositories import LookAlikes, PlainLookAlikes
from rental.application.bookkeeping import PayoutGateway
from rental.application.messaging.ports import MessageRate
from rental.application.ports import (
    Clock,
    IdGenerator,
    PasswordHasher,
    PaymentGateway,
    WindowCounter,
)
from rental.application.unit_of_work import UnitOfWork
from rental.domain.accounts.sign_in import DEFAULT_SIGN_IN_FAILURES
from rental.domain.limits import Limits
from rental.domain.payments.ledger import DEFAULT_HOST_FEE_PERCENT


@frozen
class Dependencies:
    """The ports the command handlers use."""

    uow_factory: Callable[[], UnitOfWork]
    clock: Clock
    ids: IdGenerator
    hasher: PasswordHasher
    gateway: PaymentGateway
    host_fee_percent: int = DEFAULT_HOST_FEE_PERCENT  # RENTAL_HOST_FEE_PERCENT
    payouts: PayoutGateway | None = None  # bootstrap() always gives one
    require_verified_email: bool = False  # RENTAL_REQUIRE_VERIFIED_EMAIL
    sign_in_failures: int = DEFAULT_SIGN_IN_FAILURES  # RENTAL_SIGNIN_FAILURES
    look_alikes: LookAlikes = field(factory=PlainLookAlikes)  # bootstrap() gives TR39's
    message_rate: MessageRate | None = None  # messages per sender a minute; None: no limit
    limits: Limits = field(factory=Limits)  # what one account may hold at once (RENTAL_MAX_*)
    sync_rate: WindowCounter | None = None  # syncs asked for per listing; None: no limit
