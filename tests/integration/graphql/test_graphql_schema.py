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


def test_cli_prints_the_sdl() -> None:
    result = CliRunner().invoke(main, ["graphql-schema"], env={"RENTAL_ENV": "development"})

    assert result.exit_code == 0, result.output
    assert result.output == sdl()
    for line in ("type Query {", "type Mutation {", "scalar Date", "enum BookingStatus {"):
        assert line in result.output
