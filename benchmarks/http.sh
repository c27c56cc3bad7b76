#!/usr/bin/env bash
# HTTP benchmark: POST /v1/decisions against the benchmark profile's baseline endpoint, same JVM, same run.
# The server is pinned to core 0 and wrk to core 1 (taskset). Prints a results table and, last, the ratio line.
# Usage: benchmarks/http.sh            (DURATION=30 WARMUP=60 CONNECTIONS=16 SOAK_SECONDS=0 to change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
# Seconds of load per endpoint before measuring. The JIT compiler threads share the server's one core, and with the
# security chain 15 s left the first measured run still compiling (it measured 40 % below the later runs).
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-16}
SOAK_SECONDS=${SOAK_SECONDS:-0}
PORT=${PORT:-8089}
JVM_OPTS=${JVM_OPTS:--Xms512m -Xmx512m}
export MIX="$PWD/benchmarks/src/main/resources/complaint-mix.jsonl"
LUA="$PWD/benchmarks/post-mix.lua"
OUT=benchmarks/target/http
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [ ! -f service/target/complaint-decisions.jar ]; then
  ./mvnw -q -DskipTests package
fi

# The mix's shop gets a fresh key. Its rate limit is set out of reach: the limiter still runs on every request, but
# the benchmark measures deciding, not refusing.
export KEY="$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
DECISION_API_KEYS="shop-bench=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)" \
taskset -c 0 java $JVM_OPTS -jar service/target/complaint-decisions.jar \
  --spring.profiles.active=benchmark --server.port="$PORT" --decision.policy.store="$OUT/policy-store" \
  --decision.rate-limit.requests-per-second=1000000000 --decision.rate-limit.burst=1000000000 \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; do
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 0.2
done

DECISIONS="http://127.0.0.1:$PORT/v1/decisions"
BASELINE="http://127.0.0.1:$PORT/benchmark/baseline-decisions"

# run NAME URL SECONDS [PAUSE_MS] -> writes $OUT/NAME.txt
run() {
  PAUSE_MS=${4:-0} taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$3"s --latency -s "$LUA" "$2" > "$OUT/$1.txt"
  if grep -q 'Non-2xx' "$OUT/$1.txt"; then echo "$1: some answers were not 200" >&2; cat "$OUT/$1.txt" >&2; exit 1; fi
}
rate()    { awk '/Requests\/sec/ {print $2}' "$OUT/$1.txt"; }
# wrk prints latency percentiles as e.g. "99%  1.23ms"; convert to microseconds.
latency() { awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) print v+0; else if (v ~ /ms$/) print (v+0)*1000; else print (v+0)*1000000 }' "$OUT/$1.txt"; }

echo "Warming up both endpoints..." >&2
run warm-decisions "$DECISIONS" "$WARMUP"
run warm-baseline "$BASELINE" "$WARMUP"

run max-baseline "$BASELINE" "$DURATION"
run max-decisions "$DECISIONS" "$DURATION"
BASE_RATE=$(rate max-baseline)

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

echo "Server: core 0 ($(java -version 2>&1 | head -1), $JVM_OPTS); wrk: core 1, 1 thread, $CONNECTIONS connections, ${DURATION}s per run"
printf '| run | requests/s | p50 µs | p99 µs |\n|---|---|---|---|\n'
for r in max-baseline max-decisions half-baseline half-decisions ${SOAK_SECONDS:+soak}; do
  [ -f "$OUT/$r.txt" ] || continue
  [ "$r" = soak ] && [ "$SOAK_SECONDS" -eq 0 ] && continue
  printf '| %s | %s | %s | %s |\n' "$r" "$(rate $r)" "$(latency $r 50)" "$(latency $r 99)"
done
echo "heap used after a full GC, warm: $HEAP_WARM"
[ "$SOAK_SECONDS" -gt 0 ] && echo "heap used after a full GC, after ${SOAK_SECONDS}s of load: $HEAP_SOAKED"
awk -v b="$(latency half-baseline 99)" -v d="$(latency half-decisions 99)" \
  'BEGIN { printf "p99 at half the baseline maximum rate: decisions/baseline = %.2f\n", d / b }'
awk -v b="$BASE_RATE" -v d="$(rate max-decisions)" 'BEGIN { printf "decision/baseline throughput ratio: %.2f\n", d / b }'
