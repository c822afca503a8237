#!/usr/bin/env bash
# What durable commits cost on the embedded H2 default: two jwt-auth servers on this machine, one on H2's own write
# delay (WRITE_DELAY=500, commits reach the file up to half a second later) and one on the shipped default
# (WRITE_DELAY=0, every commit is written before it returns), measured in turns with wrk, ROUNDS times each:
#
#   perf/http/durability.sh
#
# Scenarios: refresh with rotation and blacklisting (rotate.lua; two commits per request) and login
# (login.lua; one commit per request, plus an Argon2id hash). Only one server is under load at a time; taking
# turns gives both the machine's drift alike. Prints, per server and scenario, the mean rate and the rounds.
# Needs wrk and curl, and a built jar (mvn -B -q package -DskipTests).
set -euo pipefail

. "$(dirname "$0")/../lib.sh"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
LOGIN_WARMUP=${LOGIN_WARMUP:-20}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-8}
# Sessions per wrk thread for the rotation scenario: every round spends some, so there are plenty.
SESSIONS=${SESSIONS:-16}
DELAYED_PORT=${DELAYED_PORT:-18090}
DURABLE_PORT=${DURABLE_PORT:-18091}

command -v wrk >/dev/null || { echo "durability: wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "durability: build first: mvn -B -q package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start NAME PORT WRITE_DELAY: a server with rotation and blacklisting on its own H2 file, and the benchmark user.
start() {
  local name=$1 port=$2 delay=$3
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec env MICRONAUT_SERVER_PORT="$port" AUTH_ACCESS_TOKEN_LIFETIME=1h \
      AUTH_ROTATE_REFRESH_TOKENS=true AUTH_BLACKLIST_AFTER_ROTATION=true \
      DATASOURCES_DEFAULT_URL="jdbc:h2:file:./data/auth;AUTO_SERVER=TRUE;WRITE_DELAY=$delay" \
      "$LAUNCHER" >"$WORK/$name.log" 2>&1) &
  PIDS+=($!)
  wait_for_http "http://127.0.0.1:$port/api/health/"
  (cd "$WORK/$name" && echo mypassword | env DATASOURCES_DEFAULT_URL="jdbc:h2:file:./data/auth;AUTO_SERVER=TRUE" \
      "$LAUNCHER" users create myuser --password-stdin >/dev/null)
}

# sessions NAME PORT: SESSIONS fresh refresh tokens per wrk thread, in $WORK/NAME-tokens/tokens-<thread>.txt.
sessions() {
  local name=$1 port=$2 dir=$WORK/$1-tokens
  rm -rf "$dir" && mkdir -p "$dir"
  for thread in 0 1; do
    for _ in $(seq 1 "$SESSIONS"); do
      # The answer has no final newline, so sed's output has none either: printf gives each token its line.
      printf '%s\n' "$(curl -s -X POST -d "username=myuser&password=mypassword" "http://127.0.0.1:$port/api/token/" \
          | sed -n 's/.*"refresh":"\([^"]*\)".*/\1/p')" >>"$dir/tokens-$thread.txt"
    done
  done
}

# run NAME SCENARIO PORT SECONDS CONNECTIONS: one wrk run; prints its requests per second and counts non-2xx.
run() {
  local name=$1 scenario=$2 port=$3 seconds=$4 connections=$5 out
  if [ "$scenario" = rotate ]; then
    sessions "$name" "$port"
    out=$(TOKEN_DIR=$WORK/$name-tokens wrk -t2 -c"$connections" -d"${seconds}s" -s "$HTTP_DIR/rotate.lua" \
        "http://127.0.0.1:$port/api/token/refresh/")
  else
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$HTTP_DIR/login.lua" "http://127.0.0.1:$port/api/token/")
  fi
  if echo "$out" | grep -q Non-2xx; then
    echo "durability: $name $scenario: $(echo "$out" | grep Non-2xx)" >&2
  fi
  echo "$out" | awk '/Requests\/sec/ { print $2 }'
}

start delayed "$DELAYED_PORT" 500
start durable "$DURABLE_PORT" 0

for scenario in rotate login; do
  if [ "$scenario" = rotate ]; then connections=$CONNECTIONS; warmup=$WARMUP; else connections=$LOGIN_CONNECTIONS; warmup=$LOGIN_WARMUP; fi
  run delayed "$scenario" "$DELAYED_PORT" "$warmup" "$connections" >/dev/null
  run durable "$scenario" "$DURABLE_PORT" "$warmup" "$connections" >/dev/null
  for _ in $(seq 1 "$ROUNDS"); do
    run delayed "$scenario" "$DELAYED_PORT" "$DURATION" "$connections" >>"$WORK/$scenario-delayed"
    run durable "$scenario" "$DURABLE_PORT" "$DURATION" "$connections" >>"$WORK/$scenario-durable"
  done
  for name in delayed durable; do
    printf '%-7s %-8s %8s /s  (rounds: %s)\n' "$scenario" "$name" \
        "$(awk '{ s += $1 } END { printf "%.1f", s / NR }' "$WORK/$scenario-$name")" \
        "$(paste -sd, "$WORK/$scenario-$name" | sed 's/,/, /g')"
  done
done
