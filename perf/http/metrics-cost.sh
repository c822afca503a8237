#!/usr/bin/env bash
# What metrics cost the protected GET: the built jar with metrics on against the same jar with
# MICRONAUT_METRICS_ENABLED=false, in turns, over several fresh launches of both.
#
#   perf/http/metrics-cost.sh
#
# Each launch starts both servers through the README's launcher (each with its own database in a temporary folder),
# loads each with WARMUP seconds of wrk on GET /api/profile/ in slices of DURATION seconds taken in turns, then runs
# ROUNDS rounds of DURATION seconds per side, the order alternating from turn to turn. Per round and side it prints requests/s and the server's CPU time
# (utime + stime of the JVM, from /proc/PID/stat) per 1,000 requests. Several launches are needed because one JVM
# compiles the hot path differently from the next: pairs of launches of the same build differ by up to about 15%.
# At the end: per side, the mean over all launches of requests/s and of CPU per 1,000 requests, and off/on ratios.
# Needs wrk and curl (Debian: apt-get install wrk curl). Traffic goes to 127.0.0.1 only.
set -euo pipefail

. "$(dirname "$0")/../lib.sh"
LAUNCHES=${LAUNCHES:-5}
WARMUP=${WARMUP:-120}
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}

command -v wrk >/dev/null || { echo "metrics-cost: wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "metrics-cost: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
[ "$LAUNCHES" -ge 1 ] && [ "$ROUNDS" -ge 1 ] && [ "$DURATION" -ge 1 ] ||
  { echo "metrics-cost: LAUNCHES, ROUNDS and DURATION must be at least 1" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

SIDES=(on off)
declare -A SIDE_ENV=([on]="" [off]="MICRONAUT_METRICS_ENABLED=false")
declare -A PID PORT TOKEN

# start SIDE LAUNCH: a fresh server with a fresh database and user; sets PID, PORT and TOKEN of SIDE.
start() {
  local side=$1 dir=$WORK/$2/$1 port
  mkdir -p "$dir"
  (cd "$dir" && echo mypassword | "$LAUNCHER" users create myuser --password-stdin >/dev/null)
  port=$(free_port)
  # shellcheck disable=SC2086 # SIDE_ENV holds NAME=VALUE words on purpose
  (cd "$dir" && exec env ${SIDE_ENV[$side]} MICRONAUT_SERVER_PORT="$port" AUTH_ACCESS_TOKEN_LIFETIME=1h \
    "$LAUNCHER" >"$dir/server.log" 2>&1) &
  PID[$side]=$!
  PIDS+=("$!")
  PORT[$side]=$port
  wait_for_http "http://127.0.0.1:$port/api/health/" 120
  TOKEN[$side]=$(login "$port" | field access)
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[$side]}" \
    "http://127.0.0.1:$port/api/profile/")" = 200 ] || { echo "metrics-cost: no 200 from the $side server" >&2; exit 1; }
}

# cpu_ticks PID: user + system CPU time of the process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# load SIDE SECONDS: prints "requests/s cpu-ms-per-1000-requests" for SECONDS of wrk on the protected GET.
load() {
  local side=$1 before after out
  before=$(cpu_ticks "${PID[$side]}")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$2s" -H "Authorization: Bearer ${TOKEN[$side]}" \
    "http://127.0.0.1:${PORT[$side]}/api/profile/")
  after=$(cpu_ticks "${PID[$side]}")
  if grep -q "Non-2xx" <<<"$out"; then
    echo "metrics-cost: the $side server answered other than 200: $(grep "Non-2xx" <<<"$out")" >&2
    exit 1
  fi
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ { requests = $1 } /Requests\/sec/ { rate = $2 }
    END { printf "%s %.2f\n", rate, ticks * 1000 / hz / requests * 1000 }'
}

# in_turn N: the sides in the order of turn N, swapped from one turn to the next.
in_turn() { if [ $(($1 % 2)) -eq 1 ]; then echo "${SIDES[0]} ${SIDES[1]}"; else echo "${SIDES[1]} ${SIDES[0]}"; fi; }

RESULTS=$WORK/results
: >"$RESULTS"
for launch in $(seq 1 "$LAUNCHES"); do
  for side in "${SIDES[@]}"; do start "$side" "$launch"; done
  # The launcher picks the JVM (a JDK 25+ with its AOT cache where the build trained one): say which ran.
  [ "$launch" -eq 1 ] && echo "server JVM: $(tr '\0' ' ' <"/proc/${PID[on]}/cmdline" | grep -oE '^[^ ]+|-XX:(AOTCache|SharedArchiveFile)=[^ ]+' | tr '\n' ' ')"
  # Warm-up in the same turns as the rounds, so that neither side sits idle longer than the other before a round: a
  # JVM left idle for the other's whole warm-up ran its first round up to 25% slower (JDK 17's code cache sweeper
  # gives up compiled code gone cold, most likely).
  slices=$(( (WARMUP + DURATION - 1) / DURATION ))
  for slice in $(seq 1 "$slices"); do
    for side in $(in_turn "$slice"); do load "$side" "$DURATION" >/dev/null; done
  done
  for round in $(seq 1 "$ROUNDS"); do
    read -ra order < <(in_turn "$round")
    line="launch $launch round $round:"
    for side in "${order[@]}"; do
      read -r rate cpu < <(load "$side" "$DURATION")
      echo "$launch $side $rate $cpu" >>"$RESULTS"
      line+=" $side $rate req/s ${cpu} cpu-ms/1000"
    done
    echo "$line"
  done
  for side in "${SIDES[@]}"; do kill "${PID[$side]}"; wait "${PID[$side]}" 2>/dev/null || true; done
  PIDS=()
done

awk -v launches="$LAUNCHES" '
  { rate[$1, $2] += $3; cpu[$1, $2] += $4; rounds[$1, $2]++ }
  END {
    for (l = 1; l <= launches; l++) {
      on = rate[l, "on"] / rounds[l, "on"]; off = rate[l, "off"] / rounds[l, "off"]
      con = cpu[l, "on"] / rounds[l, "on"]; coff = cpu[l, "off"] / rounds[l, "off"]
      printf "launch %d: off/on requests/s %.3f, on/off CPU per request %.3f\n", l, off / on, con / coff
      r_on += on; r_off += off; c_on += con; c_off += coff
    }
    n = launches
    printf "mean of %d launches: on %.0f req/s, %.2f cpu-ms/1000; off %.0f req/s, %.2f cpu-ms/1000\n", n, r_on / n, c_on / n, r_off / n, c_off / n
    printf "metrics cost: off/on requests/s %.3f, on/off CPU per request %.3f\n", r_off / r_on, c_on / c_off
  }' "$RESULTS"
