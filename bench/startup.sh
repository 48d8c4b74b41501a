#!/usr/bin/env bash
# Cold start of tasks.jar against a bare JVM hello-world, measured in the same run.
#
#   bench/startup.sh [RUNS]        (after: mvn -B -q package -DskipTests)
#
# Prints mean wall time (hyperfine, or a loop of `date +%s%N` when it is missing) and median peak
# RSS (/usr/bin/time -f %M) of:
#   baseline    java -cp DIR Hello                          (a bare JVM printing one line)
#   launch-line java @tasks/target/jvm.options -jar tasks/target/tasks.jar hello-world
#   plain       java -jar tasks/target/tasks.jar hello-world (no flags, no CDS: for comparison)
# and the ratios against the baseline. Targets: ≤ 2.5× wall, ≤ 2× peak RSS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-20}
jar=tasks/target/tasks.jar
options=tasks/target/jvm.options
[[ -f $jar && -f $options ]] || { echo "startup.sh: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "startup.sh: needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello, world!"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"

names=(baseline launch-line plain)
commands=(
  "java -cp $work Hello"
  "java @$options -jar $jar hello-world"
  "java -jar $jar hello-world"
)

# The commands are plain word lists (no quoting inside), so they are expanded unquoted on purpose.
# shellcheck disable=SC2086
mean_ms() { # command → mean wall milliseconds
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"]*1000))' "$work/h.json"
  else
    local total=0 start end
    for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N); $1 >/dev/null 2>&1; end=$(date +%s%N)
      total=$((total + end - start))
    done
    awk -v t="$total" -v n="$runs" 'BEGIN { printf "%.1f\n", t / n / 1000000 }'
  fi
}

# shellcheck disable=SC2086
median_rss_kb() { # command → median peak RSS in KB
  local samples=()
  for _ in $(seq 1 9); do
    samples+=("$(/usr/bin/time -f %M $1 2>&1 >/dev/null | tail -n1)")
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n 5p
}

declare -A wall rss
for i in "${!names[@]}"; do
  wall[${names[$i]}]=$(mean_ms "${commands[$i]}")
  rss[${names[$i]}]=$(median_rss_kb "${commands[$i]}")
done

printf '%-12s %10s %8s %12s %8s\n' variant "wall ms" "x wall" "peak RSS MB" "x RSS"
for name in "${names[@]}"; do
  awk -v n="$name" -v w="${wall[$name]}" -v wb="${wall[baseline]}" -v r="${rss[$name]}" -v rb="${rss[baseline]}" \
    'BEGIN { printf "%-12s %10.1f %8.2f %12.1f %8.2f\n", n, w, w / wb, r / 1024, r / rb }'
done
echo "targets for launch-line: ≤ 2.50 × wall, ≤ 2.00 × RSS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
