#!/usr/bin/env bash
# .ci/run's Docker step: start an engine if it can (installing Debian's docker.io,
# docker-compose and debootstrap when they are missing and apt may be used), then run
# ops/docker/check.sh. Prints one closing line saying what happened; exits with check.sh's
# status, or 3 when no engine could be started (said plainly, not a failure of the check).
set -uo pipefail
cd "$(dirname "$0")/../.."
say() { echo "[docker-check] $*"; }

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null \
   || ! { command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing docker.io, docker-compose and debootstrap with apt"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o DPkg::Lock::Timeout=300 docker.io docker-compose debootstrap; } >/tmp/rental-docker-apt.log 2>&1 \
      || say "apt could not install them (see /tmp/rental-docker-apt.log)"
  fi
fi

started_dockerd=
if ! docker info >/dev/null 2>&1; then
  if command -v dockerd >/dev/null && [ "$(id -u)" = 0 ]; then
    say "starting dockerd --iptables=false (log: /tmp/rental-dockerd.log)"
    dockerd --iptables=false >/tmp/rental-dockerd.log 2>&1 &
    started_dockerd=$!
    for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  fi
fi
if ! docker info >/dev/null 2>&1; then
  say "NOT RUN: no Docker engine could be started on this machine (dockerd missing, not root, or it failed: see /tmp/rental-dockerd.log)"
  [ -n "$started_dockerd" ] && kill "$started_dockerd" 2>/dev/null
  exit 3
fi

ops/docker/check.sh
status=$?
if [ -n "$started_dockerd" ]; then
  kill "$started_dockerd" 2>/dev/null
  wait "$started_dockerd" 2>/dev/null
fi
if [ "$status" = 0 ]; then say "PASSED"; else say "FAILED (status $status)"; fi
exit "$status"
