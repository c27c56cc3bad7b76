#!/usr/bin/env bash
# Checks a folder of edited DMN tables and scenario files exactly as POST /v1/policy/drafts does, for a team that keeps
# them in Git: the folder's files replace the same files of the shipped policy (or of --baseline DIR).
# Exit code: 0 the tables may be published, 1 the report has errors, 2 the command is wrong.
# Usage: policy-check/check-policy.sh DIR [--baseline DIR] [--past FILE.csv] [--scenarios DIR] [--sample N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLASSPATH_FILE="$ROOT/policy-check/target/check-classpath.txt"

if [ ! -f "$CLASSPATH_FILE" ] || [ ! -d "$ROOT/policy-check/target/classes" ]; then
  echo "Building the check (once; again after pulling changes: rm $CLASSPATH_FILE)" >&2
  (cd "$ROOT" && ./mvnw -q -DskipTests install -pl policy-check -am \
    && ./mvnw -q dependency:build-classpath -pl policy-check -Dmdep.includeScope=runtime \
         -Dmdep.outputFile=target/check-classpath.txt) >&2
fi
# KIE's own log lines (a table that fails to evaluate is reported by the check anyway) stay out of the report.
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -Dlogback.configurationFile="$ROOT/policy-check/check-logback.xml" \
  -cp "$ROOT/policy-check/target/classes:$(cat "$CLASSPATH_FILE")" com.shopcare.complaints.check.CheckPolicy "$@"
