#!/usr/bin/env bash
# Cold start of tasks.jar's launch line, outside the image (the host's JVM, tasks/target) and inside
# it (the image's Java 25, /app), each against a bare JVM hello of the same JVM in the same run.
#
#   bench/startup.sh [ROUNDS]        (after: mvn -B -q package -DskipTests)
#
# Per place, four commands run interleaved ROUNDS times (default 15; the order rotates every round,
# so load from other work hits all alike) after one warm-up each:
#   baseline      java -cp DIR Hello                                  (a bare JVM printing one line)
#   hello-world   java @jvm.options -jar tasks.jar hello-world        (the launch line)
#   no-archive    java -XX:MaxRAMPercentage=75 -jar tasks.jar hello-world   (what the archive buys)
#   import-sales  java @jvm.options -jar tasks.jar import-sales --file CSV  (pool, migrations, JDBC
#                 on the embedded database; its sales are already there after the warm-up)
# Outside the image also the two tasks with an archive trained on hello-world alone (hello-world-h,
# import-sales-h): what training on the database task as well costs and buys. It prints medians of
# wall time (date +%s%N around the run), peak RSS and CPU time (user + sys, /usr/bin/time) with
# ratios against the baseline. Targets for hello-world: ≤ 2.5× wall, ≤ 2× peak RSS.
# BENCH_JAVA: the host's java (default: java on PATH; the build's archive belongs to the JDK the
# build ran on, so build with that JDK: JAVA_HOME=… mvn package). BENCH_IMAGE: an image already
# built (default: one built and checked by scripts/container-check.sh, removed afterwards).
# BENCH_PLACES=host skips the image.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly CSV_ROWS='sale_id,sold_at,product_id,quantity\nB-1,2026-01-01T09:00:00Z,P-100,2\nB-2,2026-01-01T10:00:00Z,P-200,1\n'

# ---- inside one place: bench/startup.sh --here ROUNDS JAVA OPTIONS JAR HELLO_DIR [HELLO_OPTIONS] ---
if [[ ${1:-} == --here ]]; then
  rounds=$2 java=$3 options=$4 jar=$5 hello=$6 hello_options=${7:-}
  time=${BENCH_TIME:-/usr/bin/time}
  work=$(mktemp -d)
  cd "$work"
  printf %b "$CSV_ROWS" >sales.csv
  names=(baseline hello-world no-archive import-sales)
  commands=(
    "$java -cp $hello Hello"
    "$java @$options -jar $jar hello-world"
    "$java -XX:MaxRAMPercentage=75 -jar $jar hello-world"
    "$java @$options -jar $jar import-sales --file sales.csv"
  )
  if [[ -n $hello_options ]]; then
    names+=(hello-world-h import-sales-h)
    commands+=("$java @$hello_options -jar $jar hello-world" "$java @$hello_options -jar $jar import-sales --file sales.csv")
  fi
  # Word lists without quoting inside, so expanded unquoted on purpose.
  # shellcheck disable=SC2086
  for i in "${!names[@]}"; do
    ${commands[$i]} >/dev/null 2>&1 || { echo "startup.sh: '${commands[$i]}' failed" >&2; exit 1; }
  done
  n=${#names[@]}
  for round in $(seq 1 "$rounds"); do
    for k in $(seq 0 $((n - 1))); do
      i=$(((k + round) % n))
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      "$time" -f '%M %U %S' -o usage.txt ${commands[$i]} >/dev/null 2>&1
      end=$(date +%s%N)
      read -r rss user sys < <(tail -n1 usage.txt)
      echo "$(((end - start) / 1000)) $rss $(awk -v u="$user" -v s="$sys" 'BEGIN { print (u + s) * 1000 }')" >>"sample.$i"
    done
  done
  version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
  median() { cut -d' ' -f"$1" "$2" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
  for i in "${!names[@]}"; do # name jvm median-wall-µs median-rss-kb median-cpu-ms
    echo "${names[$i]} $version $(median 1 "sample.$i") $(median 2 "sample.$i") $(median 3 "sample.$i")"
  done
  rm -rf "$work"
  exit 0
fi

# ---- both places --------------------------------------------------------------------------------
rounds=${1:-15}
java=${BENCH_JAVA:-java}
places=${BENCH_PLACES:-host image}
[[ -f $ROOT/tasks/target/tasks.jar && -f $ROOT/tasks/target/jvm.options ]] \
  || { echo "startup.sh: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "startup.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
hello=$(mktemp -d)
trap 'rm -rf "$hello"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello, world!"); } }\n' >"$hello/Hello.java"
javac --release 17 -d "$hello" "$hello/Hello.java"
chmod -R a+rX "$hello"

results=()
if [[ $places == *host* ]]; then
  echo "startup.sh: host, $rounds rounds ($("$java" -version 2>&1 | head -1))" >&2
  # The other training: hello-world alone, with the kind of archive this JVM's build makes.
  spec=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if ((${spec%%.*} >= 25)); then training=-XX:AOTCacheOutput; else training=-XX:ArchiveClassesAtExit; fi
  (cd "$hello" && "$java" "$training=$hello/hello-only.archive" -jar "$ROOT/tasks/target/tasks.jar" hello-world >/dev/null 2>&1)
  sed "s|^-XX:SharedArchiveFile=.*|-XX:SharedArchiveFile=$hello/hello-only.archive|" "$ROOT/tasks/target/jvm.options" \
    >"$hello/hello-only.options"
  "$0" --here "$rounds" "$java" "$ROOT/tasks/target/jvm.options" "$ROOT/tasks/target/tasks.jar" "$hello" \
    "$hello/hello-only.options" >"$hello/host.txt"
  while read -r line; do results+=("host $line"); done <"$hello/host.txt"
fi
if [[ $places == *image* ]]; then
  image=${BENCH_IMAGE:-}
  if [[ -z $image ]]; then # built and checked here, removed afterwards
    image=$(RUNTASK_KEEP_IMAGE=1 "$ROOT/scripts/container-check.sh" | tail -n1)
  fi
  # Chosen after the check, which installs podman on a machine that has no engine yet.
  if command -v podman >/dev/null; then ctr=("$ROOT/scripts/podman.sh"); else ctr=(docker); fi
  if [[ -z ${BENCH_IMAGE:-} ]]; then
    trap 'rm -rf "$hello"; "${ctr[@]}" rmi "$image" >/dev/null 2>&1 || true' EXIT
  fi
  echo "startup.sh: image $image, $rounds rounds" >&2
  # The host's GNU time (glibc only) and this script run inside; the task runs as the image's user.
  "${ctr[@]}" run --rm --network none --entrypoint bash \
    -v "$ROOT/bench/startup.sh:/bench/startup.sh:ro" -v /usr/bin/time:/bench/time:ro -v "$hello:/bench/hello:ro" \
    -e BENCH_TIME=/bench/time -w /tmp "$image" /bench/startup.sh --here "$rounds" java /app/jvm.options /app/tasks.jar \
    /bench/hello >"$hello/image.txt"
  while read -r line; do results+=("image $line"); done <"$hello/image.txt"
fi

printf '%-6s %-8s %-15s %8s %7s %12s %7s %7s %6s\n' where jvm variant "wall ms" "× wall" "peak RSS MB" "× RSS" "CPU ms" "× CPU"
for row in "${results[@]}"; do
  read -r where variant jvm wall rss cpu <<<"$row"
  for base in "${results[@]}"; do # the baseline of the same place
    read -r bwhere bvariant _ bwall brss bcpu <<<"$base"
    [[ $bwhere == "$where" && $bvariant == baseline ]] && break
  done
  awk -v p="$where" -v j="$jvm" -v n="$variant" -v w="$wall" -v bw="$bwall" -v r="$rss" -v br="$brss" \
    -v c="$cpu" -v bc="$bcpu" 'BEGIN { printf "%-6s %-8s %-15s %8.1f %7.2f %12.1f %7.2f %7.0f %6.2f\n",
      p, j, n, w / 1000, w / bw, r / 1024, r / br, c, c / (bc > 0 ? bc : 1) }'
done
echo "-h: archive trained on hello-world alone; the build's and the image's: import-sales, then hello-world"
echo "targets for hello-world: ≤ 2.50 × wall, ≤ 2.00 × RSS; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
