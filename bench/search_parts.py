"""Where a dated search's instructions go, part by part, in one valgrind run.

``request_instructions.py`` gives one figure per request; this script takes the dated search
of that bench (``GET /api/v1/listings`` with a city, dates, 2 guests and a price band, by
price, every request a different search) apart. Each part's Python function is wrapped, in
the measured process only, so that it runs inside a C function of its own (``part_NAME``, a
tiny extension compiled here with the C compiler Python was built with); ``valgrind
--tool=callgrind`` then gives each such function's inclusive instructions, that is the
part's, whatever Python runs below it. Parts nest (the covers' round trip is inside the
covers); a part called again inside itself is counted once. The wrappers cost a few hundred
instructions a call: ``noop`` measures one, and the table is printed without that overhead.

Usage: ``.venv/bin/python bench/search_parts.py [--requests N] [--database-url URL]
[--try statement-cache,covers-once,unwrap]``; ``--try`` makes those changes in the measured
process only (see ``try_changes``), to estimate what each would save. Without
``--database-url`` it loads a database of its own, as ``request_instructions.py`` does, and
drops it at the end (about 3 minutes; needs valgrind, a C compiler, PostgreSQL and Redis).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
WARMUP = 20
# name: what the part is (indented by nesting, as the table prints it)
PARTS = {
    "request": "the request through Flask's test client",
    "wsgi": "  Flask's wsgi_app (all but the test client)",
    "dispatch": "    full_dispatch_request (hooks, view, response)",
    "arguments": "      webargs: query string parsed and loaded (marshmallow)",
    "reads": "      Reads.search_listings (cache, then the database)",
    "cache": "        CachedReadModel.search_listings (key, Redis, below)",
    "redis_cache": "          Redis round trips of the cache",
    "sql": "          SqlReadModel.search_listings",
    "build": "            the statement's shape and parameters",
    "session": "            Session.execute (ORM, Core, psycopg)",
    "psycopg_sql": "              psycopg Cursor.execute (round trip)",
    "rows": "            Result.all: fetch and ORM rows into Listings",
    "shown_page": "      shown_page: covers and ShownListing wrappers",
    "covers": "        SqlPhotoReads.covers (its statement built and run)",
    "psycopg_covers": "          psycopg Cursor.execute (round trip)",
    "rows_covers": "          Result.all: its rows",
    "dump": "      marshmallow Schema.dump of the page",
    "json": "      OrjsonProvider.response (orjson, Response)",
    "redis_other": "      Redis round trips besides the cache's",
    "noop": "a wrapper's own cost, measured",
}
NOOPS = 50  # wrapper calls a request to measure a wrapper's own cost


def compile_markers(directory: Path) -> Any:
    """A module with a C function ``part_NAME(fn, args, kwargs)`` per part calling ``fn``."""
    source = ["#define PY_SSIZE_T_CLEAN", "#include <Python.h>"]
    for name in PARTS:
        source.append(
            f"PyObject *part_{name}(PyObject *self, PyObject *a) {{ PyObject *f, *p, *k;"
            ' if (!PyArg_ParseTuple(a, "OOO", &f, &p, &k)) return NULL;'
            " return PyObject_Call(f, p, k == Py_None ? NULL : k); }"
        )
    methods = ", ".join(f'{{"part_{n}", part_{n}, METH_VARARGS, NULL}}' for n in PARTS)
    source.append(f"static PyMethodDef methods[] = {{{methods}, {{NULL, NULL, 0, NULL}}}};")
    source.append(
        'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_parts", NULL, -1, methods};'
    )
    source.append("PyMODINIT_FUNC PyInit__parts(void) { return PyModule_Create(&module); }")
    c_file = directory / "_parts.c"
    c_file.write_text("\n".join(source) + "\n")
    library = directory / f"_parts{sysconfig.get_config_var('EXT_SUFFIX')}"
    include = sysconfig.get_paths()["include"]
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-O1", "-g", f"-I{include}", "-o", str(library), str(c_file)],
        check=True,
    )
    spec = importlib.util.spec_from_file_location("_parts", library)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Parts:
    """Wraps functions so that, once ``on``, each runs inside its part's C function."""

    def __init__(self, markers: Any) -> None:
        self.markers = markers
        self.on = False
        self.active: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def wrap(self, owner: Any, attribute: str, name: str | Callable[[Parts], str]) -> None:
        original = getattr(owner, attribute)
        parts = self

        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            part = name if isinstance(name, str) else name(parts)
            if not parts.on or parts.active[part]:
                return original(*args, **kwargs)
            parts.active[part] += 1
            parts.calls[part] += 1
            try:
                return getattr(parts.markers, f"part_{part}")(original, args, kwargs or None)
            finally:
                parts.active[part] -= 1

        setattr(owner, attribute, wrapper)


def try_changes(changes: list[str]) -> None:
    """Changes tried in the measured process only, to estimate what each would save."""
    if "statement-cache" in changes:
        # psycopg converts a statement's %(name)s placeholders with a cache that skips
        # statements over 4,096 characters or 50 parameters: the search is 12,781 and 53.
        import psycopg._queries

        psycopg._queries.MAX_CACHED_STATEMENT_LENGTH = 1 << 20
        psycopg._queries.MAX_CACHED_STATEMENT_PARAMS = 1_000
    if "covers-once" in changes:
        from sqlalchemy import bindparam, func, select

        from rental.adapters.sqlalchemy import photo_reads as pr

        P = pr.P
        rank = func.row_number().over(partition_by=P.listing_id, order_by=(P.position, P.id))
        ranked = (
            select(*pr.COLUMNS, rank.label("rank"))
            .where(P.listing_id.in_(bindparam("ids", expanding=True)), pr.READY)
            .subquery()
        )
        statement = select(*(ranked.c[c.name] for c in pr.COLUMNS)).where(ranked.c.rank == 1)

        def covers(self: Any, listing_ids: Any) -> dict[str, Any]:
            if not listing_ids:
                return {}
            with pr.domain_errors(), self._engine.connect() as connection:
                rows = connection.execute(statement, {"ids": list(listing_ids)}).all()
            return {row.listing_id: pr._view(row) for row in rows}

        pr.SqlPhotoReads.covers = covers  # type: ignore[method-assign,assignment]
    if "unwrap" in changes:
        from rental.entrypoints.http.photos import ShownListing
        from rental.entrypoints.web.schemas.common import BaseSchema

        def get_attribute(self: Any, obj: Any, attr: str, default: Any) -> Any:
            kind = type(obj)
            if kind is dict:
                return obj.get(attr, default)
            if kind is ShownListing:  # its own attributes, else the listing's: no miss
                own = obj.__dict__
                return own[attr] if attr in own else getattr(own["_listing"], attr, default)
            return getattr(obj, attr, default)

        BaseSchema.get_attribute = get_attribute  # type: ignore[method-assign]


def child(db_url: str, n: int, offset: int, changes: list[str]) -> None:
    sys.path.insert(0, str(BENCH))
    try_changes(changes)
    import flask
    import psycopg
    import redis
    from marshmallow import Schema
    from sqlalchemy.engine import Result
    from sqlalchemy.orm import Session

    import request_instructions as ri
    from rental.adapters.redis import cache
    from rental.adapters.sqlalchemy import photo_reads, read_model
    from rental.application.reads import Reads
    from rental.entrypoints.http import json_provider, listings

    with tempfile.TemporaryDirectory() as directory:
        parts = Parts(compile_markers(Path(directory)))

    def inside(where: str, default: str) -> Callable[[Parts], str]:
        return lambda p: f"{default}_{where}" if p.active[where] else f"{default}_sql"

    parts.wrap(flask.Flask, "wsgi_app", "wsgi")
    parts.wrap(flask.Flask, "full_dispatch_request", "dispatch")
    from webargs.core import Parser

    parts.wrap(Parser, "parse", "arguments")
    parts.wrap(Reads, "search_listings", "reads")
    parts.wrap(cache.CachedReadModel, "search_listings", "cache")
    parts.wrap(
        redis.Redis,
        "execute_command",
        lambda p: "redis_cache" if p.active["cache"] else "redis_other",
    )
    parts.wrap(read_model.SqlReadModel, "search_listings", "sql")
    for function in ("search_shape", "search_statements", "search_parameters"):
        parts.wrap(read_model, function, "build")
    parts.wrap(Session, "execute", "session")
    parts.wrap(psycopg.Cursor, "execute", inside("covers", "psycopg"))
    parts.wrap(Result, "all", lambda p: "rows" if p.active["sql"] else "rows_covers")
    parts.wrap(listings, "shown_page", "shown_page")
    parts.wrap(photo_reads.SqlPhotoReads, "covers", "covers")
    parts.wrap(Schema, "dump", "dump")
    parts.wrap(json_provider.OrjsonProvider, "response", "json")

    def noop() -> None:
        return None

    holder = type("Holder", (), {"noop": staticmethod(noop)})
    parts.wrap(holder, "noop", "noop")
    request = ri.requests_of("rental", "search", db_url, offset)
    parts.wrap(sys.modules[__name__], "_one", "request")
    for _ in range(WARMUP):
        _one(request)
    parts.on = True
    items = 0
    for _ in range(n):
        items += len(_one(request).get_json()["items"])
        for _ in range(NOOPS):
            holder.noop()
    parts.on = False
    print("calls " + " ".join(f"{k}={v}" for k, v in parts.calls.items()), file=sys.stderr)
    print(f"items {items}", file=sys.stderr)


def _one(request: Callable[[], Any]) -> Any:
    response = request()
    if response.status_code >= 300:
        raise SystemExit(f"search: {response.status_code} {response.get_data()!r}")
    return response


def measure(db_url: str, n: int, offset: int, changes: list[str]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "callgrind.out"
        command = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
            sys.executable, __file__, "--child", str(n), str(offset), "--database-url", db_url,
            "--try", ",".join(changes),
        ]  # fmt: skip # one command, as it would be typed
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(f"the search failed:\n{done.stderr[-3000:]}")
        annotated = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip # one command, as it would be typed
    found = re.search(r"^calls (.*)$", done.stderr, re.MULTILINE)
    calls = dict(item.split("=") for item in found.group(1).split()) if found else {}
    inclusive = {
        m.group(2): int(m.group(1).replace(",", ""))
        for m in re.finditer(r"^\s*([\d,]+)\s.*?\bpart_(\w+)\b", annotated, re.MULTILINE)
    }
    overhead = inclusive.get("noop", 0) / max(1, int(calls.get("noop", 1)))
    items = re.search(r"^items (\d+)$", done.stderr, re.MULTILINE)
    print(f"tried: {', '.join(changes) or 'nothing'}")
    print(f"listings a page: {int(items.group(1)) / n if items else 0:.1f}")
    print(f"{n} searches from offset {offset}; a wrapper's own cost, taken out:", end=" ")
    print(f"{overhead:,.0f} instructions a call\n")
    print(f"{'part':62}{'instructions':>14}{'calls':>7}")
    for name, what in PARTS.items():
        if name == "noop" or name not in inclusive:
            continue
        count = int(calls.get(name, 0))
        # A part's wrappers below it, and its own, counted in its figure: taken out.
        below = sum(
            int(calls.get(other, 0)) for other in PARTS if other != "noop" and _nested(other, name)
        )
        per_request = (inclusive[name] - overhead * (count + below)) / n
        print(f"{what:62}{per_request:14,.0f}{count / n:7.1f}")


def _nested(inner: str, outer: str) -> bool:
    """Whether part ``inner`` runs inside ``outer`` (from the indentation of ``PARTS``)."""
    names = list(PARTS)
    depth = {k: len(v) - len(v.lstrip()) for k, v in PARTS.items()}
    i, j = names.index(outer), names.index(inner)
    if j <= i:
        return False
    return all(depth[names[k]] > depth[outer] for k in range(i + 1, j + 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    # request_instructions.py's search offset: which cities and dates the searches ask for
    parser.add_argument("--offset", type=int, default=60_000)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--try", dest="changes", default="",
        help="changes to try, comma-separated: statement-cache, covers-once, unwrap",
    )  # fmt: skip # one option, as it would be typed
    parser.add_argument("--child", nargs=2, metavar=("N", "OFFSET"))
    args = parser.parse_args()
    changes = [change for change in args.changes.split(",") if change]
    if args.child:
        child(args.database_url, int(args.child[0]), int(args.child[1]), changes)
        return 0
    sys.path.insert(0, str(BENCH))
    if args.database_url:
        measure(args.database_url, args.requests, args.offset, changes)
        return 0
    import psycopg
    from sqlalchemy.engine import make_url

    from booking_bench import ADMIN_URL, load
    from rental.adapters.sqlalchemy.migrations import upgrade

    name = f"rental_search_parts_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    db_url = str(make_url(ADMIN_URL).set(drivername="postgresql+psycopg", database=name))
    try:
        upgrade(db_url)
        load(db_url, 5_000, 25_000)
        measure(db_url, args.requests, args.offset, changes)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
