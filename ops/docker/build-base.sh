#!/usr/bin/env bash
# Builds the local stand-ins of the images Docker Hub would give (no registry is reachable here):
#   rental-base:bookworm      a Debian bookworm minbase root file system, made by debootstrap
#                             from the mirror this machine's apt uses, then `docker import`ed;
#   rental-python:bookworm    python3 with venv (Debian's pip refuses system-wide installs);
#   rental-postgres:15        postgresql-15, honouring POSTGRES_USER / _PASSWORD / _DB;
#   rental-redis:bookworm     redis-server.
# An image already present is kept (delete it to rebuild). Every build uses the host's network,
# since containers on the default bridge have no route out when dockerd runs --iptables=false.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
BASE=rental-base:bookworm

have() { docker image inspect "$1" >/dev/null 2>&1; }

# The first Debian mirror apt is configured with (deb822 sources or a one-line sources.list).
apt_mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null \
          | awk '{print $2}' | grep -v security | head -n1 || true)
  if [ -z "$uri" ]; then
    uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$0 ~ /debian/ && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

if have "$BASE"; then
  echo "base: $BASE present"
else
  command -v debootstrap >/dev/null || { echo "base: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  mirror=$(apt_mirror)
  root=$(mktemp -d /tmp/rental-rootfs.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  echo "base: debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/tmp/rental-debootstrap.log 2>&1 \
    || { tail -n 30 /tmp/rental-debootstrap.log >&2; exit 1; }
  # Keep images small: no apt lists or caches in the base layer.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" -c . | docker import --change 'CMD ["/bin/bash"]' - "$BASE" >/dev/null
  echo "base: imported $BASE"
fi

# The host's CA bundle goes into every image, so pip and apt over TLS trust what the host trusts.
for name in python postgres redis; do
  cp /etc/ssl/certs/ca-certificates.crt "$here/$name/host-ca-certificates.crt"
done

build() {
  local tag=$1 dir=$2
  if have "$tag"; then echo "image: $tag present"; return; fi
  echo "image: building $tag"
  docker build --network host -t "$tag" "$here/$dir"
}
build rental-python:bookworm python
build rental-postgres:15 postgres
build rental-redis:bookworm redis
