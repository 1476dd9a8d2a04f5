#!/bin/sh
# A throwaway PostgreSQL server for the tests: prints its DSN (postgresql://...) on stdout.
#
#   sh scripts/ensure_postgres.sh          start one (or reuse the one already running), print DSN
#   sh scripts/ensure_postgres.sh stop     stop it and delete its files
#
# Debian's postgresql package is installed with apt-get when missing and we are root. The cluster
# is initdb'd in a temporary directory, owned by an unprivileged user when we are root (PostgreSQL
# refuses to run as root: "nobody", through runuser), with trust authentication, listening on
# 127.0.0.1 only, on a free port. fsync is off (its data is thrown away) unless
# WARWIRE_PG_DURABLE=1 (benchmarks); WARWIRE_PG_STATE moves its directory. Messages go to stderr.
set -eu

STATE="${WARWIRE_PG_STATE:-${TMPDIR:-/tmp}/warwire-test-postgres-$(id -u)}"

say() { echo "ensure_postgres: $*" >&2; }

as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

find_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

if [ "${1:-start}" = "stop" ]; then
    if [ -f "$STATE/dsn" ]; then
        BIN="$(find_bindir)"
        as_owner "$BIN/pg_ctl" -D "$STATE/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$STATE"
    exit 0
fi

if [ -f "$STATE/dsn" ] && [ -f "$STATE/data/postmaster.pid" ]; then
    BIN="$(find_bindir)"
    if as_owner "$BIN/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
        cat "$STATE/dsn"
        exit 0
    fi
fi

if ! BIN="$(find_bindir)"; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        say "installing postgresql with apt-get (store tests against a real server)"
        apt-get update -qq >&2 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN="$(find_bindir)"
    else
        say "PostgreSQL is not installed and cannot be installed here: apt-get install postgresql"
        exit 1
    fi
fi

rm -rf "$STATE"
mkdir -p "$STATE"
chmod 755 "$STATE"
if [ "$(id -u)" = "0" ]; then
    chown nobody "$STATE"
fi
DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "${WARWIRE_PG_DURABLE:-0}" = "1" ]; then
    DURABILITY=""
fi
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner "$BIN/initdb" -D "$STATE/data" -U warwire --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$STATE $DURABILITY -c max_connections=200" \
    start >/dev/null
echo "postgresql://warwire@127.0.0.1:$PORT/postgres" | as_owner tee "$STATE/dsn"
