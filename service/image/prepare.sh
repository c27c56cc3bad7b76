#!/usr/bin/env bash
# Prepares the file tree that Jib copies onto an empty (scratch) base image (ADR 0019), in service/target/image:
#   rootfs/opt/java   a Java runtime made by jlink from the build JDK, with the modules the service needs;
#   rootfs/lib, /usr  the C libraries that runtime links against, from Debian's packages of the versions installed
#                     on the build machine (so the training start below runs on the very libraries of the image);
#   rootfs/etc        the user nonroot (65532) and its group, and the name lookups;
#   rootfs/app        the extracted jar (app/complaint-decisions.jar and app/lib/), as service/start.sh runs it;
#   rootfs/app/complaint-decisions.jsa
#                     the static CDS archive of a training start, made with that runtime and that class path (no
#                     JDK version in its name, unlike service/start.sh's: the image has one runtime);
#   rootfs/tmp, rootfs/var/lib/complaint-decisions/policy-store
#                     the only folders the service writes (both are volumes when the root file system is read-only).
# The build calls it in the package phase of the profile image (service/pom.xml); it needs no root, but the apt
# lists of the build machine (apt-get update once) and the network to Debian's archive on a first run.
# Every call makes the tree anew (about 70 s, most of it the training start): each build rewrites the jar with
# new entry times, so there is no earlier tree to keep. The Debian packages are kept (target/image/debs).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/complaint-decisions.jar
OUT=$PWD/target/image
ROOT=$OUT/rootfs
WORK=$OUT/work
[ -f "$JAR" ] || { echo "no $JAR: package the service first" >&2; exit 1; }
JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
MAJOR=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK/release")
# JDK 25 and later would use the AOT cache instead (service/start.sh); the image is made for the JDK 17 line.
[ "$MAJOR" -ge 17 ] && [ "$MAJOR" -lt 25 ] || { echo "the image needs a JDK 17 to 24 to build, not $MAJOR" >&2; exit 1; }
[ -d "$JDK/jmods" ] || { echo "$JDK has no jmods for jlink (Debian: apt-get install openjdk-$MAJOR-jdk-headless)" >&2; exit 1; }
ARCHIVE=complaint-decisions.jsa
rm -rf "$ROOT" "$WORK"
mkdir -p "$ROOT" "$WORK"

echo "image/prepare.sh: extracting $JAR" >&2
"$JDK/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$ROOT/app" >&2

# The modules the classes of the jar and its libraries use, plus the providers no class names and the service may
# need: jdk.crypto.ec (elliptic curves, for TLS to an identity provider or a database and for ES256 JWTs).
MODULES=$("$JDK/bin/jdeps" --multi-release "$MAJOR" --print-module-deps --ignore-missing-deps -q \
  --class-path "$ROOT/app/lib/*" "$ROOT/app/complaint-decisions.jar"),jdk.crypto.ec
echo "image/prepare.sh: jlink --add-modules $MODULES" >&2
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --output "$WORK/jre"
# Jib copies a symbolic link as the file it points to; copying them here keeps that choice visible (legal/ has links).
mkdir -p "$ROOT/opt"
cp -rL "$WORK/jre" "$ROOT/opt/java"

# The shared libraries of the runtime: bin/java, libjvm and the libraries of java.base need no more than these. The
# AWT, font and sound libraries of java.desktop need X11, freetype or ALSA, which are left out: the service runs
# headless and draws nothing (the warning below lists them).
# gcc-12-base holds the copyright file of libgcc-s1 and libstdc++6 (theirs are links to it).
PACKAGES=(libc6 libc-bin gcc-12-base libgcc-s1 libstdc++6 zlib1g)
LIBS=(ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libgcc_s.so.1 libstdc++.so.6
  libz.so.1)
DEBS=$OUT/debs
mkdir -p "$DEBS" "$WORK/deb-root"
: > "$WORK/debian-packages.txt"
for package in "${PACKAGES[@]}"; do
  version=$(dpkg-query -W -f='${Version}' "$package:amd64" 2>/dev/null || dpkg-query -W -f='${Version}' "$package")
  echo "$package=$version" >> "$WORK/debian-packages.txt"
  # Kept between builds (target/image/debs survives this script), so that a rebuild needs no network.
  # apt-get writes an epoch's colon as %3a in the file name.
  deb=$DEBS/${package}_${version/:/%3a}_amd64.deb
  [ -f "$deb" ] || (cd "$DEBS" && apt-get download -q "$package:amd64=$version" >&2)
  dpkg-deb -x "$deb" "$WORK/deb-root"
done
# The licences travel with the libraries.
for package in "${PACKAGES[@]}"; do
  mkdir -p "$ROOT/usr/share/doc/$package"
  cp -L "$WORK/deb-root/usr/share/doc/$package/copyright" "$ROOT/usr/share/doc/$package/"
done
for lib in "${LIBS[@]}"; do
  found=$(find "$WORK/deb-root/lib" "$WORK/deb-root/usr/lib" -name "$lib" | head -n 1)
  [ -n "$found" ] || { echo "$lib is in none of ${PACKAGES[*]}" >&2; exit 1; }
  dir=$(dirname "${found#"$WORK/deb-root"}")
  mkdir -p "$ROOT$dir"
  cp -L "$found" "$ROOT$dir/$lib"
done
# The program interpreter that every binary names (PT_INTERP), where libc6 puts a link to it.
mkdir -p "$ROOT/lib64"
cp "$ROOT/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$ROOT/lib64/"
# C.UTF-8 (from libc-bin) for LANG in the image: without it the JVM's native encoding is ASCII.
mkdir -p "$ROOT/usr/lib/locale"
cp -r "$WORK/deb-root/usr/lib/locale/C.utf8" "$ROOT/usr/lib/locale/"
cp "$WORK/debian-packages.txt" "$ROOT/usr/share/doc/debian-packages.txt"
missing=$(find "$ROOT/opt/java" -name '*.so' -exec env LD_LIBRARY_PATH="$ROOT/opt/java/lib:$ROOT/opt/java/lib/server" \
  ldd {} \; 2>/dev/null | awk '/=>/ { print $1 }' | sort -u | grep -vxF -f <(printf '%s\n' "${LIBS[@]}" linux-vdso.so.1) \
  | grep -vxF -f <(cd "$ROOT/opt/java/lib" && find . -name '*.so' -printf '%f\n') | tr '\n' ' ' || true)
[ -z "$missing" ] || echo "image/prepare.sh: not in the image (only AWT, fonts and sound need them): $missing" >&2

mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/var/lib/complaint-decisions/policy-store"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$ROOT/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$ROOT/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
# Container runtimes mount their own /etc/hosts; this one serves a plain chroot (image/try-image.sh).
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' > "$ROOT/etc/hosts"

# Jib gives every file of the image the time 1970-01-01T00:00:01Z; the CDS archive records each jar's time and size
# and is not used when one differs, so the jars get that time before the archive is made.
find "$ROOT" -exec touch -h -d @1 {} +

# The class list of a training start (as service/start.sh: until the warm-up has decided every scenario example
# through HTTP), then the static archive of those classes, by the image's runtime. JDK 17 checks every jar of the
# archive at the path recorded when it was made, jars named by Class-Path included: an archive made at an absolute
# path here is refused in the image ("Required classpath entry does not exist"). So both run in app/ and name the
# jar relatively, as the image does (working directory /app, -jar complaint-decisions.jar).
echo "image/prepare.sh: training start" >&2
(cd "$ROOT/app" && exec "$ROOT/opt/java/bin/java" -XX:DumpLoadedClassList="$WORK/classes.lst" \
  -jar complaint-decisions.jar --server.port=0 --decision.policy.store="$WORK/training-policy-store" \
  > "$WORK/training.log" 2>&1) &
training=$!
for _ in $(seq 600); do
  grep -qs 'HTTP warm-up:' "$WORK/training.log" && break
  kill -0 $training 2>/dev/null || { echo "training start failed, see $WORK/training.log" >&2; exit 1; }
  sleep 0.5
done
grep -qs 'HTTP warm-up:' "$WORK/training.log" || { kill $training; echo "no warm-up in 300 s, see $WORK/training.log" >&2; exit 1; }
kill $training && wait $training || true
# The image's root file system is read-only but for the store and /tmp: a file the training start left in the tree
# (every file there dates from 1970) would be a write that fails in the image.
written=$(find "$ROOT" -newermt @2)
[ -z "$written" ] || { echo "the training start wrote into the image's tree: $written" >&2; exit 1; }
# Lambda proxies stay out: archiving them crashes OpenJDK 17.0.15 (service/start.sh says more).
grep -v '^@' "$WORK/classes.lst" > "$WORK/classes-without-lambdas.lst"
echo "image/prepare.sh: CDS dump of $(wc -l < "$WORK/classes-without-lambdas.lst") classes" >&2
(cd "$ROOT/app" && "$ROOT/opt/java/bin/java" -Xshare:dump -XX:SharedClassListFile="$WORK/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$ARCHIVE" -cp complaint-decisions.jar > "$WORK/dump.log" 2>&1) ||
  { echo "CDS dump failed, see $WORK/dump.log" >&2; exit 1; }
# -Xshare:on stops the JVM when the archive does not fit the runtime and the class path: a check before Jib packs it.
(cd "$ROOT/app" && "$ROOT/opt/java/bin/java" -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" -cp complaint-decisions.jar \
  -version > "$WORK/check.log" 2>&1) || { echo "the archive does not map, see $WORK/check.log" >&2; exit 1; }
# Back to the time of now: Jib writes 1970 into the image whatever the files' times, but it keys its layer cache on
# them, and would take a changed jar of the same 1970 time from that cache, unchanged.
find "$ROOT" -exec touch -h {} +
echo "image/prepare.sh: $ROOT ready ($(du -sh "$ROOT" | cut -f1); archive $(du -h "$ROOT/app/$ARCHIVE" | cut -f1))" >&2
