"""What every resolver of one request shares: the caller, the application, the loaders."""

from __future__ import annotations

from typing import Any

from attrs import define

from rental.application.commands import Actor, Command
from rental.application.reads import Reads
from rental.composition import Rental
from rental.domain.errors import AuthenticationFailed
from rental.entrypoints.graphql.cost import DEFAULT_MAX_COST
from rental.entrypoints.graphql.loaders import Loaders


@define
class Context:
    """``actor`` is ``None`` for an anonymous caller; ``max_cost`` is the budget of one
    operation (``RENTAL_GRAPHQL_MAX_COST``, see ``cost``)."""

    rental: Rental
    actor: Actor | None
    loaders: Loaders
    max_cost: int = DEFAULT_MAX_COST

    @classmethod
    def of(cls, rental: Rental, actor: Actor | None, max_cost: int = DEFAULT_MAX_COST) -> Context:
        return cls(rental, actor, Loaders(rental.reads, actor), max_cost)

    @property
    def reads(self) -> Reads:
        return self.rental.reads

    def signed_in(self) -> Actor:
        """The caller, for a field that needs one (``UNAUTHENTICATED`` otherwise)."""
        if self.actor is None:
            raise AuthenticationFailed("Sign in first: this needs a bearer access token.")
        return self.actor

    def handle(self, command: Command) -> Any:
        """Send ``command`` through the bus the HTTP API uses."""
        return self.rental.handle(command)
