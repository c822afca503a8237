#!/usr/bin/env bash
# Starts the built jar in a scratch folder, fires a burst of concurrent logins at it and prints the process's peak
# resident memory (VmHWM from /proc) before and after. Usage, after `mvn -B package -DskipTests`:
#   perf/http/measure-login-memory.sh [LOGINS]                    # default settings
#   AUTH_PASSWORD_HASHING_THREADS=64 perf/http/measure-login-memory.sh 500   # any setting, as environment variables
#   JAVA_OPTS=-Xmx256m perf/http/measure-login-memory.sh 500                # a JVM option for the server
# Sends traffic to 127.0.0.1 only, one burst, then stops the server.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
logins=${1:-500}
work=$(mktemp -d)
port=$(free_port)
cd "$work"
export MICRONAUT_SERVER_PORT=$port JWT_AUTH_LOG_LEVEL=WARN
# JAVA_OPTS, e.g. -Xmx256m, go to the server only.
java ${JAVA_OPTS:-} -jar "$JAR" > server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
wait_for_port "$port"
echo load-password | java -jar "$JAR" users create loaduser --password-stdin > /dev/null
hwm() { awk '/VmHWM|VmRSS/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$server/status"; echo; }
echo "before: $(hwm)"
java -cp "$TEST_SUPPORT_JAR" io.jwtauth.testsupport.LoginBurst "http://127.0.0.1:$port" loaduser load-password "$logins"
echo "after $logins concurrent logins: $(hwm)"
