#!/usr/bin/env bash
# Makes the local stand-in for eclipse-temurin:25-jre, for machines that cannot pull from a public
# registry: a minimal Debian bookworm rootfs (debootstrap --variant=minbase) plus a Java 25 runtime
# made with jlink from the machine's Temurin 25 JDK, imported with `podman import`. Prints the image
# name on stdout; progress goes to stderr.
#
#   base=$(scripts/make-base-image.sh)        # localhost/runtask-base-jre25:<key>
#
# The tag is a hash of this recipe (this file) and the JDK's `release` file, so the image is made
# once per machine and again only when either changes; older tags are removed. Needs root,
# debootstrap, podman and a Debian mirror (RUNTASK_DEBIAN_MIRROR, default deb.debian.org).
# RUNTASK_BASE_JDK: the JDK to jlink from (default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly REPOSITORY=localhost/runtask-base-jre25
readonly SUITE=bookworm
readonly JDK=${RUNTASK_BASE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
readonly WORK=${RUNTASK_CHECK_DIR:-/var/tmp/runtask-container-check}
# Where eclipse-temurin images keep the runtime, so both bases look alike to the Dockerfile.
readonly JAVA_HOME_IN_IMAGE=/opt/java/openjdk
# A JRE's server-side modules (java.se and the jdk.* modules a service may use at run time:
# crypto providers, charsets, locales, JFR, JMX, jcmd for thread dumps); no compiler, no jshell.
readonly MODULES=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.jcmd,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.nio.mapmode,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs

say() { echo "make-base-image: $*" >&2; }
fail() {
  echo "make-base-image: FAILED: $*" >&2
  exit 1
}

[[ -x $JDK/bin/jlink && -f $JDK/release ]] || fail "no JDK with jlink at $JDK (set RUNTASK_BASE_JDK)"
grep -q '^JAVA_VERSION="25' "$JDK/release" || fail "$JDK is not a Java 25 JDK: $(grep '^JAVA_VERSION=' "$JDK/release")"

key=$(cat "${BASH_SOURCE[0]}" "$JDK/release" | sha256sum | cut -c1-12)
image=$REPOSITORY:$key
podman=("$ROOT/scripts/podman.sh")

if "${podman[@]}" image exists "$image"; then
  echo "$image"
  exit 0
fi

[[ $(id -u) == 0 ]] || fail "making $image needs root (debootstrap)"
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install -y debootstrap)"
rootfs=$WORK/rootfs-$key
rm -rf "$rootfs"
mkdir -p "$WORK"
trap 'rm -rf "$rootfs"' EXIT

started=$SECONDS
say "debootstrap --variant=minbase $SUITE into $rootfs"
debootstrap --variant=minbase "$SUITE" "$rootfs" "${RUNTASK_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
  >"$WORK/debootstrap.log" 2>&1 || fail "debootstrap failed, see $WORK/debootstrap.log"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

say "jlink $(sed -n 's/^IMPLEMENTOR_VERSION=//p' "$JDK/release" | tr -d '"') into $JAVA_HOME_IN_IMAGE"
mkdir -p "$(dirname "$rootfs$JAVA_HOME_IN_IMAGE")"
# The default CDS archive, as a JRE has it: the bare-JVM baseline of bench/startup.sh needs it.
"$JDK/bin/jlink" --add-modules "$MODULES" --output "$rootfs$JAVA_HOME_IN_IMAGE" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive >&2 \
  || fail "jlink failed"

tar -C "$rootfs" -c . | "${podman[@]}" import --quiet \
  --change "ENV JAVA_HOME=$JAVA_HOME_IN_IMAGE" \
  --change "ENV PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change 'ENV LANG=C.UTF-8' - "$image" >/dev/null \
  || fail "podman import failed"
"${podman[@]}" run --rm --network none "$image" java -version >&2 || fail "java does not run in $image"

# Older recipes' images: nothing refers to them any more.
"${podman[@]}" images --format '{{.Repository}}:{{.Tag}}' \
  | { grep -x "$REPOSITORY:[0-9a-f]*" || true; } | { grep -vx "$image" || true; } \
  | while read -r old; do "${podman[@]}" rmi "$old" >/dev/null 2>&1 || true; done
say "made $image in $((SECONDS - started)) s"
echo "$image"
