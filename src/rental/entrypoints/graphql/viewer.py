"""``viewer``: the signed-in caller's own things, each business area adding its fields."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from rental.entrypoints.graphql.accounts import AccountsViewer
from rental.entrypoints.graphql.messaging import MessagingViewer
from rental.entrypoints.graphql.types import Info
from rental.entrypoints.graphql.wishlists import WishlistsViewer

Viewer = merge_types("Viewer", (MessagingViewer, AccountsViewer, WishlistsViewer))


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The signed-in caller's own things; null when anonymous.")
    @staticmethod
    def viewer(info: Info) -> Viewer | None:  # type: ignore[valid-type]
        return Viewer() if info.context.actor is not None else None
