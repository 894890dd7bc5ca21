"""The money's scheduled jobs: reconciling payments with the provider, and paying hosts.
Each payment or payout is handled in its own transaction, so one failure holds back none of
the others. The ``Rental`` facade, the CLI and the worker call them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from attrs import define, field

from rental.application.commands import PayHost, ReconcilePayment
from rental.application.dependencies import Dependencies
from rental.application.handlers.provider_sync import Change, Outcome, needs_a_person
from rental.application.messagebus import MessageBus
from rental.application.ports import ProviderPayment
from rental.domain.errors import DomainError

log = logging.getLogger("rental.reconcile")
RECENT = timedelta(hours=48)  # payments touched since then are compared again


@define
class Reconciliation:
    """What a pass did: payments compared, repairs made, and what a person must look at."""

    compared: int = 0
    repaired: list[str] = field(factory=list)
    problems: list[str] = field(factory=list)

    def summary(self) -> dict[str, int]:
        return {
            "compared": self.compared,
            "repaired": len(self.repaired),
            "problems": len(self.problems),
        }


def reconcile_payments(
    bus: MessageBus, deps: Dependencies, alert: Callable[[list[str]], None], limit: int = 1000
) -> Reconciliation:
    """Compare every payment not in a final state, every one touched in the last 48 hours,
    and every payment the provider made through us in that time, with the provider's view;
    repair what can be; log and ``alert`` (the admin's email) what cannot."""
    since = deps.clock.now() - RECENT
    with deps.uow_factory() as uow:
        ours = uow.payments.to_reconcile(since, limit)
    seen: dict[str, ProviderPayment] = {ref: deps.gateway.lookup(ref) for ref in ours}
    for payment in deps.gateway.recent(since):
        seen.setdefault(payment.reference, payment)
    result = Reconciliation(compared=len(seen))
    for payment in seen.values():
        try:
            done: Outcome = bus.handle(ReconcilePayment(seen=payment))
        except DomainError as error:
            done = needs_a_person(f"cannot reconcile {payment.reference}: {error.detail}")
        if done.change is Change.NEEDS_A_PERSON:
            log.error("%s", done.text)
            result.problems.append(done.text)
        elif done.change is Change.CHANGED:
            log.warning("repaired %s: %s", payment.reference, done.text)
            result.repaired.append(f"{payment.reference}: {done.text}")
    if result.problems:
        alert(result.problems)
    return result


def pay_hosts(bus: MessageBus, deps: Dependencies, limit: int = 1000) -> dict[str, int]:
    """Pay every payout that is due (24 hours after check-in); how many paid and cancelled
    (nothing left to pay after refunds)."""
    with deps.uow_factory() as uow:
        due = uow.payouts.due(deps.clock.now(), limit)
    counts = {"paid": 0, "cancelled": 0}
    for booking_id in due:
        done = bus.handle(PayHost(booking_id=booking_id))
        if done in counts:
            counts[done] += 1
    return counts
