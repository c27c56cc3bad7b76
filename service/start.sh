#!/usr/bin/env bash
# Starts the packaged service the way production should: from the extracted jar, with the class loading (and, on
# JDK 25 or later, the linking and the method profiles) of a training start saved ahead of time (ADR 0005):
#   - JDK 25 or later: the JVM's AOT cache (-XX:AOTCacheOutput / -XX:AOTCache, JEPs 483, 514 and 515);
#   - JDK 17 to 24: a static class-data-sharing (CDS) archive.
# The JVM is $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH. The code is built for Java 17 and
# runs unchanged on either.
# The first call prepares service/target/app (about 40 s: one training start, then the cache or archive); later
# calls reuse it until the jar or the JVM's major version changes. Arguments go to the service, e.g.
# service/start.sh --server.port=9090. JAVA_OPTS adds JVM options, e.g. JAVA_OPTS='-Xmx512m' service/start.sh;
# PREPARE_ONLY=1 prepares and exits.
set -euo pipefail
cd "$(dirname "$0")"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/complaint-decisions.jar
APP=target/app
[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -q -DskipTests package" >&2; exit 1; }
# The major version from the JDK's release file: asking the JVM itself would cost one more JVM start (about 60 ms).
JDK_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
MAJOR=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK_HOME/release" 2>/dev/null || true)
[ -n "$MAJOR" ] ||
  MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '$1 ~ /java\.specification\.version/ { print $2 }')
if [ "$MAJOR" -ge 25 ]; then CACHE=$APP/complaint-decisions-jdk$MAJOR.aot; else CACHE=$APP/complaint-decisions-jdk$MAJOR.jsa; fi

# Runs the service once with the given JVM options until its warm-up is over, then stops it: the JVM then knows
# every class the policy compile and the warm-up's requests (every scenario example through HTTP) load.
training_start() {
  "$JAVA" "$@" -jar "$APP/complaint-decisions.jar" --server.port=0 \
    --decision.policy.store="$APP/training-policy-store" > "$APP/training.log" 2>&1 &
  local training=$!
  until grep -qs 'HTTP warm-up:' "$APP/training.log"; do
    kill -0 $training 2>/dev/null || { echo "training start failed, see $APP/training.log" >&2; exit 1; }
    sleep 0.5
  done
  # SIGTERM: a normal exit, at which a JVM given -XX:AOTCacheOutput writes the cache.
  kill $training && wait $training || true
}

if [ ! -f "$CACHE" ] || [ "$JAR" -nt "$CACHE" ]; then
  echo "Preparing $APP for JDK $MAJOR (once per build of the jar)..." >&2
  # Extracted once per build of the jar (the extracted files keep the jar's times, hence the stamp), and shared
  # by the caches of different JVMs.
  if [ ! -f "$APP/extracted" ] || [ "$JAR" -nt "$APP/extracted" ]; then
    rm -rf "$APP"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >&2
    touch "$APP/extracted"
  fi
  if [ "$MAJOR" -ge 25 ]; then
    training_start -XX:AOTCacheOutput="$CACHE"
  else
    training_start -XX:DumpLoadedClassList="$APP/classes.lst"
    # Lambda proxies stay out of the archive: archiving them crashes the JVM on OpenJDK 17.0.15
    # (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), the same crash that rules out the
    # dynamic archive (-XX:ArchiveClassesAtExit).
    grep -v '^@' "$APP/classes.lst" > "$APP/classes-without-lambdas.lst"
    "$JAVA" -Xshare:dump -XX:SharedClassListFile="$APP/classes-without-lambdas.lst" -XX:SharedArchiveFile="$CACHE" \
      -cp "$APP/complaint-decisions.jar" > "$APP/dump.log" 2>&1
  fi
  [ -f "$CACHE" ] || { echo "no $CACHE was written, see $APP/training.log" >&2; exit 1; }
fi
[ -z "${PREPARE_ONLY:-}" ] || exit 0

# Should the cache or archive not match this JVM, the service still starts, only without it (-Xshare:auto and the
# AOT cache's default mode both fall back).
if [ "$MAJOR" -ge 25 ]; then SHARING=(-XX:AOTCache="$CACHE"); else SHARING=(-Xshare:auto -XX:SharedArchiveFile="$CACHE"); fi
# An OutOfMemoryError can leave the JVM up with Tomcat's acceptor threads dead: end the process instead, so that the
# orchestrator starts a new one.
exec "$JAVA" "${SHARING[@]}" -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$APP/complaint-decisions.jar" "$@"
