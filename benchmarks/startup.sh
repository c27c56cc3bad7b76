#!/usr/bin/env bash
# Start-up benchmark of the packaged service: time from process start to the first successful decision, the first
# decision after the instance reports UP against the steady-state median, and the heap after a full GC once warm.
# Each run starts the service in turn: `java -jar` on the packaged jar (the README's command), and service/start.sh
# (the production launch: extracted jar plus what a training start saved) on the default JDK (17: a class-data-
# sharing archive) and, when one is installed, on a JDK 25 or later (the JVM's AOT cache).
# Usage: benchmarks/startup.sh   (RUNS=3 runs by default; JDK25_HOME=/path picks the newer JDK, none=skip it)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-8090}
JVM_OPTS=${JVM_OPTS:--Xms512m -Xmx512m}
OUT=benchmarks/target/startup
mkdir -p "$OUT"
BODY="$(head -1 benchmarks/src/main/resources/complaint-mix.jsonl)"
URL="http://127.0.0.1:$PORT/v1/decisions"
[ -f service/target/complaint-decisions.jar ] || ./mvnw -q -DskipTests package
if [ -z "${JDK25_HOME:-}" ]; then
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] || continue
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '$1 ~ /java\.specification\.version/ { print $2 }')
    if [ "${version:-0}" -ge 25 ] 2>/dev/null; then JDK25_HOME=$home; break; fi
  done
fi
LAUNCHES="jar start.sh"
# The default launch runs the java on the PATH (JDK 17), whatever JAVA_HOME the caller has.
JAVA_HOME= PREPARE_ONLY=1 service/start.sh
[ "${JDK25_HOME:-}" = none ] && JDK25_HOME=
if [ -n "${JDK25_HOME:-}" ]; then
  LAUNCHES="$LAUNCHES start.sh-jdk25"
  JAVA_HOME="$JDK25_HOME" PREPARE_ONLY=1 service/start.sh
fi

now_ms() { date +%s%3N; }
# The mix's shop gets a fresh key for this run.
KEY="$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export DECISION_API_KEYS="shop-bench=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)"
decide() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$BODY" "$URL"; }
start() {
  local args=(--server.port="$PORT" --decision.policy.store="$OUT/policy-store")
  case $LAUNCH in
    jar) java $JVM_OPTS -jar service/target/complaint-decisions.jar "${args[@]}" > "$OUT/server.log" 2>&1 & ;;
    *) JAVA_HOME=$([ "$LAUNCH" = start.sh-jdk25 ] && echo "$JDK25_HOME") JAVA_OPTS="$JVM_OPTS" service/start.sh "${args[@]}" \
         > "$OUT/server.log" 2>&1 & ;;
  esac
  SERVER=$!
}
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
trap 'kill $SERVER 2>/dev/null || true' EXIT

echo "$(java -version 2>&1 | head -1)${JDK25_HOME:+ and $("$JDK25_HOME/bin/java" -version 2>&1 | head -1)}, $JVM_OPTS, $(nproc) cores"
printf '| run | launch | start to first decision ms | first decision after UP µs | steady p50 µs | ratio |\n|---|---|---|---|---|---|\n'
for run in $(seq 1 "$RUNS"); do for LAUNCH in $LAUNCHES; do
  # 1. From process start, send decisions until one succeeds. Until the port accepts connections, bash's /dev/tcp
  # asks without starting a process: a curl every 20 ms costs about 13 ms of CPU each, 40 % of one of the two cores
  # the JVM is starting on.
  t0=$(now_ms); start
  until port_open; do sleep 0.02; done
  until [ "$(decide 2>/dev/null | cut -d' ' -f1)" = 200 ]; do sleep 0.02; done
  first_ms=$(( $(now_ms) - t0 )); stop

  # 2. Fresh start, wait for UP without deciding, then the first decision against the steady-state median.
  start
  until port_open; do sleep 0.05; done
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; do sleep 0.05; done
  first_us=$(decide | awk '{ printf "%d", $2 * 1000000 }')
  for i in $(seq 1 300); do decide; done | awk '{ printf "%d\n", $2 * 1000000 }' | sort -n > "$OUT/steady.txt"
  p50_us=$(sed -n 150p "$OUT/steady.txt")
  printf '| %d | %s | %d | %d | %d | %.1f |\n' "$run" "$LAUNCH" "$first_ms" "$first_us" "$p50_us" "$(echo "$first_us $p50_us" | awk '{print $1 / $2}')"
  if [ "$run" = "$RUNS" ]; then
    echo -n "$LAUNCH: "
    JCMD=jcmd; [ "$LAUNCH" = start.sh-jdk25 ] && JCMD="$JDK25_HOME/bin/jcmd"
    $JCMD $SERVER GC.run >/dev/null
    echo "heap used after a full GC, warm: $($JCMD $SERVER GC.heap_info | awk '/ total .*, used / { for (i = 1; i < NF; i++) if ($i == "used") { sub(/K,?$/, "", $(i+1)); kb += $(i+1) } } END { printf "%.1f MB", kb / 1024 }')"
  fi
  stop
done; done
