"""``schema.graphql`` is the schema the server serves, and ``rental graphql-schema`` prints it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rental.entrypoints.cli import main
from rental.entrypoints.graphql import sdl

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema.graphql"


def test_schema_file_has_not_drifted() -> None:
    assert SCHEMA_FILE.read_text() == sdl(), (
        "schema.graphql is out of date: run `rental graphql-schema > schema.graphql`."
    )


def test_cli_prints_the_sdl_with_nothing_configured() -> None:
    # Production with no secret key would stop any other command: this one only prints.
    unset = {"RENTAL_ENV": None, "RENTAL_SECRET_KEY": None, "RENTAL_DATABASE_URL": None}
    result = CliRunner().invoke(main, ["graphql-schema"], env=unset)

    assert result.exit_code == 0, result.output
    assert result.output == sdl()
    for line in ("type Query {", "type Mutation {", "scalar Date", "enum BookingStatus {"):
        assert line in result.output
