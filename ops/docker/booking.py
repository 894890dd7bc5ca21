"""Run inside the API container (standard library only), against the server on $PORT:

``book``: register a host and a guest, list a flat, book it, pay with the sandbox card; print
the booking's id and the guest's login as JSON. ``find ID EMAIL PASSWORD``: log in again and
print the booking's status (exit 1 if it is gone).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import urllib.error
import urllib.request
from typing import Any

API = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/api/v1"


def call(method: str, path: str, body: Any = None, token: str | None = None) -> Any:
    request = urllib.request.Request(API + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(request, data, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode(errors='replace')}")


def login(email: str, password: str) -> str:
    return str(call("POST", "/auth/login", {"email": email, "password": password})["access_token"])


def book() -> None:
    run = str(int(time.time() * 1000))
    users = {}
    for role in ("host", "guest"):
        email, password = f"{role}{run}@check.example", f"{role}-password-{run}"
        call("POST", "/auth/register", {
            "username": f"{role}{run}", "email": email, "password": password, "role": role})  # fmt: skip
        users[role] = (email, password, login(email, password))
    listing = call("POST", "/listings", {
        "title": "Docker check loft", "city": "Lisbon", "country": "PT",
        "timezone": "Europe/Lisbon", "price_per_night": 12000, "currency": "EUR",
        "max_guests": 2, "instant_book": True,
    }, users["host"][2])  # fmt: skip
    check_in = dt.date.today() + dt.timedelta(days=30)
    booking = call("POST", "/bookings", {
        "listing_id": listing["id"], "check_in": check_in.isoformat(),
        "check_out": (check_in + dt.timedelta(days=2)).isoformat(), "guests": 2,
    }, users["guest"][2])  # fmt: skip
    call("POST", f"/bookings/{booking['id']}/payments",
         {"payment_method": "card", "payment_token": "tok_visa"}, users["guest"][2])  # fmt: skip
    status = call("GET", f"/bookings/{booking['id']}", token=users["guest"][2])["status"]
    print(json.dumps({"booking_id": booking["id"], "email": users["guest"][0],
                      "password": users["guest"][1], "status": status}))  # fmt: skip


def find(booking_id: str, email: str, password: str) -> None:
    print(call("GET", f"/bookings/{booking_id}", token=login(email, password))["status"])


if __name__ == "__main__":
    if sys.argv[1:2] == ["book"]:
        book()
    elif sys.argv[1:2] == ["find"] and len(sys.argv) == 5:
        find(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
