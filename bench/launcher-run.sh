#!/usr/bin/env bash
# Start-up benchmark of README's launch command against AWS CLI v2 on the same moto endpoint, in one run:
#   launcher/bin/launcher run -e bench -n hello-world --no-wait ...   vs   /usr/bin/aws ecs run-task ...
# (and, for the record, plain `java -jar launcher.jar` with no flags or archive). The project is a git
# checkout and the image tag its commit, as in README's case, so the launcher's check that tasks/ and
# task-definitions/ are as in the image's commit is part of what is timed.
# Prints wall time, CPU and peak RSS (/usr/bin/time) medians, and the ratios launcher/aws-cli.
# Targets: wall <= 0.7x, RSS <= 1.5x.
#
# Needs: launcher/target/launcher.jar (mvn -B -pl launcher -am install -DskipTests), moto_server on
# PATH, /usr/bin/aws = AWS CLI v2 (Debian: apt-get install -y awscli), /usr/bin/time; hyperfine optional.
# Env: RUNS (default 15), WARMUP (default 3), JAVA (default java), JAR (default launcher/target/launcher.jar:
# another build of the launcher, e.g. to measure before and after a change on the same machine).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/launcher/target/launcher.jar}
RUNS=${RUNS:-15}
WARMUP=${WARMUP:-3}
JAVA=${JAVA:-java}
AWS=/usr/bin/aws

die() { echo "launcher-run.sh: $*" >&2; exit 1; }
[[ -f "$JAR" ]] || die "$JAR missing: mvn -B -pl launcher -am install -DskipTests"
command -v moto_server >/dev/null || die "moto_server not on PATH"
[[ -x "$AWS" ]] || die "$AWS missing (AWS CLI v2): apt-get update && apt-get install -y awscli"
[[ -x /usr/bin/time ]] || die "/usr/bin/time missing: apt-get install -y time"

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
cleanup() { kill "$MOTO_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ENDPOINT="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -sf -o /dev/null -X POST "$ENDPOINT/moto-api/reset" && break; sleep 0.2; done

# Credentials for moto only, in the environment (never in argv): both tools read the standard variables.
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
awsm() { "$AWS" --endpoint-url "$ENDPOINT" "$@"; }
awsm ecs create-cluster --cluster-name runtask-bench >/dev/null
awsm ecr create-repository --repository-name runtask >/dev/null
mkdir -p "$WORK/project/task-definitions/bench" "$WORK/project/tasks"
echo "// the tasks of the image's commit" >"$WORK/project/tasks/README"
git -C "$WORK/project" init -q
TAG=bench-untagged  # replaced by the commit below
awsm ecr put-image --repository-name runtask --image-tag "$TAG" \
  --image-manifest '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"layers":[]}' >/dev/null
awsm logs create-log-group --log-group-name /ecs/runtask-bench
SUBNET=$(awsm ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)
SG=$(awsm ec2 describe-security-groups --query 'SecurityGroups[0].GroupId' --output text)

cat >"$WORK/project/task-definitions/bench/environment.json" <<JSON
{"platform": "ecs", "region": "us-east-1", "accountId": "123456789012", "cluster": "runtask-bench",
 "containerName": "task", "launchType": "FARGATE",
 "network": {"subnets": ["$SUBNET"], "securityGroups": ["$SG"], "assignPublicIp": false}}
JSON
cat >"$WORK/project/task-definitions/bench/task-definition.json" <<'JSON'
{"family": "runtask-bench", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "task", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/runtask:{{ image_tag }}",
   "essential": true, "memory": 512,
   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/runtask-bench",
     "awslogs-region": "us-east-1", "awslogs-stream-prefix": "runtask"}}}]}
JSON
cd "$WORK/project"
git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm bench
TAG=$(git rev-parse HEAD)
awsm ecr put-image --repository-name runtask --image-tag "$TAG" \
  --image-manifest '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"layers":[]}' >/dev/null

LAUNCH=(run -e bench -n hello-world --image-tag "$TAG" --endpoint-url "$ENDPOINT" --no-wait -- --name bench)

# README's command on a private copy of the build (wrapper + jar): a rebuild of launcher/target
# during the run would invalidate the archive. The wrapper's JVM flags are what is measured.
mkdir -p "$WORK/build/bin" "$WORK/build/target"
cp "$ROOT/launcher/bin/launcher" "$WORK/build/bin/launcher"
cp "$JAR" "$WORK/build/target/launcher.jar"
JAR="$WORK/build/target/launcher.jar"
export JAVA
# AppCDS, the documented step: one training run against the endpoint dumps the classes it loaded
# (the SDK's call path too) into an archive that later runs map instead of loading them.
"$WORK/build/bin/launcher" --create-cds "${LAUNCH[@]}" >/dev/null 2>"$WORK/cds.log" \
  || { cat "$WORK/cds.log" >&2; die "training run failed"; }
LAUNCHER_CMD=("$WORK/build/bin/launcher" "${LAUNCH[@]}")
PLAIN_CMD=("$JAVA" -jar "$JAR" "${LAUNCH[@]}")
AWS_CMD=("$AWS" --endpoint-url "$ENDPOINT" ecs run-task --cluster runtask-bench --task-definition runtask-bench
  --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG]}"
  --overrides "containerOverrides=[{name=task,command=[hello-world,--name,bench]}]" --output json)

# Both must work before they are timed.
"${LAUNCHER_CMD[@]}" >/dev/null 2>&1 || { "${LAUNCHER_CMD[@]}"; die "launcher run failed"; }
"${PLAIN_CMD[@]}" >/dev/null 2>&1 || die "java -jar launcher.jar run failed"
"${AWS_CMD[@]}" >/dev/null || die "aws ecs run-task failed"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Interleaved, order flipped every round, so load from other work on the machine hits both alike.
# /usr/bin/time gives peak RSS and CPU; wall time is taken around it with date +%s%N.
measure() {  # command... → "wall_s cpu_s rss_kb"
  local s e out
  s=$(date +%s%N)
  out=$(/usr/bin/time -f "%U %S %M" "$@" 2>&1 >/dev/null | tail -1)
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $out" | awk '{printf "%.3f %.3f %d\n", $1/1000, $2+$3, $4}'
}
for _ in $(seq "$WARMUP"); do "${LAUNCHER_CMD[@]}" >/dev/null 2>&1; "${AWS_CMD[@]}" >/dev/null; done
: >"$WORK/launcher.txt"; : >"$WORK/aws.txt"; : >"$WORK/plain.txt"
for i in $(seq "$RUNS"); do
  if (( i % 2 )); then
    measure "${LAUNCHER_CMD[@]}" >>"$WORK/launcher.txt"; measure "${AWS_CMD[@]}" >>"$WORK/aws.txt"
    measure "${PLAIN_CMD[@]}" >>"$WORK/plain.txt"
  else
    measure "${PLAIN_CMD[@]}" >>"$WORK/plain.txt"
    measure "${AWS_CMD[@]}" >>"$WORK/aws.txt"; measure "${LAUNCHER_CMD[@]}" >>"$WORK/launcher.txt"
  fi
done
col() { awk -v c="$1" '{print $c}' "$2" | median; }
L_WALL=$(col 1 "$WORK/launcher.txt"); A_WALL=$(col 1 "$WORK/aws.txt")
L_CPU=$(col 2 "$WORK/launcher.txt"); A_CPU=$(col 2 "$WORK/aws.txt")
L_RSS=$(col 3 "$WORK/launcher.txt"); A_RSS=$(col 3 "$WORK/aws.txt")
P_WALL=$(col 1 "$WORK/plain.txt"); P_CPU=$(col 2 "$WORK/plain.txt"); P_RSS=$(col 3 "$WORK/plain.txt")

if command -v hyperfine >/dev/null; then
  # For the record; its per-command batches are more exposed to load drift than the loop above.
  hyperfine -N --warmup 1 --runs "$RUNS" -n launcher "${LAUNCHER_CMD[*]}" -n aws-cli-v2 "${AWS_CMD[*]}" >&2 || true
fi

echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $RUNS interleaved runs each, medians"
printf '%-12s %10s %10s %14s\n' "" "wall (s)" "cpu (s)" "peak RSS (KB)"
printf '%-12s %10.3f %10.3f %14d\n' bin/launcher "$L_WALL" "$L_CPU" "$L_RSS" aws-cli-v2 "$A_WALL" "$A_CPU" "$A_RSS" \
  "java -jar" "$P_WALL" "$P_CPU" "$P_RSS"
python3 - "$L_WALL" "$A_WALL" "$L_RSS" "$A_RSS" "$L_CPU" "$A_CPU" "$P_WALL" <<'PY'
import sys
lw, aw, lr, ar, lc, ac, pw = map(float, sys.argv[1:])
w, r = lw / aw, lr / ar
print(f"ratio wall {w:.2f}x (target <= 0.70x: {'ok' if w <= 0.7 else 'MISSED'})")
print(f"ratio RSS  {r:.2f}x (target <= 1.50x: {'ok' if r <= 1.5 else 'MISSED'})")
print(f"ratio cpu  {lc / ac:.2f}x (user+sys; what wall tends to under full load)")
print(f"java -jar (no flags, no archive) wall {pw / aw:.2f}x aws-cli; bin/launcher is {pw / lw:.2f}x faster")
PY
