"""Fetching feeds safely: private addresses refused (after DNS, and after each redirect), and
so are oversized, slow (the timeout) and non-iCal bodies; redirects are few; validators sent."""

from __future__ import annotations

import ipaddress
import socket
from datetime import UTC, datetime, timedelta

import pytest

from rental.adapters.ical.calendar_format import IcalendarFormat
from rental.adapters.ical.fetcher import SafeFeedFetcher, is_public
from rental.application.ports import CalendarFeedError
from tests.feeds import FeedServer, calendar

FEED = calendar("-//x//EN")
NOW = datetime(2030, 1, 1, tzinfo=UTC)
# The test server is on 127.0.0.1, which the real policy refuses: these tests trust that one
# address only, so that everything else (other loopback addresses included) is judged as in
# production.
TRUST_THE_TEST_SERVER = [ipaddress.ip_network("127.0.0.1/32")]


def strict(**options: object) -> SafeFeedFetcher:
    return SafeFeedFetcher(trusted_networks=TRUST_THE_TEST_SERVER, **options)  # type: ignore[arg-type]


def fetch(fetcher: SafeFeedFetcher, url: str) -> bytes | None:
    return fetcher.fetch(url, etag=None, last_modified=None).body


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00:ec2::254",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1", "240.0.0.1",
    ],
)  # fmt: skip
def test_addresses_inside_networks_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses_are() -> None:
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946"))


def test_a_private_address_is_refused_by_default(feed_server: FeedServer) -> None:
    url = feed_server.serve("/a.ics", FEED)
    with pytest.raises(CalendarFeedError, match="not a public address"):
        fetch(SafeFeedFetcher(), url)
    assert feed_server.requests == []  # refused before connecting
    assert fetch(SafeFeedFetcher(allow_private_networks=True), url) == FEED


def test_a_host_name_is_judged_by_what_it_resolves_to(feed_server: FeedServer) -> None:
    feed_server.serve("/a.ics", FEED)
    with pytest.raises(CalendarFeedError, match="localhost is not a public address"):
        fetch(SafeFeedFetcher(), feed_server.url("/a.ics", host="localhost"))

    # Any one private address among a name's addresses is enough to refuse it.
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]

    with pytest.raises(
        CalendarFeedError, match=r"calendar\.example is not a public address"
    ) as refused:
        fetch(SafeFeedFetcher(resolver=resolver), "https://calendar.example/feed.ics")
    assert "10.0.0.7" not in str(refused.value)  # the host is not told what is inside
    assert feed_server.requests == []


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/a.ics", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/a.ics", "http://10.0.0.1/a.ics", "file:///etc/passwd",
    ],
)  # fmt: skip
def test_a_redirect_into_a_private_network_is_refused(feed_server: FeedServer, target: str) -> None:
    feed_server.serve("/a.ics", FEED)
    url = feed_server.redirect("/go", target.format(port=feed_server.port))
    with pytest.raises(CalendarFeedError, match=r"not a public address|only http"):
        fetch(strict(), url)
    assert [path for path, _ in feed_server.requests] == ["/go"]


def test_at_most_three_redirects_are_followed(feed_server: FeedServer) -> None:
    feed_server.serve("/a.ics", FEED)
    feed_server.redirect("/r3", "/a.ics")
    feed_server.redirect("/r2", "/r3", status=301)
    feed_server.redirect("/r1", "/r2", status=307)
    feed_server.redirect("/r0", "/r1", status=308)
    assert fetch(strict(), feed_server.url("/r1")) == FEED
    with pytest.raises(CalendarFeedError, match="more than 3 redirects"):
        fetch(strict(), feed_server.url("/r0"))


def test_an_oversized_feed_is_refused(feed_server: FeedServer) -> None:
    big = calendar("-//x//EN", extra="X-PADDING:" + "x" * 2_200_000)
    url = feed_server.serve("/big.ics", big)
    with pytest.raises(CalendarFeedError, match="larger than 2048 KiB"):
        fetch(strict(), url)
    # Without a Content-Length to go by, the count of bytes read stops it as well.
    url = feed_server.serve("/small-limit.ics", FEED + b" " * 100)
    with pytest.raises(CalendarFeedError, match="larger than"):
        fetch(strict(max_bytes=64), url)


def test_a_slow_server_is_cut_off_at_the_timeout(feed_server: FeedServer) -> None:
    url = feed_server.serve("/slow.ics", FEED, delay=5)
    with pytest.raises(CalendarFeedError, match=r"timed out after 0\.5 s"):
        fetch(strict(timeout=0.5), url)
    # A byte every 0.2 s never leaves a read waiting 0.5 s: the deadline is for the whole
    # fetch, not for each read.
    url = feed_server.serve("/drip.ics", FEED, drip=0.2)
    with pytest.raises(CalendarFeedError, match=r"timed out after 0\.5 s"):
        fetch(strict(timeout=0.5), url)


def test_errors_and_non_ical_bodies_are_reasons_not_crashes(feed_server: FeedServer) -> None:
    with pytest.raises(CalendarFeedError, match="HTTP 404"):
        fetch(strict(), feed_server.url("/missing.ics"))
    url = feed_server.serve("/page", b"<html>Sign in</html>", headers={"Content-Type": "text/html"})
    body = fetch(strict(), url)
    assert body is not None
    with pytest.raises(CalendarFeedError, match="not an iCalendar file"):
        IcalendarFormat().parse(body, start=NOW, end=NOW + timedelta(days=1))
    with pytest.raises(CalendarFeedError, match="could not be fetched"):
        fetch(strict(), f"http://127.0.0.1:{_closed_port()}/a.ics")
    with pytest.raises(CalendarFeedError, match="only http"):
        fetch(strict(), "ftp://127.0.0.1/a.ics")


def test_validators_are_sent_and_304_means_unchanged(feed_server: FeedServer) -> None:
    url = feed_server.serve("/v.ics", FEED, etag='"abc"')
    first = strict().fetch(url, etag=None, last_modified=None)
    assert first.body == FEED and first.etag == '"abc"'
    again = strict().fetch(url, etag='"abc"', last_modified="Tue, 01 Jan 2030 10:00:00 GMT")
    assert again.body is None and again.etag == '"abc"'
    _, headers = feed_server.requests[-1]
    assert headers["If-None-Match"] == '"abc"'
    assert headers["If-Modified-Since"] == "Tue, 01 Jan 2030 10:00:00 GMT"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
