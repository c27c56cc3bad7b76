#!/usr/bin/env bash
# Fuzzes the decision request path (HTTP, filters, JSON binding, validation, checks, decision) with Jazzer for the
# given number of minutes, default 5:   service/fuzz.sh 10
# A finding stops the run and is written as crash-<sha1> next to the seed inputs in
# service/src/test/resources/com/shopcare/complaints/service/decision/DecisionRequestFuzzTestInputs/; after fixing
# its cause, rename it for what it found and commit it, so that ./mvnw verify replays it from then on.
# Inputs that reached new code are kept in service/.cifuzz-corpus/ (not committed) for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-5}
./mvnw -q -DskipTests install -pl policy-check -am
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${MINUTES}m" ./mvnw test -pl service -Dtest=DecisionRequestFuzzTest \
  -Dsurefire.failIfNoSpecifiedTests=false
