# The rental API (and, with another command, its worker). Build: docker build -t rental .
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install . && rm -rf src

# Never run as root; ./var is where a SQLite database would live.
RUN useradd --create-home --uid 10001 rental && mkdir -p /app/var && chown rental /app/var
USER rental

EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/readyz', timeout=2)"]
# exec: gunicorn becomes the shell's process and gets `docker stop`'s SIGTERM (graceful stop).
CMD ["sh", "-c", "rental db upgrade && exec rental serve --host 0.0.0.0 --port 8000"]
