"""The README's curl walk-through, pasted into bash and into an interactive zsh against a live
``rental serve`` on the sandbox gateway: every step answers what the README says, nothing
lands on the error output, and a call that fails prints the server's error body."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.readme_walk_through import blocks, needs, run_in, serving, walk_through
from tests.e2e.test_serve import SECRET, Server, free_port

SHELLS = ("bash", "zsh")


@pytest.fixture
def sandbox_server(sqlite_url: str, tmp_path: Path) -> Iterator[Server]:
    needs(*SHELLS, "curl", "jq", "python3")
    env = {
        **os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_MAIL_DIR": str(tmp_path / "var" / "mail"),  # where the shells run: 1b reads it
        "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_PAYMENT_GATEWAY": "sandbox",
        "RENTAL_AUTH_RATE_LIMIT": "100/minute",
    }  # fmt: skip
    env.pop("RENTAL_REDIS_URL", None)
    with serving(env, tmp_path) as running:
        yield running


def test_the_blocks_paste_into_zsh_and_bash_alike() -> None:
    """What an interactive shell would take another way: a comment after a command (zsh passes
    it on as arguments), and zsh's own ``HOST`` overwritten."""
    for block in blocks():
        for line in block.splitlines():
            unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", line)
            assert not re.search(r"(^|\s)#", unquoted), line
            assert not re.match(r"\s*(HOST|PATH|PWD|USER|HOME)=", line), line


def test_the_walk_through_runs_in_bash_and_zsh(sandbox_server: Server, tmp_path: Path) -> None:
    script = walk_through(sandbox_server.base_url)
    for shell in SHELLS:
        ran = run_in(shell, script, tmp_path)
        out = ran.stdout
        assert ran.returncode == 0 and ran.stderr == "", (shell, ran.stderr, out)
        assert "null" not in out, (shell, out)
        # 1b: the emailed verification and reset tokens, read from var/mail, work.
        assert '"email_verified": true' in out, out
        # 3a: the map finds the reader's loft at the very point it was listed.
        assert re.search(r'"title": "Sunlit loft above the Tagus",\s+"distance_km": 0(\.0)?\n', out)
        # 3b: the listing saved to a wishlist, read again through its share token.
        assert '"title": "Sunlit loft above the Tagus"' in out, out
        assert re.search(r'"name": "Lisbon in spring",\s+"total": 1\s*}\s*$', out, re.M), out
        # 3c and 4b: the guest's number hidden from the host until the booking is confirmed.
        assert "Call me on [hidden]" in out and "Call me on +351 912 345 678" in out, out
        # Step 4: paid and confirmed; the same nights again are a 409 with its reason.
        assert re.search(r'"amount": 42900,\s+"currency": "EUR",\s+"status": "captured"', out)
        assert '"status": "confirmed"' in out and '"title": "Dates unavailable"' in out
        # 5a: cancelled 30 days ahead under the moderate policy, refunded in full.
        assert re.search(r'"cancelled_by": "guest",\s+"refund_amount": 42900', out), out
        # 5b: a review, its repeat refused with the server's words.
        assert '"rating": 5' in out and "already been reviewed" in out
        # 5c: GraphQL books and pays; the conflict's error is shown.
        assert '"status": "CAPTURED"' in out and '"code": "CONFLICT"' in out
        # 6: logged out.
        assert "204\n" in out and "The token has been revoked." in out
    assert "Traceback" not in sandbox_server.output()


def test_a_failing_call_prints_the_servers_error(sandbox_server: Server, tmp_path: Path) -> None:
    helpers = "\n".join(blocks()[:1]).replace("http://127.0.0.1:8000", sandbox_server.base_url)
    gql = next(block for block in blocks() if block.startswith("gql() {"))
    gql = gql.split("IN=$(", 1)[0]
    closed = f"http://127.0.0.1:{free_port()}"
    script = "\n".join([
        helpers, gql,
        'call "$API/listings/no-such-listing"',
        "echo status $?",
        'call "$API/listings/no-such-listing" | jq -r .title',
        'call -X POST "$API/auth/login" -H "$JSON" -d \'{"email": "x"}\' | jq -r .access_token',
        "gql nobody '{ me { username } }'",
        'DEMO=$(call -X POST "$API/auth/login" -H "$JSON" -d \'{"email": "guest6@demo.rental", '
        '"password": "demo-password-6"}\' | jq -r .access_token)',
        "gql \"$DEMO\" '{ me { nosuchfield } }'",
        "echo status $?",
        f'call "{closed}/healthz"',
        "echo status $?",
    ])  # fmt: skip
    for shell in SHELLS:
        ran = run_in(shell, script, tmp_path)
        errors = ran.stderr
        # The problem's status, title and detail, where a jq filter would have printed null.
        assert re.search(r'HTTP 404: \{.*"title":"Listing not found"', errors), (shell, errors)
        assert re.search(r"HTTP 422: \{.*password", errors), (shell, errors)
        assert re.search(r'HTTP 401: \{.*"detail":"The token is invalid."', errors), errors
        assert re.search(r'"message": "Cannot query field .nosuchfield', errors), errors
        assert "no answer from the server" in errors, (shell, errors)
        assert ran.stdout.split() == ["status", "1"] * 3, (shell, ran.stdout)
