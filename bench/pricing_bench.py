"""CPU time of one quote in the domain: a 28-night stay over a calendar with a season, closed
days and a weekend price, two taxes and an extra guest (``BookingTerms.quote``, which resolves
every night with ``rates.resolve_night``). Target: under 1 ms a quote.

Usage: ``.venv/bin/python bench/pricing_bench.py [--quotes N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.rates import RateCalendar, check_rate_changes
from rental.domain.calendar.stay import Stay
from rental.domain.calendar.taxes import Tax

TODAY = date(2027, 5, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=5_000)
    args = parser.parse_args()
    terms = BookingTerms(
        price_per_night=12_000, currency="EUR", cleaning_fee=4_000, weekly_discount_percent=5,
        monthly_discount_percent=15, max_guests=6, min_nights=2, max_nights=90,
        timezone="Europe/Lisbon", cancellation_policy="moderate", instant_book=True,
        weekend_price=15_000, extra_guest_fee=1_500, guests_included=4,
        taxes=(Tax("City tax", "per_guest_night", 200), Tax("VAT", "percent", 600, "nights")),
    )  # fmt: skip
    ranges = [{"start": date(2027, 6, 15), "end": date(2027, 9, 15), "price": 19_000,
               "min_nights": 5}]  # fmt: skip
    closed = [TODAY + timedelta(days=7 * w + 3) for w in range(20)]
    ranges += [
        {"start": d, "end": d + timedelta(days=1), "closed_to_arrival": True} for d in closed
    ]
    rates = RateCalendar().applied(check_rate_changes(ranges, TODAY))
    stay = Stay(date(2027, 6, 1), date(2027, 6, 29))  # 28 nights, the season starting inside
    samples = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(args.quotes):
            terms.quote(stay, 5, rates)
        samples.append((time.process_time() - started) / args.quotes * 1000)
    price = terms.quote(stay, 5, rates)
    print(f"28-night quote: total {price.total}, {len(set(n.price for n in price.nightly))} "
          f"different nightly prices, {len(rates.overrides)} stored ranges")  # fmt: skip
    print(f"CPU per quote: median {statistics.median(samples):.3f} ms "
          f"(best {min(samples):.3f}, worst {max(samples):.3f}; target < 1 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
