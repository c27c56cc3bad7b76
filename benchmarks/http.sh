#!/usr/bin/env bash
# HTTP benchmark: POST /v1/decisions against its baseline (the same request path without deciding: the benchmarks
# module's endpoint, selected by a header), same JVM, same run. The server is pinned to core 0 and wrk to core 1
# (taskset). Prints a results table and, last, the ratio line.
# COMPARE_JAR="other.jar[;another.jar --some.option=x]" also starts each other build of the service (on core 0 too,
# idle while not measured) and measures its decision endpoint in the same alternating rounds, e.g. the previous commit
# built alongside; the lines "decisions/s of this build / <jar>" then compare the two.
# Usage: benchmarks/http.sh   (DURATION=30 ROUNDS=3 WARMUP_MIN=900 WARMUP_MAX=1500 CONNECTIONS=16 SOAK_SECONDS=0 change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
# Measured rounds; each runs the baseline, then the decisions (then each compared build's decisions), so that a drift
# of the machine or of the JIT hits all of them.
ROUNDS=${ROUNDS:-3}
# Warm-up: the endpoints in turn, 30 s each, for at least WARMUP_MIN seconds and then until a pass leaves every JIT
# with fewer than JIT_QUIET methods to compile, or WARMUP_MAX seconds have passed. The JIT compiler threads share the
# server's one core with 16 request threads, so under full load compiling the decision path takes minutes (measured:
# hundreds of compilations per 30 s for the first 4 minutes), and both builds kept gaining for 12-15 minutes after
# the compilation count had settled (2026-12-03); after that the rates moved by 20-50 % between passes, the machine's
# own noise, so waiting for the rates to settle would wait for ever.
WARMUP_MIN=${WARMUP_MIN:-900}
WARMUP_MAX=${WARMUP_MAX:-1500}
JIT_QUIET=${JIT_QUIET:-40}
CONNECTIONS=${CONNECTIONS:-16}
SOAK_SECONDS=${SOAK_SECONDS:-0}
PORT=${PORT:-8089}
JVM_OPTS=${JVM_OPTS:--Xms512m -Xmx512m}
export MIX="$PWD/benchmarks/src/main/resources/complaint-mix.jsonl"
LUA="$PWD/benchmarks/post-mix.lua"
OUT=benchmarks/target/http
BASELINE_JAR=benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
rm -rf "$OUT"/*.txt "$OUT"/*.ctx "$OUT"/*.collapsed "$OUT"/policy-store*

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [ ! -f service/target/complaint-decisions.jar ] || [ ! -f "$BASELINE_JAR" ]; then
  ./mvnw -q -Pbenchmarks -DskipTests install
fi

# The mix's shop gets a fresh key. Its rate limit is set out of reach: the limiter still runs on every request, but
# the benchmark measures deciding, not refusing.
export KEY="$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export DECISION_API_KEYS="shop-bench=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)"
SERVER_ARGS=(--decision.rate-limit.requests-per-second=1000000000 --decision.rate-limit.burst=1000000000)
# start NAME PORT JAVA-ARGS... -> the server's pid in $STARTED
start() {
  local name=$1 port=$2; shift 2
  taskset -c 0 java $JVM_OPTS "$@" --server.port="$port" --decision.policy.store="$OUT/policy-store-$name" \
    "${SERVER_ARGS[@]}" > "$OUT/server-$name.log" 2>&1 &
  STARTED=$!
}
# This build, with the baseline endpoint added from the benchmarks module's jar (Spring Boot's PropertiesLauncher
# reads loader.path; the production jar itself has no baseline).
start this "$PORT" -Dloader.path="$BASELINE_JAR" -cp service/target/complaint-decisions.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher
SERVER=$STARTED
SERVERS=("$SERVER")
COMPARED=()
if [ -n "${COMPARE_JAR:-}" ]; then
  IFS=';' read -ra entries <<< "$COMPARE_JAR"
  for i in "${!entries[@]}"; do
    read -ra entry <<< "${entries[$i]}"
    # Started exactly as this build is, the baseline's jar included (unused), so that only the builds differ.
    start "other-$i" $(( PORT + 1 + i )) -Dloader.path="$BASELINE_JAR" -cp "${entry[0]}" \
      org.springframework.boot.loader.launch.PropertiesLauncher "${entry[@]:1}"
    SERVERS+=("$STARTED")
    COMPARED+=("${entries[$i]}")
  done
fi
trap 'kill "${SERVERS[@]}" 2>/dev/null || true' EXIT
for i in "${!SERVERS[@]}"; do
  until curl -sf "http://127.0.0.1:$(( PORT + i ))/actuator/health" | grep -q '"UP"'; do
    kill -0 "${SERVERS[$i]}" 2>/dev/null || { cat "$OUT"/server-*.log; exit 1; }
    sleep 0.2
  done
done

DECISIONS="http://127.0.0.1:$PORT/v1/decisions"
BASELINE="$DECISIONS"
other() { echo "http://127.0.0.1:$(( PORT + 1 + $1 ))/v1/decisions"; }

# Context switches of all the server's threads so far (a thread that ends takes its count with it; Tomcat's stay).
switches() { { cat /proc/$SERVER/task/*/status 2>/dev/null || true; } | awk '/ctxt_switches/ { s += $2 } END { print s }'; }
# run NAME URL SECONDS [PAUSE_MS] -> writes $OUT/NAME.txt, and the server's context switches during it to $OUT/NAME.ctx
run() {
  local before; before=$(switches)
  BASELINE_HEADER=$([ "$1" != "${1/baseline/}" ] && echo 1 || true) PAUSE_MS=${4:-0} taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$3"s --latency -s "$LUA" "$2" > "$OUT/$1.txt"
  echo $(( $(switches) - before )) > "$OUT/$1.ctx"
  if grep -q 'Non-2xx' "$OUT/$1.txt"; then echo "$1: some answers were not 200" >&2; cat "$OUT/$1.txt" >&2; exit 1; fi
}
rate()    { awk '/Requests\/sec/ {print $2}' "$OUT/$1.txt"; }
# wrk prints latency percentiles as e.g. "99%  1.23ms"; convert to microseconds.
latency() { awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) print v+0; else if (v ~ /ms$/) print (v+0)*1000; else print (v+0)*1000000 }' "$OUT/$1.txt"; }

# Methods every server's JIT has compiled so far, one figure per server.
compiled() { for pid in "${SERVERS[@]}"; do jstat -compiler "$pid" | awk 'NR == 2 { printf "%s ", $1 }'; done; }
warm_started=$SECONDS
while :; do
  before=($(compiled))
  run warm-decisions "$DECISIONS" 30
  run warm-baseline "$BASELINE" 30
  for i in "${!COMPARED[@]}"; do run "warm-other-$i" "$(other "$i")" 30; run "warm-other-$i-baseline" "$(other "$i")" 30; done
  after=($(compiled))
  fresh=0
  for i in "${!after[@]}"; do fresh=$(( fresh > after[i] - before[i] ? fresh : after[i] - before[i] )); done
  echo "warm-up at $(( SECONDS - warm_started )) s: at most $fresh methods compiled by one server in the last pass, $(rate warm-decisions) decisions/s, $(rate warm-baseline) baseline/s" >&2
  [ "$fresh" -lt "$JIT_QUIET" ] && [ $(( SECONDS - warm_started )) -ge "$WARMUP_MIN" ] && break
  [ $(( SECONDS - warm_started )) -ge "$WARMUP_MAX" ] && { echo "warm-up: the JIT did not settle within ${WARMUP_MAX}s; measuring anyway" >&2; break; }
done
WARMED_UP=$(( SECONDS - warm_started ))

for round in $(seq 1 "$ROUNDS"); do
  run "max-baseline-$round" "$BASELINE" "$DURATION"
  run "max-decisions-$round" "$DECISIONS" "$DURATION"
  # Each compared build also serves the baseline, as this one does: the JIT compiles for the traffic it sees, and a
  # build that only ever decided would be compiled for deciding alone (runs A-E of 2026-12-03 compared builds so).
  for i in "${!COMPARED[@]}"; do
    run "max-other-$i-baseline-$round" "$(other "$i")" "$DURATION"
    run "max-other-$i-$round" "$(other "$i")" "$DURATION"
  done
done
# Over all rounds: requests/s of each endpoint, the mean of its rounds.
mean_rate() { for round in $(seq 1 "$ROUNDS"); do rate "max-$1-$round"; done | awk '{ s += $1 } END { printf "%.0f", s / NR }'; }
BASE_RATE=$(mean_rate baseline)
DECISION_RATE=$(mean_rate decisions)

# PROFILE=1: one more run of each endpoint under async-profiler (CPU samples, from Maven Central through the
# benchmarks module), then the CPU time per request of the parts that differ between the two endpoints.
if [ -n "${PROFILE:-}" ]; then
  [ -d benchmarks/target/lib ] || ./mvnw -q -Pbenchmarks -DskipTests package -pl benchmarks -am
  unzip -o -q -d "$OUT/async-profiler" benchmarks/target/lib/async-profiler-*.jar 'linux-x64/*'
  PROFILER="$PWD/$OUT/async-profiler/linux-x64/libasyncProfiler.so"
  # jcmd reads "key=value" as its own option unless the agent's options are quoted.
  profiler() { jcmd $SERVER JVMTI.agent_load "$PROFILER" "\"$1\"" > /dev/null; }
  for endpoint in baseline decisions; do
    profiler start,event=cpu,interval=1ms
    [ $endpoint = baseline ] && run profiled-baseline "$BASELINE" "$DURATION" || run profiled-decisions "$DECISIONS" "$DURATION"
    profiler "stop,file=$PWD/$OUT/$endpoint.collapsed,collapsed"
  done
fi

# Half the baseline's maximum rate: each of the connections waits so that together they offer that rate.
PAUSE=$(awk -v c="$CONNECTIONS" -v r="$BASE_RATE" 'BEGIN { printf "%d", c * 1000 / (r / 2) }')
run half-baseline "$BASELINE" "$DURATION" "$PAUSE"
run half-decisions "$DECISIONS" "$DURATION" "$PAUSE"

heap_after_gc() {
  jcmd $SERVER GC.run >/dev/null
  # Sums "used" over the heap's generations (G1 prints one line, Serial and Parallel one per generation).
  jcmd $SERVER GC.heap_info | awk '/ total .*, used / { for (i = 1; i < NF; i++) if ($i == "used") { sub(/K,?$/, "", $(i+1)); kb += $(i+1) } }
    END { printf "%.1f MB\n", kb / 1024 }'
}
HEAP_WARM=$(heap_after_gc)
if [ "$SOAK_SECONDS" -gt 0 ]; then
  run soak "$DECISIONS" "$SOAK_SECONDS"
  HEAP_SOAKED=$(heap_after_gc)
fi

echo "Server: core 0 ($(java -version 2>&1 | head -1), $JVM_OPTS); wrk: core 1, 1 thread, $CONNECTIONS connections, ${DURATION}s per run; warmed up ${WARMED_UP}s"
printf '| run | requests/s | p50 µs | p99 µs | context switches per request |\n|---|---|---|---|---|\n'
for r in $(for round in $(seq 1 "$ROUNDS"); do echo "max-baseline-$round max-decisions-$round"; for i in "${!COMPARED[@]}"; do echo "max-other-$i-baseline-$round max-other-$i-$round"; done; done) half-baseline half-decisions soak; do
  [ -f "$OUT/$r.txt" ] || continue
  [ "$r" = soak ] && [ "$SOAK_SECONDS" -eq 0 ] && continue
  printf '| %s | %s | %s | %s | %s |\n' "$r" "$(rate $r)" "$(latency $r 50)" "$(latency $r 99)" \
    "$(awk -v c="$(cat "$OUT/$r.ctx")" '/requests in/ { printf "%.2f", c / $1 }' "$OUT/$r.txt")"
done
if [ -n "${PROFILE:-}" ]; then
  echo "CPU per request (async-profiler, 1 ms samples, inclusive), baseline | decisions:"
  # "all threads" is every sample of the process; the others are the samples whose stack contains the name.
  for part in 'all threads' 'FilterChainProxy' 'ShopRateLimit' 'readWithMessageConverters' 'writeWithMessageConverters' \
      'Decisions.decide' 'Policy.decide' 'KieSession' 'ModelEvaluation.evaluate' 'logback' 'micrometer'; do
    for endpoint in baseline decisions; do
      awk -v part="$part" -v requests="$(awk '/requests in/ {print $1}' "$OUT/profiled-$endpoint.txt")" \
        '{ if (part == "all threads" || index($0, part)) ms += $NF } END { printf "%.1f ", ms * 1000 / requests }' "$OUT/$endpoint.collapsed"
    done | awk -v part="$part" '{ printf "  %-28s %6.1f | %6.1f µs\n", part, $1, $2 }'
  done
fi
echo "heap used after a full GC, warm: $HEAP_WARM"
[ "$SOAK_SECONDS" -gt 0 ] && echo "heap used after a full GC, after ${SOAK_SECONDS}s of load: $HEAP_SOAKED"
awk -v b="$(latency half-baseline 99)" -v d="$(latency half-decisions 99)" \
  'BEGIN { printf "p99 at half the baseline maximum rate: decisions/baseline = %.2f\n", d / b }'
for i in "${!COMPARED[@]}"; do
  OTHER_RATE=$(mean_rate "other-$i")
  echo "decisions/s of this build / ${COMPARED[$i]}: $DECISION_RATE / $OTHER_RATE = $(awk -v a="$DECISION_RATE" -v b="$OTHER_RATE" 'BEGIN { printf "%.2f", a / b }')"
  for round in $(seq 1 "$ROUNDS"); do
    printf '  round %s: %s / %s\n' "$round" "$(rate "max-decisions-$round")" "$(rate "max-other-$i-$round")"
  done
done
echo "full speed, mean of $ROUNDS rounds: baseline $BASE_RATE requests/s, decisions $DECISION_RATE requests/s"
awk -v b="$BASE_RATE" -v d="$DECISION_RATE" 'BEGIN { printf "decision/baseline throughput ratio: %.2f\n", d / b }'
