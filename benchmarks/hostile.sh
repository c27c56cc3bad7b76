#!/usr/bin/env bash
# Issue 21's slow-client goal against the packaged service with its production settings (200 request threads, 64 slow
# bodies at once, 10 s to send a body): another shop's p99 at RATE decisions/s, quiet and then with CONNECTIONS slow
# connections open, then quiet again (benchmarks/SlowClients.java, JDK only). Prints the p99s and the ratio (goal: at most 2).
# Usage: benchmarks/slow-clients.sh   (CONNECTIONS=500 RATE=50 DURATION=60 PORT=8091 change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-8091} CONNECTIONS=${CONNECTIONS:-500} RATE=${RATE:-50} DURATION=${DURATION:-60}
OUT=benchmarks/target/slow-clients
mkdir -p "$OUT" && rm -rf "$OUT"/*
[ -f service/target/complaint-decisions.jar ] || ./mvnw -q -DskipTests package -pl service -am

key() { head -c 32 /dev/urandom | base64 | tr -d '/+='; }
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export SHOP_KEY=$(key) ATTACKER_KEY=$(key)
export DECISION_API_KEYS="shop-victim=$(hash "$SHOP_KEY"),shop-attacker=$(hash "$ATTACKER_KEY")"
# Each slow connection is a file descriptor: 500 of them and the server's own may need more than the soft limit.
ulimit -n "$(ulimit -Hn)"
java -XX:+ExitOnOutOfMemoryError -Xms512m -Xmx512m -jar service/target/complaint-decisions.jar --server.port="$PORT" \
  --decision.policy.store="$OUT/policy-store" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; do
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 0.2
done
java benchmarks/SlowClients.java | tee "$OUT/result.txt"
