#!/usr/bin/env bash
# Times the failed-login cases that must not be told apart (wrong password, unknown user, inactive user, a name
# that cannot exist) against the built jar, the throttle raised out of the way. Usage, after
# `mvn -B package -DskipTests`:  perf/http/compare-failure-latencies.sh [ROUNDS]
# Sends traffic to 127.0.0.1 only, ROUNDS requests per case one after another, then stops the server.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
rounds=${1:-100}
work=$(mktemp -d)
port=$(free_port)
cd "$work"
export MICRONAUT_SERVER_PORT=$port JWT_AUTH_LOG_LEVEL=WARN
export AUTH_LOGIN_THROTTLE_ACCOUNT_THRESHOLD=1000000 AUTH_LOGIN_THROTTLE_ADDRESS_THRESHOLD=1000000
java ${JAVA_OPTS:-} -jar "$JAR" > server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
wait_for_port "$port"
echo known-password | java -jar "$JAR" users create known --password-stdin > /dev/null
echo sleeper-password | java -jar "$JAR" users create sleeper --password-stdin > /dev/null
java -jar "$JAR" users deactivate sleeper > /dev/null
java "$HTTP_DIR/LoginLatencyClient.java" "http://127.0.0.1:$port" "$rounds"
