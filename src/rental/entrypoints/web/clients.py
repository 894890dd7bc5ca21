"""Who a client is, for the limits that count attempts per client."""

from __future__ import annotations

import ipaddress

from flask import request


def client_key(address: str | None) -> str:
    """Whose attempts count together: an IPv4 address, or an IPv6 client's /64 (one
    subscriber's whole network, which hands its machines any address in it); an IPv4 address
    mapped into IPv6 is the IPv4 address."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def current_client() -> str:
    """The key of this request's peer (never X-Forwarded-For: the client writes that)."""
    return client_key(request.remote_addr)
