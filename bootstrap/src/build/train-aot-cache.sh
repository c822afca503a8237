#!/usr/bin/env bash
# Trains the ahead-of-time cache (JEP 483 and 515: classes loaded and linked, method profiles) that the jwt-auth
# launcher uses when a JDK 25 or newer is installed, the way the build trains the JDK 17 class-data sharing archive: one
# start of the packaged jar that exits once it serves and has run an operator command (see ClassDataSharingTraining).
#
#   train-aot-cache.sh JAR JVM_OPTIONS_FILE TARGET_DIR
#
# The JDK is $JWT_AUTH_AOT_JAVA_HOME, or else the newest JDK of version 25 or later under /usr/lib/jvm. Without one it
# removes any cache left by an earlier build and exits 0: Java 17 stays the floor, and the launcher then uses the class-
# data sharing archive. Writes TARGET_DIR/jwt-auth.aot and TARGET_DIR/jwt-auth.aot.java (the java that made the cache,
# the only one that can use it).
set -euo pipefail
jar=$1 jvm_options=$2 target=$3
cache=$target/jwt-auth.aot
rm -f "$cache" "$cache.java" "$cache.config"

major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
home=${JWT_AUTH_AOT_JAVA_HOME:-}
if [ -z "$home" ]; then
  best=0
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    version=$(major "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 25 ] && [ "$version" -gt "$best" ] && [ -x "$candidate/bin/java" ]; then
      best=$version home=$candidate
    fi
  done
fi
if [ -z "$home" ]; then
  echo "train-aot-cache: no JDK 25 or later under /usr/lib/jvm (or JWT_AUTH_AOT_JAVA_HOME): no AOT cache; the launcher uses the class-data sharing archive"
  exit 0
fi
version=$(major "$home")
if [ -z "$version" ] || [ "$version" -lt 25 ]; then
  echo "train-aot-cache: $home is not a JDK 25 or later" >&2
  exit 1
fi

training=$target/aot-training
rm -rf "$training"
mkdir -p "$training"
# The launcher's options, so that the cache matches the heap and collector it will be used with.
options=$(grep -v '^#' "$jvm_options" | tr '\n' ' ')
# shellcheck disable=SC2086 # the options are words on purpose
(cd "$training" && "$home/bin/java" $options -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off \
    -Djwt-auth.cds-training=true -Dmicronaut.server.port=-1 -Dauth.data-dir="$training" \
    "-Ddatasources.default.url=jdbc:h2:file:$training/auth;AUTO_SERVER=TRUE" -DJWT_AUTH_LOG_LEVEL=WARN \
    -jar "$jar" >"$training/training.log" 2>&1) || {
  echo "train-aot-cache: training failed; its log ends with:" >&2
  tail -20 "$training/training.log" >&2
  exit 1
}
rm -f "$cache.config"
echo "$home/bin/java" >"$cache.java"
echo "train-aot-cache: $cache for $home/bin/java"
