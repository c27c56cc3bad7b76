#!/usr/bin/env bash
# Runs the image that `./mvnw -pl service -am -Pimage -DskipTests package` wrote (service/target/jib-image.tar)
# without Docker or any container runtime (ADR 0019): unpacks its layers in order into a folder, then starts its
# entrypoint there with its environment, as its user (65532), in a mount namespace where the root file system is
# read-only and only the policy store and /tmp are writable, like `docker run --read-only` with two volumes. It
#   1. checks that the CDS archive maps in the image (-Xshare:on);
#   2. waits for /actuator/health/readiness to answer 200, asks for one decision with the demo shop key, counts the
#      classes loaded from the archive, and looks for writes the read-only root file system refused;
#   3. times the start to readiness 3 times with the image's entrypoint and 3 times without the archive, alternately.
# Each start has a network namespace of its own, as a container has (its port 8080 is not the host's, and curl
# reaches it through nsenter). Needs root (unshare, nsenter, mount), ip, curl and jq. Not part of ./mvnw verify.
# Usage: service/image/try-image.sh [image.tar]; RUNS=1 for one timing of each.
set -euo pipefail
cd "$(dirname "$0")/.."
TAR=$(readlink -f "${1:-target/jib-image.tar}")
RUNS=${RUNS:-3}
OUT=$PWD/target/try-image
ROOT=$OUT/rootfs
[ "$(id -u)" = 0 ] || { echo "needs root (unshare, nsenter, mount)" >&2; exit 1; }
[ -f "$TAR" ] || { echo "no $TAR: build it with ./mvnw -pl service -am -Pimage -DskipTests package" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/image" "$ROOT"
tar -xf "$TAR" -C "$OUT/image"
blob() { echo "$OUT/image/blobs/${1/://}"; }
# An OCI layout (Jib's format OCI: index.json) or a docker archive (manifest.json), for either setting of Jib.
if [ -f "$OUT/image/index.json" ]; then
  MANIFEST=$(blob "$(jq -r '.manifests[0].digest' "$OUT/image/index.json")")
  CONFIG=$(blob "$(jq -r '.config.digest' "$MANIFEST")")
  mapfile -t LAYERS < <(jq -r '.layers[].digest' "$MANIFEST" | while read -r digest; do blob "$digest"; done)
else
  CONFIG=$OUT/image/$(jq -r '.[0].Config' "$OUT/image/manifest.json")
  mapfile -t LAYERS < <(jq -r '.[0].Layers[]' "$OUT/image/manifest.json" | sed "s|^|$OUT/image/|")
fi
# In order, each over the one before (Jib writes no whiteout files, so plain extraction is the whole union).
for layer in "${LAYERS[@]}"; do
  tar -xzf "$layer" -C "$ROOT" --same-permissions --numeric-owner --warning=no-unknown-keyword
done
mapfile -t ENTRYPOINT < <(jq -r '.config.Entrypoint[]' "$CONFIG")
mapfile -t ENV < <(jq -r '.config.Env[]' "$CONFIG")
USERSPEC=$(jq -r '.config.User' "$CONFIG")
WORKDIR=$(jq -r '.config.WorkingDir // "/"' "$CONFIG")
STORE=$(printf '%s\n' "${ENV[@]}" | sed -n 's/^DECISION_POLICY_STORE=//p')
echo "image: ${#LAYERS[@]} layers, $(du -sh "$ROOT" | cut -f1) unpacked; user $USERSPEC; in $WORKDIR: ${ENTRYPOINT[*]}"
# The mount points a container runtime creates in its own writable layer below a read-only root.
mkdir -p "$ROOT/proc" "$ROOT/dev" "$ROOT/sys"
mkdir -p "$OUT/store"
chown "$USERSPEC" "$OUT/store"

# Runs the given command line in the image, in new mount and network namespaces (loopback only): the root
# read-only, the store and a fresh /tmp writable, then changes root, working directory and user (with unshare:
# chroot would always start in /) and keeps only the image's environment. Every step execs the next, so the
# process that calls it becomes the JVM: call it in a subshell or in the background.
in_image() {
  exec unshare -m -n --propagation private bash -c '
    set -e
    ip link set lo up
    root=$1 store=$2 storedir=$3 userspec=$4; shift 4
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mount --bind "$store" "$root$storedir"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    mount -o remount,bind,ro "$root"
    workdir=$1 env_count=$2; shift 2
    unshare=$(command -v unshare)
    exec env -i "${@:1:$env_count}" "$unshare" --root="$root" --wd="$workdir" --setgid="${userspec#*:}" \
      --setuid="${userspec%%:*}" -- "${@:$((env_count + 1))}"
  ' in-image "$ROOT" "$OUT/store" "$STORE" "$USERSPEC" "$WORKDIR" "${#ENV[@]}" "${ENV[@]}" "$@"
}

# 1. The archive in the image: -Xshare:on refuses to start if the runtime or the class path does not match it.
ARGS=("${ENTRYPOINT[@]:1}")
ARCHIVE_ARG=$(printf '%s\n' "${ARGS[@]}" | grep -- '-XX:SharedArchiveFile=' || true)
[ -n "$ARCHIVE_ARG" ] || { echo "the entrypoint names no CDS archive" >&2; exit 1; }
WITHOUT_ARCHIVE=()
for arg in "${ARGS[@]}"; do
  case $arg in -Xshare:*|-XX:SharedArchiveFile=*) ;; *) WITHOUT_ARCHIVE+=("$arg") ;; esac
done
(in_image "${ENTRYPOINT[0]}" -Xshare:on "$ARCHIVE_ARG" -XX:+PrintSharedArchiveAndExit \
  "${WITHOUT_ARCHIVE[@]}") > "$OUT/archive-check.log" 2>&1 ||
  { echo "the CDS archive does not map in the image, see $OUT/archive-check.log" >&2; exit 1; }
grep -q '^archive is valid' "$OUT/archive-check.log" || { echo "see $OUT/archive-check.log" >&2; exit 1; }
echo "CDS archive: valid in the image with -Xshare:on, $(grep -cE '^ *[0-9]+: ' "$OUT/archive-check.log") classes"

# Starts the service with the given arguments after the java binary, returns when readiness answers 200 (or the
# process ends: then 1). Sets PID and SECONDS_TO_READY.
start() {
  local log=$1; shift
  local begin; begin=$(date +%s%N)
  in_image "${ENTRYPOINT[0]}" "$@" > "$log" 2>&1 &
  PID=$!
  # Until unshare has made the service's network namespace, curl through nsenter would reach the host's port 8080.
  until [ "$(readlink /proc/$PID/ns/net)" != "$(readlink /proc/self/ns/net)" ]; do
    kill -0 $PID 2>/dev/null || { echo "the service stopped, see $log" >&2; return 1; }
    sleep 0.01
  done
  until [ "$(in_net curl -s -o /dev/null -w '%{http_code}' localhost:8080/actuator/health/readiness)" = 200 ]; do
    kill -0 $PID 2>/dev/null || { echo "the service stopped, see $log" >&2; return 1; }
    sleep 0.05
  done
  SECONDS_TO_READY=$(awk -v ns=$(( $(date +%s%N) - begin )) 'BEGIN { printf "%.2f", ns / 1e9 }')
}
# Runs the given command in the network namespace of the service started last.
in_net() { nsenter --net=/proc/"$PID"/ns/net "$@"; }
# SIGTERM, as a container runtime stops a container: the service shuts down gracefully.
stop() {
  [ -n "${PID:-}" ] || return 0
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=
}
trap stop EXIT

# 2. The entrypoint as the image says, plus a log of where each class came from.
for ((jar = 0; jar < ${#ARGS[@]}; jar++)); do [ "${ARGS[jar]}" != -jar ] || break; done
start "$OUT/first.log" "${ARGS[@]:0:jar}" -Xlog:class+load=info:file=/tmp/class-load.log "${ARGS[@]:jar}"
echo "first start: ready after $SECONDS_TO_READY s"
KEY=$(sed -n 's/.*Demo shop key: \([^ ]*\).*/\1/p' "$OUT/first.log" | head -n 1)
[ -n "$KEY" ] || { echo "no demo shop key in $OUT/first.log" >&2; exit 1; }
in_net curl -s localhost:8080/v1/decisions -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{
  "complaintId": "C-1001",
  "complaint": {"issueType": "DEFECTIVE_PRODUCT", "responsibility": "SUPPLIER", "channel": "EMAIL",
                "emotion": "ANGRY", "contactCount": 2, "daysSinceDelivery": 3},
  "order": {"value": "249.90", "currency": "EUR", "affectedValue": "199.90", "shippingCost": "4.90"},
  "customer": {"tier": "LOYAL"},
  "incident": {"id": "INC-7", "goodwillLevel": "HIGH"}
}' > "$OUT/decision.json"
jq -c '{decisionId, shopId, policyVersion, dissatisfaction, escalation: .escalation.path,
        remedies: [.remedies[] | select(.recommended) | .type], compensation: [.compensation[] | select(.recommended) | .type]}' \
  "$OUT/decision.json" || { echo "no decision: $(cat "$OUT/decision.json")" >&2; exit 1; }
# The class-load log is in the tmpfs of the JVM's mount namespace: read through the JVM's own root.
CLASS_LOG=/proc/$PID/root/tmp/class-load.log
SHARED=$(grep -c 'source: shared objects file' "$CLASS_LOG" || true)
echo "classes loaded: $(wc -l < "$CLASS_LOG"), of which from the CDS archive: $SHARED"
stop
if grep -n -i -e 'read-only file system' -e 'AccessDeniedException' -e 'Permission denied' "$OUT/first.log"; then
  echo "the service tried to write outside the store and /tmp (above)" >&2; exit 1
fi
echo "no write refused by the read-only root file system; the store holds: $(ls "$OUT/store" | tr '\n' ' ')"

# 3. Start-up to readiness, alternately with the image's entrypoint and without its archive (-Xshare:auto and the
# archive left out: the jlinked runtime has no default archive, so that is no class data sharing at all).
# Each as "to readiness (Spring's started, JVM running for)": readiness also waits for the warm-up's requests.
started() { sed -n 's/.*Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1, \2/p' "$1"; }
with=() without=()
for run in $(seq "$RUNS"); do
  start "$OUT/with-$run.log" "${ARGS[@]}"; stop
  with+=("$SECONDS_TO_READY ($(started "$OUT/with-$run.log"))")
  start "$OUT/without-$run.log" "${WITHOUT_ARCHIVE[@]}"; stop
  without+=("$SECONDS_TO_READY ($(started "$OUT/without-$run.log"))")
done
echo "seconds to readiness (started, JVM running for), with the CDS archive:    ${with[*]}"
echo "seconds to readiness (started, JVM running for), without the CDS archive: ${without[*]}"
