#!/usr/bin/env bash
# Load benchmark of jwt-auth on this machine with wrk, and of the simplejwt reference app in the same run when asked:
#
#   perf/http/run.sh [--reference PATH_TO/simplejwt-reference.sh] [--startup-only]
#
# --startup-only measures only start-up, the operator commands and peak memory under the soak (below), not throughput.
#
# Builds the jars if missing, starts jwt-auth with the README's launcher, warms each scenario up, then measures
# throughput and p50/p99 latency of: an unauthenticated baseline (/api/health/) and the protected GET, in turns,
# forward auth (alone, and through nginx's auth_request against nginx without it, in turns), refresh without rotation,
# login, and refresh with rotation and blacklisting. Also: start-up time to the first answer,
# CLI command time, peak resident memory during the protected GET, and, in turns with the logins, Argon2id's bare
# rate under JMH with the same JVM options.
# The reference runs the same scenarios; for the rotation scenario it is restarted with simplejwt's
# ROTATE_REFRESH_TOKENS and BLACKLIST_AFTER_ROTATION turned on, so that both sides rotate and blacklist.
# Start-up, operator commands and memory, each against the reference in the same run when --reference is given
# (measure_startup_commands_memory): start-up to the first 200 of the protected GET (a token from an earlier start),
# alternately, STARTUP_ROUNDS times; `users set-password --help` against `manage.py changepassword --help` and
# `users create` against `manage.py createsuperuser --noinput`, with hyperfine, in turns; peak resident memory (VmHWM,
# summed over gunicorn's processes) under a SOAK-second, SOAK_CONNECTIONS-connection protected-GET load of a fresh start.
# Traffic goes to 127.0.0.1 only; every run is bounded in time. Needs wrk and curl (Debian: apt-get install wrk curl).
set -euo pipefail

. "$(dirname "$0")/../lib.sh"
# jwt-auth runs through the README's launcher, with its JVM options (jvm.options) and class-data sharing archive.
JVM_OPTIONS=$(grep -v '^#' "$ROOT/jvm.options" | tr '\n' ' ')
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-5}
# Login runs about a thousandth as many requests a second as the other scenarios, so its code needs longer before the
# JIT has compiled it: C2 took 1.2 s of the 30 s of CPU in the 15 s after a 15 s warm-up, 0.4 to 0.9 s in each 15 s
# after 45 s.
LOGIN_WARMUP=${LOGIN_WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-8}
PORT=${PORT:-18080}
REF_PORT=${REF_PORT:-18081}
NGINX_UPSTREAM_PORT=${NGINX_UPSTREAM_PORT:-18082}
NGINX_PLAIN_PORT=${NGINX_PLAIN_PORT:-18083}
NGINX_AUTH_PORT=${NGINX_AUTH_PORT:-18084}
REFERENCE_SCRIPT=""
STARTUP_ONLY=""
STARTUP_ROUNDS=${STARTUP_ROUNDS:-5}
COMMAND_RUNS=${COMMAND_RUNS:-3}
SOAK=${SOAK:-60}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-128}

while [ $# -gt 0 ]; do
  case "$1" in
    --reference)
      [ $# -ge 2 ] || { echo "usage: perf/http/run.sh [--reference PATH_TO/simplejwt-reference.sh] [--startup-only]" >&2; exit 2; }
      REFERENCE_SCRIPT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --startup-only) STARTUP_ONLY=1; shift ;;
    *) echo "usage: perf/http/run.sh [--reference PATH_TO/simplejwt-reference.sh] [--startup-only]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[ "$ROUNDS" -ge 1 ] && [ "$DURATION" -ge 1 ] || { echo "bench: ROUNDS and DURATION must be at least 1" >&2; exit 2; }
if [ ! -f "$JAR" ] || { [ -z "$STARTUP_ONLY" ] && [ ! -f "$JMH_JAR" ]; }; then
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

WORK=$(mktemp -d)
export TOKEN_DIR=$WORK
SERVER=""
REF_SERVER=""
cleanup() {
  stop_nginx
  stop_jwt_auth
  stop_reference
  rm -rf "$WORK"
}
trap cleanup EXIT
declare -A RPS P50 P99

# Waits until URL answers 200, for at most 60 s; prints the milliseconds it took from $1 (a now_ms value).
wait_for() {
  local since=$1 url=$2
  for _ in $(seq 1 6000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
      echo $(( $(now_ms) - since ))
      return 0
    fi
    sleep 0.01
  done
  echo "bench: $url did not answer" >&2
  return 1
}

start_jwt_auth() {
  stop_jwt_auth
  local started
  started=$(now_ms)
  (cd "$WORK/jwt-auth" && exec env "$@" MICRONAUT_SERVER_PORT=$PORT AUTH_ACCESS_TOKEN_LIFETIME=1h \
      "$LAUNCHER" >>"$WORK/server.log" 2>&1) &
  SERVER=$!
  STARTUP_MS=$(wait_for "$started" "http://127.0.0.1:$PORT/api/health/")
}

stop_jwt_auth() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}

jwt_auth_cli() {
  (cd "$WORK/jwt-auth" && "$LAUNCHER" "$@")
}

to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# wrk_round NAME CONNECTIONS SECONDS WRK_ARGS...: one measured wrk run; appends "req/s p50-ms p99-ms" to NAME's rounds.
wrk_round() {
  local name=$1 connections=$2 seconds=$3 out failed
  shift 3
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  failed=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  if [ -n "$failed" ]; then
    echo "bench: $name had $failed answers that were not 2xx" >&2
  fi
  echo "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')" \
      "$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")" \
      "$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")" >>"$WORK/rounds-$name"
}

# median COLUMN FILE: the median of a column of numbers, or "-" where the column holds "-".
median() {
  sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c }
      END { if (v[1] == "-") print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# report NAME: the mean rate over NAME's rounds, and the median of their p50 and p99 (JMH's rounds have none: "-").
report() {
  local name=$1 rounds latency=""
  rounds=$WORK/rounds-$name
  RPS[$name]=$(awk '{ sum += $1 } END { printf "%.1f", sum / NR }' "$rounds")
  P50[$name]=$(median 2 "$rounds")
  P99[$name]=$(median 3 "$rounds")
  if [ "${P50[$name]}" != - ]; then
    latency=$(printf 'p50 %7s ms   p99 %7s ms' "${P50[$name]}" "${P99[$name]}")
  fi
  printf '  %-12s %10s %-4s %-32s (rounds: %s)\n' "$name" "${RPS[$name]}" "${UNIT:-/s}" "$latency" \
      "$(awk '{ printf "%s%.1f", (NR > 1 ? ", " : ""), $1 }' "$rounds")"
}

# warm_up SECONDS CONNECTIONS WRK_ARGS...: an unmeasured wrk run, none for 0 seconds.
warm_up() {
  local seconds=$1 connections=$2
  shift 2
  if [ "$seconds" -gt 0 ]; then
    wrk -t2 -c"$connections" -d"${seconds}s" "$@" >/dev/null
  fi
}

# measure NAME CONNECTIONS WRK_ARGS...: a warm-up run of WARMUP seconds, then the measured one of DURATION.
measure() {
  local name=$1 connections=$2
  shift 2
  warm_up "$WARMUP" "$connections" "$@"
  wrk_round "$name" "$connections" "$DURATION" "$@"
  report "$name"
}

# The protected GET and forward auth, and the baseline they are held against, warmed up each, then measured in turns,
# ROUNDS times for DURATION seconds each: the machine's speed drifts by more than the difference to be measured, and
# taking turns gives them the same drift.
measure_protected_against_baseline() {
  local port=$1 access=$2
  local baseline=("http://127.0.0.1:$port/api/health/")
  local protected=(-H "Authorization: Bearer $access" "http://127.0.0.1:$port/api/profile/")
  local forward_auth=(-H "Authorization: Bearer $access" "http://127.0.0.1:$port/api/forward-auth/app/page")
  warm_up "$WARMUP" "$CONNECTIONS" "${baseline[@]}"
  warm_up "$WARMUP" "$CONNECTIONS" "${protected[@]}"
  warm_up "$WARMUP" "$CONNECTIONS" "${forward_auth[@]}"
  for _ in $(seq 1 "$ROUNDS"); do
    wrk_round baseline "$CONNECTIONS" "$DURATION" "${baseline[@]}"
    wrk_round protected "$CONNECTIONS" "$DURATION" "${protected[@]}"
    wrk_round forward-auth "$CONNECTIONS" "$DURATION" "${forward_auth[@]}"
  done
  report baseline
  report protected
  report forward-auth
}

# nginx in front of an upstream (nginx itself answering a short text), once with auth_request to jwt-auth's forward
# auth as docs/forward-auth.md configures it and once without, measured in turns. Skipped without nginx.
measure_nginx_forward_auth() {
  local port=$1 access=$2 nginx=/usr/sbin/nginx
  if [ ! -x "$nginx" ]; then
    echo "  nginx: skipped, $nginx is missing (apt-get install nginx-light)"
    return 0
  fi
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  upstream jwt_auth { server 127.0.0.1:$port; keepalive 32; }
  upstream app { server 127.0.0.1:$NGINX_UPSTREAM_PORT; keepalive 32; }
  server { listen 127.0.0.1:$NGINX_UPSTREAM_PORT; location / { return 200 "upstream"; } }
  server {
    listen 127.0.0.1:$NGINX_PLAIN_PORT;
    location / { proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://app; }
  }
  server {
    listen 127.0.0.1:$NGINX_AUTH_PORT;
    location / {
      auth_request /_jwt_auth;
      auth_request_set \$auth_user_id \$upstream_http_x_auth_user_id;
      auth_request_set \$auth_username \$upstream_http_x_auth_username;
      proxy_set_header X-Auth-User-Id \$auth_user_id;
      proxy_set_header X-Auth-Username \$auth_username;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass http://app;
    }
    location = /_jwt_auth {
      internal;
      proxy_http_version 1.1;
      proxy_pass http://jwt_auth/api/forward-auth/;
      proxy_pass_request_body off;
      proxy_pass_request_headers off;
      proxy_set_header Connection "";
      proxy_set_header Authorization \$http_authorization;
      proxy_set_header X-Original-URI \$request_uri;
    }
  }
}
NGINX
  "$nginx" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
  NGINX_RUNNING=1
  local plain=("http://127.0.0.1:$NGINX_PLAIN_PORT/app/page")
  local authorized=(-H "Authorization: Bearer $access" "http://127.0.0.1:$NGINX_AUTH_PORT/app/page")
  wait_for "$(now_ms)" "${plain[0]}" >/dev/null
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "${authorized[@]}")" != 200 ]; then
    echo "bench: nginx with auth_request does not answer 200; its log: $(tail -5 "$WORK/nginx/error.log")" >&2
    exit 1
  fi
  warm_up "$WARMUP" "$CONNECTIONS" "${plain[@]}"
  warm_up "$WARMUP" "$CONNECTIONS" "${authorized[@]}"
  for _ in $(seq 1 "$ROUNDS"); do
    wrk_round nginx-plain "$CONNECTIONS" "$DURATION" "${plain[@]}"
    wrk_round nginx-auth "$CONNECTIONS" "$DURATION" "${authorized[@]}"
  done
  report nginx-plain
  report nginx-auth
  stop_nginx
}

stop_nginx() {
  if [ -n "${NGINX_RUNNING:-}" ]; then
    kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    NGINX_RUNNING=""
  fi
}

# Login, and bare Argon2id under JMH with the same JVM options, in turns ROUNDS times, after LOGIN_WARMUP seconds of
# logins: as with the protected GET, taking turns gives both the machine's drift alike. The server idles while a JMH
# fork runs. Each round's fork is a JVM of its own (forks of one run differed by up to 10 %), and the mean over them is
# the figure, as the mean over the rounds is for logins.
measure_login_against_argon2() {
  local port=$1
  local logins=(-s "$HTTP_DIR/login.lua" "http://127.0.0.1:$port/api/token/")
  warm_up "$LOGIN_WARMUP" "$LOGIN_CONNECTIONS" "${logins[@]}"
  for round in $(seq 1 "$ROUNDS"); do
    wrk_round login "$LOGIN_CONNECTIONS" "$DURATION" "${logins[@]}"
    if ! java -jar "$JMH_JAR" PasswordHashingBenchmark -t 2 -f 1 -wi 2 -w 5s -i 2 -r 5s -jvmArgs "$JVM_OPTIONS" \
        -rf json -rff "$WORK/jmh-$round.json" >"$WORK/jmh-$round.log" 2>&1; then
      echo "bench: JMH failed; its log ends with:" >&2
      tail -20 "$WORK/jmh-$round.log" >&2
      exit 1
    fi
    sed -n 's/.*"score" : \([0-9.]*\).*/\1 - -/p' "$WORK/jmh-$round.json" | head -1 >>"$WORK/rounds-argon2"
  done
  report login
  report argon2
}

# Writes sessions for the rotation scenario on the server at PORT: one refresh token per line, split over the two
# wrk threads.
sessions() {
  local port=$1 prefix=$2 count=$3
  : >"$WORK/$prefix-0.txt"
  : >"$WORK/$prefix-1.txt"
  for i in $(seq 1 "$count"); do
    login "$port" | field refresh >>"$WORK/$prefix-$((i % 2)).txt"
  done
  if [ "$(cat "$WORK/$prefix-0.txt" "$WORK/$prefix-1.txt" | grep -c .)" -ne "$count" ]; then
    echo "bench: could not log in $count sessions for the rotation scenario; a login answers: $(login "$port")" >&2
    exit 1
  fi
}

# measure_rotation NAME PORT: refresh with rotation and blacklisting, on a server started with both turned on.
measure_rotation() {
  local name=$1 port=$2 sessions=$((CONNECTIONS + 16))
  local rotations=(-s "$HTTP_DIR/rotate.lua" "http://127.0.0.1:$port")
  sessions "$port" warm "$sessions"
  sessions "$port" measured "$sessions"
  # Each run reads its own sessions: a token spent in the warm-up would count as reuse in the measured run.
  ln -sf "$WORK/warm-0.txt" "$WORK/tokens-0.txt"; ln -sf "$WORK/warm-1.txt" "$WORK/tokens-1.txt"
  warm_up "$WARMUP" "$CONNECTIONS" "${rotations[@]}"
  ln -sf "$WORK/measured-0.txt" "$WORK/tokens-0.txt"; ln -sf "$WORK/measured-1.txt" "$WORK/tokens-1.txt"
  wrk_round "$name" "$CONNECTIONS" "$DURATION" "${rotations[@]}"
  report "$name"
}

# start_reference [BENCH_ROTATE=1]: gunicorn with 2 sync workers, as the reference was measured.
start_reference() {
  stop_reference
  (cd "$WORK/reference" && exec env "$@" gunicorn -w 2 -b "127.0.0.1:$REF_PORT" ref.wsgi >>"$WORK/reference.log" 2>&1) &
  REF_SERVER=$!
  for _ in $(seq 1 100); do login "$REF_PORT" >/dev/null && return 0; sleep 0.1; done
  echo "bench: the reference did not start; see its log: $(tail -5 "$WORK/reference.log")" >&2
  exit 1
}

stop_reference() {
  if [ -n "$REF_SERVER" ]; then
    kill "$REF_SERVER" 2>/dev/null || true
    wait "$REF_SERVER" 2>/dev/null || true
    REF_SERVER=""
  fi
}

# start_until_answer NAME URL TOKEN COMMAND...: starts COMMAND in the background (its pid in STARTED_PID) and appends to
# rounds-NAME the milliseconds until GET URL with the bearer TOKEN first answers 200 (polled every 10 ms, 60 s at most).
start_until_answer() {
  local name=$1 url=$2 token=$3 started code
  shift 3
  started=$(now_ms)
  "$@" >>"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 6000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url" || true)
    if [ "$code" = 200 ]; then
      echo "$(( $(now_ms) - started )) - -" >>"$WORK/rounds-$name"
      return 0
    fi
    sleep 0.01
  done
  echo "bench: $name: $url did not answer 200 within 60 s (last: $code); its log: $(tail -5 "$WORK/$name.log")" >&2
  exit 1
}

stop_started() {
  kill "$STARTED_PID" 2>/dev/null || true
  wait "$STARTED_PID" 2>/dev/null || true
}

# The peak resident set (VmHWM) in MB of a process and its children (gunicorn's workers), summed.
peak_rss_mb() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$(( total + $(awk '/VmHWM/ { print $2 }' "/proc/$pid/status") ))
  done
  echo $(( total / 1024 ))
}

# hyperfine_mean NAME COMMAND: COMMAND_RUNS runs (after one unmeasured) under hyperfine; appends the mean in ms.
hyperfine_mean() {
  local name=$1
  hyperfine -N --style none --warmup 1 --runs "$COMMAND_RUNS" --export-json "$WORK/hyperfine.json" "$2" >/dev/null 2>&1 \
    || hyperfine --style none --warmup 1 --runs "$COMMAND_RUNS" --export-json "$WORK/hyperfine.json" "$2" >/dev/null
  sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$WORK/hyperfine.json" | head -1 \
    | awk '{ printf "%.1f - -\n", $1 * 1000 }' >>"$WORK/rounds-$name"
}

# Start-up to the first answer, operator commands and peak memory under the soak, for jwt-auth and, with --reference,
# the reference, in turns. Run from the same working directories as the rest (the embedded default's database for
# jwt-auth, the reference's SQLite file).
measure_startup_commands_memory() {
  local jwt_token ref_token="" i
  local jwt_url=http://127.0.0.1:$PORT/api/profile/ ref_url=http://127.0.0.1:$REF_PORT/api/profile/
  local jwt_env=(env MICRONAUT_SERVER_PORT=$PORT AUTH_ACCESS_TOKEN_LIFETIME=1h)
  local ref_server=(env BENCH_LONG_ACCESS=1 gunicorn -w 2 -b "127.0.0.1:$REF_PORT" ref.wsgi)
  rm -f "$WORK"/rounds-startup* "$WORK"/rounds-help* "$WORK"/rounds-create*
  (cd "$WORK/jwt-auth" && echo mypassword | "$LAUNCHER" users create myuser --password-stdin >/dev/null 2>&1) || true
  start_jwt_auth
  jwt_token=$(login "$PORT" | field access)
  stop_jwt_auth
  if [ -n "$REFERENCE_SCRIPT" ]; then
    [ -d "$WORK/reference" ] || bash "$REFERENCE_SCRIPT" "$WORK/reference" >/dev/null
    # Access tokens live 1 h on both sides here (jwt-auth: AUTH_ACCESS_TOKEN_LIFETIME): simplejwt's 5 min would expire
    # before the last start on a loaded machine.
    grep -q BENCH_LONG_ACCESS "$WORK/reference/ref/settings.py" || cat >>"$WORK/reference/ref/settings.py" <<'PY'

import os
if os.environ.get('BENCH_LONG_ACCESS') == '1':
    SIMPLE_JWT['ACCESS_TOKEN_LIFETIME'] = timedelta(hours=1)
PY
    start_reference BENCH_LONG_ACCESS=1
    ref_token=$(login "$REF_PORT" | field access)
    stop_reference
  fi
  for i in $(seq 1 "$STARTUP_ROUNDS"); do
    (cd "$WORK/jwt-auth" && start_until_answer startup "$jwt_url" "$jwt_token" "${jwt_env[@]}" "$LAUNCHER"; stop_started)
    if [ -n "$ref_token" ]; then
      (cd "$WORK/reference" && start_until_answer ref-startup "$ref_url" "$ref_token" "${ref_server[@]}"; stop_started)
    fi
  done
  UNIT=ms report startup
  [ -z "$ref_token" ] || UNIT=ms report ref-startup
  for i in $(seq 1 "$STARTUP_ROUNDS"); do
    (cd "$WORK/jwt-auth" && hyperfine_mean help "$LAUNCHER users set-password --help")
    if [ -n "$ref_token" ]; then
      (cd "$WORK/reference" && hyperfine_mean ref-help "/usr/bin/python3 manage.py changepassword --help")
    fi
    (cd "$WORK/jwt-auth" && hyperfine_mean create \
        "bash -c 'echo mypassword | $LAUNCHER users create u\$(date +%s%N) --password-stdin'")
    if [ -n "$ref_token" ]; then
      (cd "$WORK/reference" && DJANGO_SUPERUSER_PASSWORD=mypassword hyperfine_mean ref-create \
          "bash -c '/usr/bin/python3 manage.py createsuperuser --noinput --username u\$(date +%s%N) --email a@example.com'")
    fi
  done
  UNIT=ms report help
  [ -z "$ref_token" ] || UNIT=ms report ref-help
  UNIT=ms report create
  [ -z "$ref_token" ] || UNIT=ms report ref-create
  (cd "$WORK/jwt-auth" && start_until_answer soak-start "$jwt_url" "$jwt_token" "${jwt_env[@]}" "$LAUNCHER"
   wrk -t2 -c"$SOAK_CONNECTIONS" -d"${SOAK}s" -H "Authorization: Bearer $jwt_token" "$jwt_url" >/dev/null
   peak_rss_mb "$STARTED_PID" >"$WORK/soak-peak"; stop_started)
  SOAK_PEAK_MB=$(cat "$WORK/soak-peak")
  if [ -n "$ref_token" ]; then
    (cd "$WORK/reference" && start_until_answer ref-soak-start "$ref_url" "$ref_token" "${ref_server[@]}"
     wrk -t2 -c"$SOAK_CONNECTIONS" -d"${SOAK}s" -H "Authorization: Bearer $ref_token" "$ref_url" >/dev/null
     peak_rss_mb "$STARTED_PID" >"$WORK/ref-soak-peak"; stop_started)
    REF_SOAK_PEAK_MB=$(cat "$WORK/ref-soak-peak")
  fi
  echo "  peak resident memory, ${SOAK} s / ${SOAK_CONNECTIONS} connections: jwt-auth ${SOAK_PEAK_MB} MB, reference ${REF_SOAK_PEAK_MB:--} MB"
}

# The table of start-up, commands and memory, with the issue's targets.
print_startup_table() {
  echo "| start-up to first protected answer (mean of $STARTUP_ROUNDS, in turns), ms | ${RPS[startup]} | ${RPS[ref-startup]:-} | $(ratio "${RPS[startup]}" "${RPS[ref-startup]:-0}") | <= 0.8x |"
  echo "| users set-password --help vs manage.py changepassword --help (hyperfine), ms | ${RPS[help]} | ${RPS[ref-help]:-} | $(ratio "${RPS[help]}" "${RPS[ref-help]:-0}") | <= 1x |"
  echo "| users create vs manage.py createsuperuser --noinput (hyperfine), ms | ${RPS[create]} | ${RPS[ref-create]:-} | $(ratio "${RPS[create]}" "${RPS[ref-create]:-0}") | <= 1.5x |"
  echo "| peak RSS, ${SOAK} s / ${SOAK_CONNECTIONS}-connection protected GET (reference: all processes), MB | ${SOAK_PEAK_MB} | ${REF_SOAK_PEAK_MB:-} | $(ratio "${SOAK_PEAK_MB}" "${REF_SOAK_PEAK_MB:-0}") | <= 1x |"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

echo "jwt-auth ($(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)), JVM options: $JVM_OPTIONS"
mkdir -p "$WORK/jwt-auth"
if [ -n "$STARTUP_ONLY" ]; then
  echo "start-up, operator commands and memory$([ -n "$REFERENCE_SCRIPT" ] && echo ", against the reference in turns"):"
  measure_startup_commands_memory
  echo
  echo "| measure | jwt-auth | reference | ratio | target |"
  echo "|---|---|---|---|---|"
  print_startup_table
  exit 0
fi
CLI_CREATE_MS=$( { s=$(now_ms); echo mypassword | jwt_auth_cli users create myuser --password-stdin >/dev/null; echo $(( $(now_ms) - s )); } )
start_jwt_auth
STARTUP_FIRST=$STARTUP_MS
stop_jwt_auth
start_jwt_auth
STARTUP_SECOND=$STARTUP_MS
echo "  start-up to first answer: ${STARTUP_FIRST} ms (first start), ${STARTUP_SECOND} ms (second start)"
CLI_FLUSH_MS=$( { s=$(now_ms); jwt_auth_cli tokens flush-expired >/dev/null; echo $(( $(now_ms) - s )); } )
echo "  CLI: users create ${CLI_CREATE_MS} ms, tokens flush-expired ${CLI_FLUSH_MS} ms (server running)"

PAIR=$(login "$PORT")
ACCESS=$(echo "$PAIR" | field access)
REFRESH=$(echo "$PAIR" | field refresh)
measure_protected_against_baseline "$PORT" "$ACCESS"
PEAK_RSS_MB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status")
echo "  peak resident memory so far (VmHWM): ${PEAK_RSS_MB} MB"
measure_nginx_forward_auth "$PORT" "$ACCESS"
REFRESH_TOKEN=$REFRESH measure refresh "$CONNECTIONS" -s "$HTTP_DIR/refresh.lua" "http://127.0.0.1:$PORT/api/token/refresh/"
measure_login_against_argon2 "$PORT"
stop_jwt_auth

start_jwt_auth AUTH_ROTATE_REFRESH_TOKENS=true AUTH_BLACKLIST_AFTER_ROTATION=true
measure_rotation rotation "$PORT"
stop_jwt_auth

if [ -n "$REFERENCE_SCRIPT" ]; then
  echo "simplejwt reference (gunicorn, 2 sync workers):"
  bash "$REFERENCE_SCRIPT" "$WORK/reference" >/dev/null
  # The same app with rotation and blacklisting after rotation turned on, for the like-for-like rotation scenario.
  cat >>"$WORK/reference/ref/settings.py" <<'PY'

import os
if os.environ.get('BENCH_ROTATE') == '1':
    SIMPLE_JWT.update({'ROTATE_REFRESH_TOKENS': True, 'BLACKLIST_AFTER_ROTATION': True})
PY
  start_reference
  REF_PAIR=$(login "$REF_PORT")
  measure ref-protected "$CONNECTIONS" -H "Authorization: Bearer $(echo "$REF_PAIR" | field access)" \
      "http://127.0.0.1:$REF_PORT/api/profile/"
  REFRESH_TOKEN=$(echo "$REF_PAIR" | field refresh) measure ref-refresh "$CONNECTIONS" \
      -s "$HTTP_DIR/refresh.lua" "http://127.0.0.1:$REF_PORT/api/token/refresh/"
  measure ref-login "$LOGIN_CONNECTIONS" -s "$HTTP_DIR/login.lua" "http://127.0.0.1:$REF_PORT/api/token/"
  start_reference BENCH_ROTATE=1
  measure_rotation ref-rotation "$REF_PORT"
  stop_reference
fi

echo "start-up, operator commands and memory:"
measure_startup_commands_memory
echo
echo "| measure | jwt-auth | reference | ratio | target |"
echo "|---|---|---|---|---|"
echo "| protected GET, req/s | ${RPS[protected]} | ${RPS[ref-protected]:-} | $(ratio "${RPS[protected]}" "${RPS[ref-protected]:-0}") | >= 40x |"
echo "| protected GET vs own baseline (${RPS[baseline]} req/s) | | | $(ratio "${RPS[protected]}" "${RPS[baseline]}") | >= 0.75x |"
echo "| forward auth alone vs own baseline, req/s | ${RPS[forward-auth]} | | $(ratio "${RPS[forward-auth]}" "${RPS[baseline]}") | >= the protected GET's |"
if [ -n "${RPS[nginx-auth]:-}" ]; then
  echo "| nginx with auth_request vs nginx without auth (${RPS[nginx-plain]} req/s) | ${RPS[nginx-auth]} | | $(ratio "${RPS[nginx-auth]}" "${RPS[nginx-plain]}") | |"
fi
echo "| refresh, req/s | ${RPS[refresh]} | ${RPS[ref-refresh]:-} | $(ratio "${RPS[refresh]}" "${RPS[ref-refresh]:-0}") | >= 15x |"
echo "| refresh with rotation and blacklist, req/s | ${RPS[rotation]} | ${RPS[ref-rotation]:-} | $(ratio "${RPS[rotation]}" "${RPS[ref-rotation]:-0}") | >= 5x |"
echo "| the same vs the reference's refresh without rotation | | | $(ratio "${RPS[rotation]}" "${RPS[ref-refresh]:-0}") | |"
echo "| login, req/s | ${RPS[login]} | ${RPS[ref-login]:-} | $(ratio "${RPS[login]}" "${RPS[ref-login]:-0}") | |"
echo "| login vs bare Argon2id (${RPS[argon2]} hashes/s) | | | $(ratio "${RPS[login]}" "${RPS[argon2]}") | >= 0.9x |"
echo "| start-up to first answer (first / second start), ms | ${STARTUP_FIRST} / ${STARTUP_SECOND} | | | <= 1350 |"
echo "| CLI users create / tokens flush-expired, ms | ${CLI_CREATE_MS} / ${CLI_FLUSH_MS} | | | < 1500 |"
echo "| peak RSS during protected GET, MB | ${PEAK_RSS_MB} | | | < 256 |"
print_startup_table
