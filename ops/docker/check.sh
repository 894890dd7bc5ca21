#!/usr/bin/env bash
# make docker-check: the images build, the stack comes up healthy, a booking made through the
# API container survives a graceful stop (each `docker stop` under 40 s, exit 0) and a restart.
# Exit 0: passed; 1: failed; 3: no Docker engine answers (nothing was tried).
set -euo pipefail
cd "$(dirname "$0")/../.."
PROJECT=${RENTAL_CHECK_PROJECT:-rentalcheck}
STOP_LIMIT=40
started=$(date +%s)

say() { printf '[docker-check %4ss] %s\n' "$(($(date +%s) - started))" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

if ! docker info >/dev/null 2>&1; then
  say "no Docker engine answers on this machine (start dockerd, or install docker.io): not run"
  exit 3
fi
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null; then
  COMPOSE=(docker-compose)
else
  say "neither 'docker compose' nor docker-compose is installed: not run"
  exit 3
fi
compose() { "${COMPOSE[@]}" -p "$PROJECT" -f docker-compose.yml -f ops/docker/compose.local.yml "$@"; }

RENTAL_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RENTAL_HTTP_PORT=$(free_port)
RENTAL_UPDATES_PORT=$(free_port)
export RENTAL_SECRET_KEY RENTAL_HTTP_PORT RENTAL_UPDATES_PORT

cleanup() {
  say "cleaning up (containers, network, volumes; the images stay as a cache)"
  compose down --volumes --remove-orphans >/dev/null 2>&1 || true
}
trap cleanup EXIT

step=$(date +%s)
ops/docker/build-base.sh
say "base images ready in $(($(date +%s) - step)) s"
step=$(date +%s)
compose build api
say "project image built in $(($(date +%s) - step)) s"

container() { compose ps -q "$1"; }
health() { docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1"; }

wait_healthy() {
  local deadline=$(($(date +%s) + 300)) service id state all
  while :; do
    all=ok
    for service in postgres redis api worker updates; do
      id=$(container "$service")
      state=$( [ -n "$id" ] && health "$id" || echo missing)
      [ "$state" = healthy ] || all="$service is $state"
      [ "$state" = unhealthy ] && { compose logs --tail 50 "$service"; fail "$service is unhealthy"; }
    done
    [ "$all" = ok ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || { compose logs --tail 50; fail "not healthy in 300 s: $all"; }
    sleep 1
  done
}

up() {
  local step
  step=$(date +%s)
  compose up -d
  wait_healthy
  local migrated
  migrated=$(docker inspect --format '{{.State.ExitCode}}' "$(compose ps -a -q migrate)")
  [ "$migrated" = 0 ] || fail "the migrate service exited $migrated"
  say "every health check passes, $(($(date +%s) - step)) s after 'up'"
}

up
answer=$(docker exec -i "$(container api)" python3 - book <ops/docker/booking.py) || fail "booking: $answer"
booking=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["booking_id"])' "$answer")
email=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["email"])' "$answer")
password=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["password"])' "$answer")
status=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["status"])' "$answer")
[ "$status" = confirmed ] || fail "booking $booking is $status, not confirmed"
say "booked $booking through the API container: $status"
# The long-poll process answers its path by itself (401 without a token, as the API would).
polled=$(docker exec "$(container updates)" python3 -c 'import urllib.error as e, urllib.request as u
try:
    u.urlopen("http://127.0.0.1:8001/api/v1/threads/updates", timeout=5)
except e.HTTPError as answer:
    print(answer.code)') || fail "serve-updates: $polled"
[ "$polled" = 401 ] || fail "serve-updates answered $polled to a poll without a token, not 401"
say "serve-updates answers its path: $polled without a token"

# Stop in dependency order, each alone, timed: SIGTERM (SIGINT for PostgreSQL), then docker
# waits up to STOP_LIMIT s before SIGKILL. A graceful stop ends well before, with status 0.
for service in api updates worker redis postgres; do
  id=$(container "$service")
  step=$(date +%s%N)
  docker stop --time "$STOP_LIMIT" "$id" >/dev/null
  ms=$((($(date +%s%N) - step) / 1000000))
  code=$(docker inspect --format '{{.State.ExitCode}}' "$id")
  say "docker stop $service: ${ms} ms, exit $code"
  [ "$code" = 0 ] || { compose logs --tail 30 "$service"; fail "$service exited $code on stop"; }
  [ "$ms" -lt $((STOP_LIMIT * 1000)) ] || fail "$service took ${ms} ms to stop"
done

up
found=$(docker exec -i "$(container api)" python3 - find "$booking" "$email" "$password" <ops/docker/booking.py) \
  || fail "after the restart: $found"
[ "$found" = confirmed ] || fail "after the restart booking $booking is $found"
say "after a stop and a start, booking $booking is still $found"
say "PASSED in $(($(date +%s) - started)) s"
