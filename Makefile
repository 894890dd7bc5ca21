# The whole set-up on a fresh machine with Python 3.11+: `make run` or `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Two installs: `make run` needs the runtime only (`pip install -e .`); `make test` and the
# tools add the dev extra. Installing dev also stands for the runtime, so `make run` after
# `make test` installs nothing, and `make test` after `make run` still installs dev.
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-runtime
# Integration suites run in parallel processes; each test builds its own database or schema.
PYTEST_WORKERS ?= 2
# Where `make run` serves: `PORT=8123 make run`, `HOST=0.0.0.0 make run`.
HOST ?= 127.0.0.1
PORT ?= 8000

export RENTAL_ENV ?= development

.PHONY: client graphiql-assets run test lint typecheck contracts pytest bench bench-http bench-instructions bench-graphql bench-scale mutation clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "rental needs Python 3.11+"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP) $(RUN_STAMP)

$(RUN_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "rental needs Python 3.11+"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/rental db upgrade
	$(BIN)/rental seed-demo --if-empty
	$(BIN)/rental serve --host $(HOST) --port $(PORT)

# The Python client in clients/python/, generated from the server's OpenAPI document.
client: $(STAMP)
	$(BIN)/python clients/generate.py

# GraphiQL's and React's browser builds, copied from the npm registry into the package (needs npm;
# the files are committed, so nothing else needs it).
graphiql-assets: $(STAMP)
	$(BIN)/python scripts/vendor_graphiql.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/actionlint .github/workflows/ci.yml

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup

test: lint typecheck contracts pytest

bench: $(STAMP)
	$(BIN)/python bench/pricing_bench.py
	$(BIN)/python bench/booking_bench.py

# rental serve against a bare Flask + SQLAlchemy Core twin over HTTP (needs wrk, PostgreSQL, Redis).
bench-http: $(STAMP)
	$(BIN)/python bench/http_bench.py

# Instructions per request of rental and the bare twin, under valgrind (steady under load).
bench-instructions: $(STAMP)
	$(BIN)/python bench/request_instructions.py

bench-graphql: $(STAMP)
	$(BIN)/python bench/graphql_bench.py

# The search at 1,000,000 listings and 2,000,000 bookings on PostgreSQL, at the database and
# through HTTP (needs wrk; about 45 minutes and 2.2 GB of disk here, dropped at the end).
bench-scale: $(STAMP)
	$(BIN)/python bench/scale_bench.py

# Mutation testing of the business core (about half an hour here; not part of `make test`).
mutation: $(STAMP)
	rm -rf mutants
	$(BIN)/mutmut run --max-children $(PYTEST_WORKERS)
	$(BIN)/python scripts/mutation_summary.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis mutants

# Docker for real: local stand-in images, compose up, a booking, a graceful stop, a restart.
.PHONY: docker-check
docker-check:
	ops/docker/check.sh

# Photos: the upload's server time, the variants' CPU, the worker's memory on 50 MP, covers.
.PHONY: bench-photos
bench-photos: $(STAMP)
	$(BIN)/python bench/photos_bench.py
