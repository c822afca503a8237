#!/usr/bin/env bash
# Times the failed-login cases that must not be told apart (wrong password, unknown user, inactive user, a name
# that cannot exist) against the built jar, the throttle raised out of the way. Usage, after
# `mvn -B package -DskipTests`:  load/compare-failure-latencies.sh [ROUNDS]
# Sends traffic to 127.0.0.1 only, ROUNDS requests per case one after another, then stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(cd "$here/.." && pwd)/bootstrap/target/jwt-auth.jar
rounds=${1:-100}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$work"
export MICRONAUT_SERVER_PORT=$port JWT_AUTH_LOG_LEVEL=WARN
export AUTH_LOGIN_THROTTLE_ACCOUNT_THRESHOLD=1000000 AUTH_LOGIN_THROTTLE_ADDRESS_THRESHOLD=1000000
java ${JAVA_OPTS:-} -jar "$jar" > server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done
echo known-password | java -jar "$jar" users create known --password-stdin > /dev/null
echo sleeper-password | java -jar "$jar" users create sleeper --password-stdin > /dev/null
java -jar "$jar" users deactivate sleeper > /dev/null
java "$here/LoginLatencyClient.java" "http://127.0.0.1:$port" "$rounds"
