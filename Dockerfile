# The rental API (and, with another command, its worker and its migrations).
#   docker build -t rental .
# PYTHON_IMAGE is any Debian-based image with python3 (3.11+) and its venv module: the
# official python:3.12-slim by default; ops/docker builds a local stand-in where no registry
# is reachable (make docker-check).
ARG PYTHON_IMAGE=python:3.12-slim
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/rental \
    PATH=/opt/rental/bin:$PATH \
    PORT=8000 \
    RENTAL_LOG_FORMAT=json

WORKDIR /app
# A venv: Debian's python refuses system-wide pip installs (PEP 668).
RUN python3 -m venv /opt/rental
# The dependencies first, in their own layer: a change to the code does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p src/rental && touch src/rental/__init__.py \
 && pip install . && pip uninstall --yes rental && rm -rf src build
COPY src ./src
RUN pip install --no-deps . && rm -rf src build

# Never run as root; ./var is where a SQLite database would live.
RUN useradd --create-home --uid 10001 rental && mkdir -p /app/var && chown rental /app/var
USER rental

EXPOSE 8000
# The port the server listens on is PORT's, and so is the one the check asks: one setting.
HEALTHCHECK --interval=5s --timeout=10s --start-period=30s --retries=5 \
    CMD ["python3", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('PORT', '8000'), timeout=2)"]
# exec: gunicorn becomes the shell's process and gets `docker stop`'s SIGTERM (graceful stop).
# Migrations are a separate step (`rental db upgrade`, the compose file's migrate service); it
# takes a lock, so several containers running it at once are safe too.
CMD ["sh", "-c", "exec rental serve --host 0.0.0.0 --port \"${PORT:-8000}\""]
