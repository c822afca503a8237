#!/usr/bin/env bash
# Trains the ahead-of-time caches (JEP 483 and 515: classes loaded and linked, method profiles) that the jwt-auth
# launcher uses when a JDK 25 or newer is installed, one per kind of run, because a cache costs at every start in
# proportion to what it holds (the JVM loads all of its classes up front):
#   jwt-auth.aot          the server: one start of the packaged jar that exits once it serves and has run an operator
#                         command (see ClassDataSharingTraining);
#   jwt-auth-command.aot  an operator command that opens the database: `users create` on a throwaway database;
#   jwt-auth-help.aot     the command line's help: `users set-password --help`.
# The two command caches are trained with the launcher's command-line option -XX:TieredStopAtLevel=1 (see jwt-auth).
#
#   train-aot-cache.sh JAR JVM_OPTIONS_FILE TARGET_DIR
#
# The JDK is $JWT_AUTH_AOT_JAVA_HOME, or else the newest JDK of version 25 or later under /usr/lib/jvm. Without one it
# removes any caches left by an earlier build and exits 0: Java 17 stays the floor, and the launcher then uses the
# class-data sharing archive. Writes the caches to TARGET_DIR and TARGET_DIR/jwt-auth.aot.java (the java that made
# them, the only one that can use them).
set -euo pipefail
jar=$1 jvm_options=$2 target=$3
cache=$target/jwt-auth.aot
command_cache=$target/jwt-auth-command.aot
help_cache=$target/jwt-auth-help.aot
rm -f "$cache" "$cache.java" "$cache.config" "$command_cache" "$help_cache"

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
# The launcher's options, so that each cache matches the heap and collector it will be used with.
options=$(grep -v '^#' "$jvm_options" | tr '\n' ' ')
command_options="$options -XX:TieredStopAtLevel=1"

# train NAME OUTPUT "JVM OPTIONS" ARGUMENTS...: one run of the jar in the training directory, writing OUTPUT.
train() {
  local name=$1 output=$2 jvm=$3
  shift 3
  # shellcheck disable=SC2086 # the options are words on purpose
  (cd "$training" && "$home/bin/java" $jvm -XX:AOTCacheOutput="$output" -Xlog:aot=off -Xlog:cds=off \
      -Dauth.data-dir="$training" "-Ddatasources.default.url=jdbc:h2:file:$training/auth;AUTO_SERVER=TRUE" \
      -DJWT_AUTH_LOG_LEVEL=WARN -jar "$jar" "$@" <<<"aot-training-password" >"$training/$name.log" 2>&1) || {
    echo "train-aot-cache: the $name training failed; its log ends with:" >&2
    tail -20 "$training/$name.log" >&2
    exit 1
  }
  rm -f "$output.config"
}

train server "$cache" "$options -Djwt-auth.cds-training=true -Dmicronaut.server.port=-1"
train command "$command_cache" "$command_options" users create aot-training --password-stdin
train help "$help_cache" "$command_options" users set-password --help
echo "$home/bin/java" >"$cache.java"
echo "train-aot-cache: $cache, $command_cache and $help_cache for $home/bin/java"
