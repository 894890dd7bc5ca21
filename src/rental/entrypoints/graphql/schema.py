"""The schema: types, limits, error codes; ``sdl()`` is what ``schema.graphql`` holds."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.types import ExecutionContext
from strawberry.types.base import get_object_definition

from rental.entrypoints.graphql.admin import AdminMutation, AdminQuery
from rental.entrypoints.graphql.errors import log_unexpected
from rental.entrypoints.graphql.execution import RentalExecution
from rental.entrypoints.graphql.limits import (
    MAX_TOKENS,
    Limits,
    PhaseCodes,
)
from rental.entrypoints.graphql.messaging import MessagingMutation, MessagingQuery
from rental.entrypoints.graphql.mutation import Mutation
from rental.entrypoints.graphql.photos import PhotoMutation
from rental.entrypoints.graphql.query import Query
from rental.entrypoints.graphql.scalars import SCALARS
from rental.entrypoints.graphql.viewer import ViewerQuery
from rental.entrypoints.graphql.wishlists import WishlistMutation, WishlistQuery


@strawberry.type(name="Query", description=get_object_definition(Query, strict=True).description)
class RootQuery(Query, ViewerQuery, MessagingQuery, AdminQuery, WishlistQuery):
    """The root query: each business area's fields beside the core's."""


@strawberry.type(
    name="Mutation", description=get_object_definition(Mutation, strict=True).description
)
class RootMutation(Mutation, MessagingMutation, PhotoMutation, AdminMutation, WishlistMutation):
    """The root mutation: each business area's fields beside the core's."""


class RentalSchema(strawberry.Schema):
    """Strawberry's schema, logging only what is a bug: a domain error is an answer, which
    the HTTP API does not log either."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors)


def build_schema() -> RentalSchema:
    """A new schema; extensions are factories, so no state is shared between requests."""
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=256),
        Limits,
        PhaseCodes,
        # After the rules: it validates once per document, with every rule added so far.
        lambda: ValidationCache(maxsize=256),
    ]
    return RentalSchema(
        query=RootQuery,
        mutation=RootMutation,
        extensions=extensions,
        execution_context_class=RentalExecution,
        scalar_overrides=SCALARS,
    )


def sdl() -> str:
    """The schema in the GraphQL schema definition language."""
    return build_schema().as_str() + "\n"
