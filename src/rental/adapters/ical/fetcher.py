"""Fetching other platforms' calendar feeds without letting a URL reach inside our network.

A feed URL is whatever a host typed, so it is treated as hostile: only ``http``/``https``;
the host name is resolved here and every address it resolves to must be public (no loopback,
private, link-local, cloud metadata, multicast or reserved address), and the connection goes
to the address that was checked, never to a second lookup that could answer otherwise; the
same for each redirect, of which at most ``max_redirects`` are followed. The whole fetch has
one deadline (connect, headers and body together: a server dripping bytes cannot stretch it)
and the body a size limit. ``urllib3`` does the HTTP and the TLS (certificates are checked
against the URL's host name).
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from rental.adapters.ical.deadline import before
from rental.application.ports import CalendarFeedError, FetchedFeed

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "rental-calendar-sync/1 (+iCalendar import)"
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (A and AAAA)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# IPv6 ranges that carry or reach an IPv4 address, or are deprecated, which ``ipaddress`` may
# call global: IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64's
# well-known and local-use prefixes (they reach any IPv4 address, internal ones included
# through a local translator) and site-local (fec0::/10). None is needed to fetch a feed.
REFUSED_IPV6 = tuple(
    ipaddress.IPv6Network(network)
    for network in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "fec0::/10")
)
# An address in an error message (which the host reads in ``last_error``) would tell them
# what an internal name resolves to.
ADDRESS_IN_TEXT = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IPv4
    r"|[0-9a-fA-F]*::[0-9a-fA-F:.]*|\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b"  # IPv6
)


def is_public(address: IpAddress) -> bool:
    """Routable on the internet: not loopback, private, link-local (169.254.169.254, the cloud
    metadata service, is one), shared, multicast, reserved or unspecified, nor in
    ``REFUSED_IPV6``; IPv4 addresses inside IPv6 ones are judged as themselves."""
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in network for network in REFUSED_IPV6):
            return False
        inner = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if inner is not None and not is_public(inner):
            return False
    return address.is_global and not address.is_multicast


class SafeFeedFetcher:
    """The ``FeedFetcher`` port. ``allow_private_networks`` (``RENTAL_ICAL_ALLOW_PRIVATE_
    NETWORKS=1``) lifts the address check, for tests and closed networks; ``trusted_networks``
    lifts it for those networks only."""

    def __init__(
        self,
        *,
        allow_private_networks: bool = False,
        trusted_networks: Iterable[IpNetwork] = (),
        timeout: float = TIMEOUT_SECONDS,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        resolver: Resolver = resolve,
    ) -> None:
        self._allow_private = allow_private_networks
        self._trusted = tuple(trusted_networks)
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._resolve = resolver

    def fetch(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        deadline: float | None = None,
    ) -> FetchedFeed:
        if deadline is None:
            deadline = time.monotonic() + self._timeout
        headers = {"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self._max_redirects + 1):
            status, response_headers, body = self._get(url, headers, deadline)
            if status in REDIRECTS:
                location = response_headers.get("Location")
                if not location:
                    raise CalendarFeedError(f"the server answered HTTP {status} with no Location")
                url = urljoin(url, location.strip())
                continue
            if status == 304:
                return FetchedFeed(None, etag, last_modified)
            if status != 200:
                raise CalendarFeedError(f"the server answered HTTP {status}")
            assert body is not None
            return FetchedFeed(
                body, response_headers.get("ETag"), response_headers.get("Last-Modified")
            )
        raise CalendarFeedError(f"more than {self._max_redirects} redirects")

    # -- one request ---------------------------------------------------------------------
    def _lookup(self, host: str, port: int, deadline: float) -> Sequence[str]:
        """``host``'s addresses, looked up within the fetch's deadline: the system's resolver
        has no timeout of its own, so it runs on a thread of its own that is left behind if
        it does not answer in time."""
        late = f"timed out after {self._timeout:g} s"
        return before(deadline, lambda: self._resolve(host, port), name="feed-dns", late=late)

    def _address(self, host: str, port: int, deadline: float) -> str:
        """The address to connect to, once every address of ``host`` passed the check."""
        try:
            found = self._lookup(host, port, deadline)
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in found]
        except (OSError, UnicodeError, ValueError) as error:
            raise CalendarFeedError(f"the host {host} could not be resolved ({error})") from None
        if not addresses:
            raise CalendarFeedError(f"the host {host} has no address")
        for address in addresses:
            if not self._allowed(address):
                raise CalendarFeedError(f"refused: {host} is not a public address")
        return str(addresses[0])

    def _allowed(self, address: IpAddress) -> bool:
        if self._allow_private or is_public(address):
            return True
        return any(address in network for network in self._trusted)

    def _get(
        self, url: str, headers: dict[str, str], deadline: float
    ) -> tuple[int, Any, bytes | None]:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise CalendarFeedError("the URL is not valid") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise CalendarFeedError("only http:// and https:// URLs can be fetched")
        host = parts.hostname
        port = port or (443 if scheme == "https" else 80)
        address = self._address(host, port, deadline)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CalendarFeedError(f"timed out after {self._timeout:g} s")
        connection = self._connection(scheme, address, port, host, remaining)
        # One deadline for the whole exchange: at the deadline the socket is shut down, which
        # ends any read still waiting, however slowly the server sends.
        watchdog: threading.Timer | None = None
        try:
            connection.connect()
            # The socket itself: the connection lets go of it once the response has begun.
            watchdog = threading.Timer(remaining, _shut_down, args=(connection.sock,))
            watchdog.daemon = True
            watchdog.start()
            target = parts.path or "/"
            if parts.query:
                target = f"{target}?{parts.query}"
            default_port = port == (443 if scheme == "https" else 80)
            host_header = f"[{host}]" if ":" in host else host
            host_header = host_header if default_port else f"{host_header}:{port}"
            connection.request(
                "GET", target, headers={**headers, "Host": host_header}, preload_content=False
            )
            response = connection.getresponse()
            body = self._body(response) if response.status == 200 else None
            if time.monotonic() >= deadline:  # the watchdog's shutdown reads as an early end
                raise CalendarFeedError(f"timed out after {self._timeout:g} s")
            return response.status, response.headers, body
        except CalendarFeedError:
            raise
        except Exception as error:
            if time.monotonic() >= deadline - 0.05:
                raise CalendarFeedError(f"timed out after {self._timeout:g} s") from None
            reason = ADDRESS_IN_TEXT.sub("(address)", " ".join(str(error).split()))[:200]
            reason = reason or type(error).__name__
            raise CalendarFeedError(f"the feed could not be fetched: {reason}") from None
        finally:
            if watchdog is not None:
                watchdog.cancel()
            connection.close()

    def _connection(
        self, scheme: str, address: str, port: int, host: str, timeout: float
    ) -> HTTPConnection:
        if scheme == "https":
            return HTTPSConnection(
                address,
                port,
                timeout=timeout,
                server_hostname=host,
                assert_hostname=host,
                cert_reqs="CERT_REQUIRED",
            )
        return HTTPConnection(address, port, timeout=timeout)

    def _body(self, response: urllib3.BaseHTTPResponse) -> bytes:
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self._max_bytes:
            raise CalendarFeedError(f"the feed is larger than {self._max_bytes // 1024} KiB")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > self._max_bytes:
                raise CalendarFeedError(f"the feed is larger than {self._max_bytes // 1024} KiB")
            chunks.append(chunk)
        return b"".join(chunks)


def _shut_down(sock: socket.socket | None) -> None:
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed: nothing left to interrupt
            sock.shutdown(socket.SHUT_RDWR)
