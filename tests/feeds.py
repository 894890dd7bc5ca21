"""A local HTTP server serving calendar feeds, and feeds shaped like each platform's.

``feed_server`` (a fixture) serves what the test puts at a path: fixed bytes, a function
called on each request (for feeds whose UIDs change every time), a redirect, a status, a
delay before answering. It answers ``If-None-Match`` with 304 when its ETag matches, and
remembers the headers of every request.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from attrs import define, field

Body = bytes | Callable[[], bytes]


@define
class Route:
    body: Body = b""
    status: int = 200
    headers: dict[str, str] = field(factory=dict)
    delay: float = 0.0
    drip: float = 0.0  # seconds between the bytes of the body, for servers that trickle
    etag: str | None = None


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 with routes the test sets."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                body = route.body() if callable(route.body) else route.body
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The client may give up (size limit, timeout): that is the test.
                with contextlib.suppress(OSError):
                    if not route.drip:
                        self.wfile.write(body)
                    for i in range(len(body) if route.drip else 0):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.drip)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, path: str, body: Body, **options: Any) -> str:
        """Serve ``body`` (bytes, or a function making them) at ``path``; return its URL."""
        if isinstance(body, str):
            body = body.encode()
        headers = options.pop("headers", {"Content-Type": "text/calendar; charset=utf-8"})
        self.routes[path] = Route(body=body, headers=headers, **options)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


# -- feeds shaped like the platforms' -------------------------------------------------------
def _d(day: date) -> str:
    return day.strftime("%Y%m%d")


def calendar(prodid: str, *events: str, extra: str = "") -> bytes:
    lines = [
        "BEGIN:VCALENDAR", f"PRODID:{prodid}", "CALSCALE:GREGORIAN", "VERSION:2.0",
        *([extra] if extra else []), *events, "END:VCALENDAR",
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode()


def all_day(uid: str | None, start: date, end: date, summary: str, *extra: str) -> str:
    lines = ["BEGIN:VEVENT", f"DTSTART;VALUE=DATE:{_d(start)}", f"DTEND;VALUE=DATE:{_d(end)}"]
    if uid is not None:
        lines.append(f"UID:{uid}")
    lines += ["DTSTAMP:20291201T000000Z", f"SUMMARY:{summary}", *extra, "END:VEVENT"]
    return "\r\n".join(lines)


def airbnb(*stays: tuple[str, date, date, bool]) -> bytes:
    """Airbnb's export: "Reserved" for a reservation (with a reservation URL and the last
    digits of a phone in DESCRIPTION), "Airbnb (Not available)" for nights blocked there."""
    events = [
        all_day(
            f"{key}@airbnb.com", start, end, "Reserved" if reserved else "Airbnb (Not available)",
            *(["DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/"
               "details/HMABCDEF\\nPhone Number (Last 4 Digits): 1234"] if reserved else []),
        )
        for key, start, end, reserved in stays
    ]  # fmt: skip
    return calendar("-//Airbnb Inc//Hosting Calendar 1.0//EN", *events)


def booking_com(*stays: tuple[str, date, date]) -> bytes:
    """Booking.com's export: every closed night is "CLOSED - Not available"."""
    events = [all_day(f"{key}@booking.com", s, e, "CLOSED - Not available") for key, s, e in stays]
    return calendar("-//admin.booking.com//EN", *events, extra="METHOD:PUBLISH")


def fresh_uids(*stays: tuple[date, date]) -> Callable[[], bytes]:
    """A feed whose UIDs are new on every fetch (some channel managers do this)."""

    def body() -> bytes:
        events = [all_day(f"{uuid.uuid4()}@flaky.example", s, e, "Booked") for s, e in stays]
        return calendar("-//Flaky Channel Manager//EN", *events)

    return body


NEW_YORK = "\r\n".join([
    "BEGIN:VTIMEZONE", "TZID:America/New_York",
    "BEGIN:STANDARD", "DTSTART:19701101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:19700308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
    "END:VTIMEZONE",
])  # fmt: skip


def timed(uid: str, start: str, end: str, summary: str = "Busy", *extra: str) -> str:
    """A timed event; ``start``/``end`` are property values such as
    ``;TZID=America/New_York:20300110T220000`` or ``:20300110T150000Z``."""
    return "\r\n".join([
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20291201T000000Z", f"DTSTART{start}",
        f"DTEND{end}", f"SUMMARY:{summary}", *extra, "END:VEVENT",
    ])  # fmt: skip


# -- hostile feeds (issue 29, finding 2) ------------------------------------------------------
def daily_copies(count: int, first: date) -> bytes:
    """``count`` copies of one all-day event repeating every day from ``first`` on, each
    under its own UID: the feed that wrote a million block rows (2,000 copies: ~230 KB)."""
    events = [daily(f"copy-{i}@attack.example", first) for i in range(count)]
    return calendar("-//Attack//EN", *events)


def daily(uid: str, first: date, nights: int = 1) -> str:
    """An all-day event of ``nights`` nights (one: no ``DTEND``) repeating every day from
    ``first`` on."""
    end = [f"DTEND;VALUE=DATE:{_d(first + timedelta(days=nights))}"] if nights > 1 else []
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261201T000000Z",
        f"DTSTART;VALUE=DATE:{_d(first)}",
        *end,
        "RRULE:FREQ=DAILY",
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def overlapping(count: int, first: date, nights: int = 30) -> bytes:
    """``count`` distinct all-day events of ``nights`` nights, the i-th starting ``i % 400``
    days after ``first``: each overlaps others, and together they hold one run of nights."""
    events = [
        all_day(
            f"o{i}@x",
            first + timedelta(days=i % 400),
            first + timedelta(days=i % 400 + nights),
            f"Booked {i}",
        )
        for i in range(count)
    ]
    return calendar("-//Overlaps//EN", *events)
