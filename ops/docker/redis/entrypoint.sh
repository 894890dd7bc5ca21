#!/bin/sh
# Like the official image: redis-server without a config file refuses clients from other hosts
# (protected mode), which every other container is; the network is the boundary here.
set -eu
if [ "${1:-}" = redis-server ]; then
  shift
  set -- redis-server --protected-mode no "$@"
fi
exec "$@"
