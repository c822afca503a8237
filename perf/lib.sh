# Shared by the performance scripts under perf/: where things are, free ports, and waiting for a server.
# Source it, do not run it:  . "$(dirname "$0")/../lib.sh"
# Everything listens on and talks to 127.0.0.1 only.

# The repository's root, and what `mvn -B -q package -DskipTests` builds there.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bootstrap/target/jwt-auth.jar
JMH_JAR=$ROOT/perf/jmh/target/benchmarks.jar
# The tests' helpers (test-support), some of which the scripts run as programs, e.g. LoginBurst.
TEST_SUPPORT_JAR=$(ls "$ROOT"/test-support/target/test-support-*.jar 2>/dev/null | head -1)
# The launcher an operator uses: java with jvm.options and the class-data sharing archive beside the jar.
LAUNCHER=$ROOT/jwt-auth
# The perf/http folder: wrk's Lua scripts and the Java clients that the scripts run as single-file programs.
HTTP_DIR=$ROOT/perf/http

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice; it may be taken again before use, which
# the caller sees as a server that fails to start).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for_port PORT [SECONDS]: returns once something accepts connections on 127.0.0.1:PORT, or fails after
# SECONDS (default 60) and says so on standard error.
wait_for_port() {
  local port=$1 tries=$(( ${2:-60} * 10 ))
  for _ in $(seq 1 "$tries"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "perf: nothing listens on port $port" >&2
  return 1
}

# wait_for_http URL [SECONDS]: returns once URL answers 200, or fails after SECONDS (default 60) and says so.
wait_for_http() {
  local url=$1 tries=$(( ${2:-60} * 10 ))
  for _ in $(seq 1 "$tries"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.1
  done
  echo "perf: $url did not answer 200" >&2
  return 1
}

# field NAME: the value of a string field of the one-line JSON answer on standard input, on a line of its own (the
# answer has no final newline).
field() {
  local value
  value=$(sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p")
  printf '%s\n' "$value"
}

# login PORT: the token pair answer of POST /api/token/ for the benchmarks' user (myuser / mypassword).
login() {
  curl -s -X POST -d "username=myuser&password=mypassword" "http://127.0.0.1:$1/api/token/"
}
