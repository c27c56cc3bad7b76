#!/usr/bin/env bash
# Issue 21's goals against the packaged service with its production settings (200 request threads, 64 slow bodies at
# once, 10 s to send a body): another shop's p99 at RATE decisions/s, quiet, with CONNECTIONS slow connections open
# (goal: at most 2 x quiet), quiet, while an admin uploads a hostile draft every DRAFT_PAUSE_MS (1000; goal: at most
# 1.5 x, each refused within its budget), quiet (benchmarks/HostileLoad.java, JDK only). The warm-up decides and
# checks drafts, as an instance that has run a while has. About 7 minutes.
# Usage: benchmarks/hostile.sh   (CONNECTIONS=500 RATE=50 DURATION=60 DRAFT_PAUSE_MS=1000 PORT=8091 change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-8091} CONNECTIONS=${CONNECTIONS:-500} RATE=${RATE:-50} DURATION=${DURATION:-60}
OUT=benchmarks/target/hostile
mkdir -p "$OUT" && rm -rf "$OUT"/*
[ -f service/target/complaint-decisions.jar ] || ./mvnw -q -DskipTests package -pl service -am

key() { head -c 32 /dev/urandom | base64 | tr -d '/+='; }
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export SHOP_KEY=$(key) ATTACKER_KEY=$(key) ADMIN_KEY=$(key)
export DECISION_API_KEYS="shop-victim=$(hash "$SHOP_KEY"),shop-attacker=$(hash "$ATTACKER_KEY")"
export DECISION_ADMIN_KEYS="lead=$(hash "$ADMIN_KEY")"
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
java benchmarks/HostileLoad.java | tee "$OUT/result.txt"
