"""What one account may hold at once, so that no one exhausts the marketplace for others."""

from __future__ import annotations

from attrs import frozen

from rental.domain.errors import TooManyListings

DEFAULT_MAX_LISTINGS_PER_HOST = 100


@frozen(kw_only=True)
class Limits:
    """``max_listings_per_host``: listings (not deleted) a host may have at once
    (``RENTAL_MAX_LISTINGS_PER_HOST``)."""

    max_listings_per_host: int = DEFAULT_MAX_LISTINGS_PER_HOST

    def check_host_may_list_another(self, listings_hosted: int) -> None:
        if listings_hosted >= self.max_listings_per_host:
            raise TooManyListings(
                f"A host may have at most {self.max_listings_per_host} listings at once; "
                "delete one before creating another."
            )
