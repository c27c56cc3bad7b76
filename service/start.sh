#!/usr/bin/env bash
# Starts the packaged service the way production should: from the extracted jar with a class-data-sharing (CDS)
# archive, which roughly halves the JVM's class loading at start-up (docs/BENCHMARKS.md, ADR 0005).
# The first call prepares service/target/app (about 40 s: one training start plus the archive dump); later calls
# reuse it until the jar changes. Arguments go to the service, e.g. service/start.sh --server.port=9090.
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS='-Xmx512m' service/start.sh; PREPARE_ONLY=1 prepares and exits.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/complaint-decisions.jar
APP=target/app
ARCHIVE=$APP/complaint-decisions.jsa
[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -q -DskipTests package" >&2; exit 1; }

if [ ! -f "$ARCHIVE" ] || [ "$JAR" -nt "$ARCHIVE" ]; then
  echo "Preparing $APP (once per build of the jar)..." >&2
  rm -rf "$APP"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP" >&2
  # Training start: the JVM lists every class it loads while the service compiles the policy and warms up (which
  # sends every scenario example through HTTP), so the first shop requests find their classes archived too.
  java -XX:DumpLoadedClassList="$APP/classes.lst" -jar "$APP/complaint-decisions.jar" --server.port=0 \
    --decision.policy.store="$APP/training-policy-store" \
    > "$APP/training.log" 2>&1 &
  TRAINING=$!
  until grep -q 'HTTP warm-up' "$APP/training.log"; do
    kill -0 $TRAINING 2>/dev/null || { echo "training start failed, see $APP/training.log" >&2; exit 1; }
    sleep 0.5
  done
  kill $TRAINING && wait $TRAINING || true
  # Lambda proxies stay out of the archive: archiving them crashes the JVM on OpenJDK 17.0.15
  # (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), the same crash that rules out the
  # dynamic archive (-XX:ArchiveClassesAtExit).
  grep -v '^@' "$APP/classes.lst" > "$APP/classes-without-lambdas.lst"
  java -Xshare:dump -XX:SharedClassListFile="$APP/classes-without-lambdas.lst" -XX:SharedArchiveFile="$ARCHIVE" \
    -cp "$APP/complaint-decisions.jar" > "$APP/dump.log" 2>&1
fi
[ -z "${PREPARE_ONLY:-}" ] || exit 0

# -Xshare:auto: should the archive not match this JVM, the service still starts, only without the archive.
exec java -Xshare:auto -XX:SharedArchiveFile="$ARCHIVE" ${JAVA_OPTS:-} -jar "$APP/complaint-decisions.jar" "$@"
