"""Listings: a host's home, its prices and rules, and what it takes to book it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from attrs import define, field

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.bookings.policies import CancellationPolicy, PriceBreakdown
from rental.domain.calendar.booking_terms import DEFAULT_MAX_ADVANCE_DAYS, BookingTerms
from rental.domain.calendar.rates import MAX_NIGHT_PRICE
from rental.domain.calendar.stay import Stay, check_timezone, local_date
from rental.domain.calendar.taxes import Tax, check_taxes
from rental.domain.errors import (
    InvalidInput,
    ListingChanged,
    ListingHasLiveBookings,
    ListingNotFound,
    PermissionDenied,
)
from rental.domain.events import (
    ListingCreated,
    ListingDeleted,
    ListingUpdated,
)
from rental.domain.listings.details import (
    DETAILS,
    HouseRules,
    check_details,
    merged_house_rules,
)
from rental.domain.listings.places import check_coordinates, check_country
from rental.domain.money import MAX_CHARGE, check_currency
from rental.domain.reviews.review import SUB_RATINGS
from rental.domain.text import check_text

MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_TEXT = 200
MAX_AMENITIES = 100
MAX_GUESTS_LIMIT = 100
MAX_NIGHTS_LIMIT = 365 * 3
MAX_ADVANCE_DAYS_LIMIT = 1095  # the booking horizon's longest (BookingTerms.max_advance_days)
MAX_PRICE = MAX_CHARGE  # minor units: a night costs no more than one card payment may

# The fields a host sets, with their defaults (None: required on creation).
EDITABLE: dict[str, Any] = {
    "title": None,
    "description": "",
    "address": "",
    "city": None,
    "country": None,
    "latitude": None,
    "longitude": None,
    "timezone": "UTC",
    "price_per_night": None,
    "currency": "USD",
    "cleaning_fee": 0,
    "weekly_discount_percent": 0,
    "monthly_discount_percent": 0,
    "max_guests": None,
    "min_nights": 1,
    "max_nights": 365,
    "max_advance_days": DEFAULT_MAX_ADVANCE_DAYS,
    "instant_book": True,
    "cancellation_policy": CancellationPolicy.FLEXIBLE.value,
    "amenities": [],
    **DETAILS,
    "weekend_price": None,
    "extra_guest_fee": 0,
    "guests_included": None,
    "taxes": [],
}
REQUIRED = ("title", "city", "country", "price_per_night", "max_guests")
MULTILINE = ("description",)
OPTIONAL_NULLABLE = ("latitude", "longitude", "weekend_price", "guests_included")


def _check_text(
    errors: dict[str, list[str]], values: dict[str, Any], name: str, limit: int
) -> None:
    value = values[name]
    if not isinstance(value, str):
        errors[name] = ["must be a string."]
    elif name in REQUIRED and not value.strip():
        errors[name] = ["must not be blank."]
    else:
        check_text(errors, name, value, limit=limit, multiline=name in MULTILINE)


def _check_int(
    errors: dict[str, list[str]], values: dict[str, Any], name: str, low: int, high: int
) -> None:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int):
        errors[name] = ["must be an integer."]
    elif not low <= value <= high:
        errors[name] = [f"must be between {low} and {high}."]


def normalized_amenities(names: Iterable[str]) -> tuple[str, ...]:
    """Amenity names as listings keep them and searches ask for them: trimmed, lower-cased,
    each once, sorted; blank ones dropped."""
    return tuple(sorted({name.strip().lower() for name in names if name.strip()}))


def _check_pricing(errors: dict[str, list[str]], values: dict[str, Any]) -> None:
    """The prices by guest and by weekday, and the taxes (``rates.py``, ``taxes.py``)."""
    if values["weekend_price"] is not None:
        _check_int(errors, values, "weekend_price", 1, MAX_NIGHT_PRICE)
    _check_int(errors, values, "extra_guest_fee", 0, MAX_NIGHT_PRICE)
    if values["guests_included"] is not None:
        # More than max_guests is allowed: then no party pays the extra-guest fee.
        _check_int(errors, values, "guests_included", 1, MAX_GUESTS_LIMIT)
    try:
        values["taxes"] = list(check_taxes(values["taxes"]))
    except InvalidInput as error:
        errors.update(error.errors)


def check_listing_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Validate a whole set of listing fields; return them normalized or raise ``InvalidInput``.

    Every broken field is reported at once.
    """
    errors: dict[str, list[str]] = {}
    values = dict(values)
    for name in REQUIRED:
        if values.get(name) is None:
            errors[name] = ["is required."]
    if errors:
        raise InvalidInput(errors)
    _check_text(errors, values, "title", MAX_TITLE)
    _check_text(errors, values, "description", MAX_DESCRIPTION)
    _check_text(errors, values, "address", MAX_TEXT)
    _check_text(errors, values, "city", MAX_TEXT)
    if "city" not in errors:
        values["city"] = values["city"].strip()
    _check_int(errors, values, "price_per_night", 1, MAX_PRICE)
    _check_int(errors, values, "cleaning_fee", 0, MAX_PRICE)
    _check_int(errors, values, "weekly_discount_percent", 0, 100)
    _check_int(errors, values, "monthly_discount_percent", 0, 100)
    _check_int(errors, values, "max_guests", 1, MAX_GUESTS_LIMIT)
    _check_int(errors, values, "min_nights", 1, MAX_NIGHTS_LIMIT)
    _check_int(errors, values, "max_nights", 1, MAX_NIGHTS_LIMIT)
    _check_int(errors, values, "max_advance_days", 1, MAX_ADVANCE_DAYS_LIMIT)
    both_valid = "min_nights" not in errors and "max_nights" not in errors
    if both_valid and values["max_nights"] < values["min_nights"]:
        errors["max_nights"] = ["must be at least min_nights."]
    if not isinstance(values["instant_book"], bool):
        errors["instant_book"] = ["must be true or false."]
    if values["cancellation_policy"] not in {p.value for p in CancellationPolicy}:
        errors["cancellation_policy"] = ["must be one of flexible, moderate, strict."]
    amenities = values["amenities"]
    if not isinstance(amenities, list | tuple) or not all(
        isinstance(a, str) and 0 < len(a.strip()) <= 50 for a in amenities
    ):
        errors["amenities"] = ["must be a list of names of 1 to 50 characters."]
    elif len(amenities) > MAX_AMENITIES:
        errors["amenities"] = [f"must have at most {MAX_AMENITIES} entries."]
    else:
        values["amenities"] = list(normalized_amenities(amenities))
    for name, check in (
        ("country", check_country),
        ("currency", check_currency),
        ("timezone", check_timezone),
    ):
        try:
            values[name] = check(values[name]) if isinstance(values[name], str) else check("")
        except InvalidInput as error:
            errors.update(error.errors)
    try:
        check_coordinates(values["latitude"], values["longitude"])
    except InvalidInput as error:
        errors.update(error.errors)
    check_details(errors, values)
    _check_pricing(errors, values)
    if errors:
        raise InvalidInput(errors)
    return values


@define(slots=False, eq=False)
class Listing(Aggregate):
    """A home offered by a host. Its ``version`` serializes the bookings made on it."""

    id: str
    host_id: str
    title: str
    description: str
    address: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    timezone: str
    price_per_night: int
    currency: str
    cleaning_fee: int
    weekly_discount_percent: int
    monthly_discount_percent: int
    max_guests: int
    min_nights: int
    max_nights: int
    instant_book: bool
    cancellation_policy: str
    amenities: list[str]
    created_at: datetime
    updated_at: datetime
    max_advance_days: int = DEFAULT_MAX_ADVANCE_DAYS
    property_type: str = DETAILS["property_type"]
    bedrooms: int = DETAILS["bedrooms"]
    beds: int = DETAILS["beds"]
    bathrooms: float = DETAILS["bathrooms"]
    check_in_time: str = DETAILS["check_in_time"]
    check_out_time: str = DETAILS["check_out_time"]
    house_rules: HouseRules = DETAILS["house_rules"]
    listed: bool = True
    weekend_price: int | None = None
    extra_guest_fee: int = 0
    guests_included: int | None = None
    taxes: list[Tax] = field(factory=list)
    rating_sum: int = 0
    review_count: int = 0
    rating_average: Decimal | None = None
    # Each sub-rating's published [sum, count] by name (reviews both ways); None: none yet.
    sub_rating_totals: dict[str, list[int]] | None = None
    deleted_at: datetime | None = None
    # Unlisted by an admin (0022): out of the market until an admin lists it again; its host
    # cannot list it meanwhile.
    suspended: bool = False
    version: int = field(default=1, kw_only=True)

    @classmethod
    def create(cls, *, listing_id: str, host_id: str, now: datetime, **fields: Any) -> Listing:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise InvalidInput({name: ["is not a listing field."] for name in sorted(unknown)})
        values = check_listing_fields({**EDITABLE, **fields})
        listing = cls(id=listing_id, host_id=host_id, created_at=now, updated_at=now, **values)
        listing.record(ListingCreated(occurred_at=now, listing_id=listing_id, host_id=host_id))
        return listing

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def take_off_market(self, now: datetime) -> None:
        """Unlist it (its host was disabled): out of search, no new booking, seen only by its
        host and admins."""
        if self.listed:
            self.listed = False
            self.updated_at = now
            self.bump_version()
            self.record(ListingUpdated(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    def suspend(self, now: datetime) -> None:
        """An admin unlists it: out of search and wishlists, no new booking, and its host
        cannot list it again."""
        self.check_is_active()
        self.suspended = True
        if self.listed:
            self.take_off_market(now)
        else:
            self.bump_version()

    def reinstate(self, now: datetime) -> None:
        """An admin lists it again."""
        self.check_is_active()
        self.suspended = False
        self.listed = True
        self.updated_at = now
        self.bump_version()
        self.record(ListingUpdated(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    def check_host_may_list(self, changes: dict[str, Any]) -> None:
        if self.suspended and changes.get("listed") is True:
            raise PermissionDenied("An admin unlisted this listing; only an admin can list it.")

    def is_visible_to(self, user_id: str | None, *, is_admin: bool = False) -> bool:
        """A listed listing is public; an unlisted one only its host and admins see."""
        return self.listed or is_admin or user_id == self.host_id

    def check_is_active(self) -> None:
        if self.is_deleted:
            raise ListingNotFound(f"No listing {self.id}.")

    def check_version_in(self, versions: frozenset[int] | None) -> None:
        """Optimistic concurrency: ``versions`` are those the caller saw (None: any will do)."""
        if versions is not None and self.version not in versions:
            raise ListingChanged(
                f"The listing is at version {self.version}, not one you saw; read it again."
            )

    def update(
        self, *, now: datetime, seen_versions: frozenset[int] | None = None, **changes: Any
    ) -> None:
        self.check_is_active()
        self.check_version_in(seen_versions)
        self.check_host_may_list(changes)
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise InvalidInput({name: ["is not a listing field."] for name in sorted(unknown)})
        for name in REQUIRED:
            if name in changes and changes[name] is None:
                raise InvalidInput.field(name, "may not be null.")
        if "house_rules" in changes:
            changes["house_rules"] = merged_house_rules(self.house_rules, changes["house_rules"])
        values = check_listing_fields({**self.fields(), **changes})
        for name, value in values.items():
            setattr(self, name, value)
        self.updated_at = now
        self.bump_version()
        self.record(ListingUpdated(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    def delete(self, *, now: datetime, live_bookings: list[Booking]) -> None:
        """Soft-delete; refused while a pending or confirmed booking has not ended."""
        self.check_is_active()
        today = local_date(now, self.timezone)
        if any(b.is_live(now) and b.check_out > today for b in live_bookings):
            raise ListingHasLiveBookings(
                "The listing has a pending or confirmed booking that has not ended."
            )
        self.deleted_at = now
        self.updated_at = now
        self.bump_version()
        self.record(ListingDeleted(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    # -- booking ------------------------------------------------------------------------
    @property
    def terms(self) -> BookingTerms:
        """What a booking of this listing is made under, as it stands now."""
        return BookingTerms(
            price_per_night=self.price_per_night,
            currency=self.currency,
            cleaning_fee=self.cleaning_fee,
            weekly_discount_percent=self.weekly_discount_percent,
            monthly_discount_percent=self.monthly_discount_percent,
            max_guests=self.max_guests,
            min_nights=self.min_nights,
            max_nights=self.max_nights,
            timezone=self.timezone,
            cancellation_policy=self.cancellation_policy,
            instant_book=self.instant_book,
            max_advance_days=self.max_advance_days,
            weekend_price=self.weekend_price,
            extra_guest_fee=self.extra_guest_fee,
            guests_included=self.guests_included,
            taxes=tuple(self.taxes),
        )

    def quote(self, stay: Stay) -> PriceBreakdown:
        return self.terms.quote(stay)

    def today(self, now: datetime) -> date:
        return local_date(now, self.timezone)

    def photos_changed(self, now: datetime) -> None:
        """Its photos changed (added, made ready, reordered, removed): so did what a client
        sees of it, its ETag and what caches hold; and two such changes at once serialize."""
        self.bump_version()
        self.record(ListingUpdated(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    def record_review(
        self, rating: int, now: datetime, sub_ratings: dict[str, int | None] | None = None
    ) -> None:
        """Fold a published rating (and its sub-ratings) into the means, rounded half up to
        2 decimals."""
        self.rating_sum += rating
        self.review_count += 1
        self.rating_average = _mean(self.rating_sum, self.review_count)
        totals = dict(self.sub_rating_totals or {})
        for name, value in (sub_ratings or {}).items():
            if value is not None:
                total, count = totals.get(name, [0, 0])
                totals[name] = [total + value, count + 1]
        self.sub_rating_totals = totals  # a new dict, so that the ORM sees the change
        self.bump_version()

    def forget_review(
        self, rating: int, now: datetime, sub_ratings: dict[str, int | None] | None = None
    ) -> None:
        """Take a published rating back out of the means (an admin hid its review)."""
        self.rating_sum -= rating
        self.review_count -= 1
        self.rating_average = (
            _mean(self.rating_sum, self.review_count) if self.review_count else None
        )
        totals = dict(self.sub_rating_totals or {})
        for name, value in (sub_ratings or {}).items():
            if value is not None and name in totals:
                total, count = totals[name]
                totals[name] = [total - value, count - 1]
                if count == 1:
                    del totals[name]
        self.sub_rating_totals = totals
        self.reviews_changed(now)

    def reviews_changed(self, now: datetime) -> None:
        """What clients see of its reviews changed (a review hidden or shown again)."""
        self.bump_version()
        self.record(ListingUpdated(occurred_at=now, listing_id=self.id, host_id=self.host_id))

    @property
    def sub_rating_averages(self) -> dict[str, Decimal | None]:
        """Each sub-rating's mean over the published reviews that gave it (None: none did)."""
        totals = self.sub_rating_totals or {}
        return {name: _mean(*totals[name]) if name in totals else None for name in SUB_RATINGS}


def _mean(total: int, count: int) -> Decimal:
    mean = Decimal(total) / Decimal(count)
    return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
