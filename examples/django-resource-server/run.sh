#!/usr/bin/env bash
# Checks the Django recipe of docs/resource-servers.md against the built jwt-auth: run.sh HS256 | ES256 | RS256.
# Starts ./jwt-auth in a fresh temporary folder on a free port, creates a user, runs check.py, stops the server.
# Needs the built jar (mvn -B -q package -DskipTests), curl, and Debian's python3-djangorestframework-simplejwt
# (python3-django, python3-djangorestframework, python3-jwt, python3-cryptography).
set -euo pipefail
algorithm=${1:?usage: run.sh HS256 | ES256 | RS256}
here=$(cd "$(dirname "$0")" && pwd)
launcher=$here/../../jwt-auth
python=${PYTHON:-/usr/bin/python3}
dir=$(mktemp -d)
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export AUTH_ALGORITHM=$algorithm MICRONAUT_SERVER_PORT=$port
if [[ $algorithm == HS* ]]; then
  key="django-check-shared-secret-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  export AUTH_SIGNING_KEY=$key
else
  key=$dir/data/signing-key-${algorithm,,}.pem
fi
cd "$dir"
"$launcher" > server.log 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/api/health/" > /dev/null && break
  sleep 0.2
done
echo mypassword | "$launcher" users create myuser --password-stdin
"$python" "$here/check.py" "http://127.0.0.1:$port" "$algorithm" "$key"
