#!/usr/bin/env bash
# In-process benchmark (JMH, sample time, with the GC profiler): one decision on the complaint mix.
# Usage: benchmarks/jmh.sh [extra JMH options, e.g. -i 3 -r 2 for a quick look]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -Pbenchmarks -DskipTests package -pl benchmarks -am
CP="benchmarks/target/classes:benchmarks/target/lib/*"
java -version 2>&1 | head -1
echo "cores: $(nproc)"
java -cp "$CP" -Dlogback.configurationFile=benchmarks/jmh-logback.xml org.openjdk.jmh.Main DecisionBenchmark -prof gc -rf json -rff benchmarks/target/jmh.json "$@" \
  > benchmarks/target/jmh.log
java -cp "$CP" com.shopcare.complaints.benchmarks.JmhSummary benchmarks/target/jmh.json
