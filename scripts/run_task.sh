#!/usr/bin/env bash
# Runs a task on ECS through the launcher inside the docker-compose `run_task` service (seed 000).
# The operator's credentials reach the container as `docker compose exec -e NAME` (by name: the
# values travel in the environment of the docker process, never in any argv).
set -euo pipefail

readonly PROG=${0##*/}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
# The environments are the directories of task-definitions/ that hold an environment.json (the
# launcher's own rule), so one added as task-definitions/README.md describes is accepted at once.
ENVIRONMENTS=()
for env_file in "$ROOT"/task-definitions/*/environment.json; do
  [[ -f $env_file ]] || continue
  env_dir=${env_file%/environment.json}
  ENVIRONMENTS+=("${env_dir##*/}")
done
readonly ENVIRONMENTS
readonly SERVICE=run_task
# Forwarded by name when set; everything else in the operator's environment stays on the host.
readonly FORWARDED=(AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
  AWS_REGION AWS_DEFAULT_REGION)

usage() {
  cat <<EOF
Usage: $PROG -e ENV -n TASK [-k KEY_ID -s SECRET [-t SESSION_TOKEN] | -p PROFILE] [-y] [-o FORMAT]
       [--LAUNCHER-OPTION [VALUE]...] [-- TASK_ARGS...]

Runs TASK in ENV with the launcher in the docker-compose '$SERVICE' service:
  docker compose exec -e AWS_... $SERVICE java -jar /app/launcher.jar run -e ENV -n TASK \
    [LAUNCHER OPTIONS] -- TASK_ARGS

  -e ENV            target environment (a directory of task-definitions/): ${ENVIRONMENTS[*]}
  -n TASK           task name (see: java -jar launcher.jar tasks)
  -k KEY_ID         AWS access key id of credentials allowed to run tasks
  -s SECRET         AWS secret access key (required with -k)
  -t SESSION_TOKEN  AWS session token for temporary credentials (with -k and -s)
  -p PROFILE        AWS profile from ~/.aws (mounted into the service) instead of keys
  -y                do not ask for confirmation (production asks; without a terminal it must be -y)
  -o FORMAT         launcher output: text (default) or json (one JSON object on stdout)
  --OPTION [VALUE]  any other option of 'launcher run', passed through as given, e.g.
                    --no-wait, --timeout 45m, --stop-on-timeout, --endpoint-url URL, --region R
  -h                show this help

Without -k/-s/-p the AWS_* variables already exported in your shell are forwarded by name.
Prefer exporting them (or -p) over -k/-s: option values end up in your shell history.
Arguments after -- go to the task unchanged. The exit code is the launcher's (the task's own
exit code when it ran; see docs/CONTRACTS.md); bad input here exits 2.

Start the service first: docker compose up -d run_task
EOF
}

# One line on stderr, exit 2: nothing was started.
die() {
  echo "$PROG: $*" >&2
  exit 2
}

# True when dotted version $1 is older than $2 (major.minor).
version_lt() {
  local a_major=${1%%.*} a_minor=${1#*.} b_major=${2%%.*} b_minor=${2#*.}
  ((10#$a_major < 10#$b_major || (10#$a_major == 10#$b_major && 10#${a_minor%%.*} < 10#${b_minor%%.*})))
}

env_name='' task='' key_id='' secret='' session_token='' profile='' yes=false
launcher_options=()
# "-:" makes getopts hand over --long options (opt "-", OPTARG "long" or "long=value"). The
# script takes no words of its own before "--", so a word after a long option that does not start
# with "-" is that option's value.
while getopts ':e:n:k:s:t:p:o:yh-:' opt; do
  case $opt in
    -)
      case ${OPTARG%%=*} in
        access-key-id | secret-access-key | session-token | profile)
          die "--${OPTARG%%=*} is not passed through: use -k, -s, -t or -p (see -h)" ;;
        env | task | yes | output)
          die "--${OPTARG%%=*} is not passed through: use -e, -n, -y or -o (see -h)" ;;
        '') die "empty option '--' before the launcher options (see -h)" ;;
      esac
      launcher_options+=("--$OPTARG")
      if [[ $OPTARG != *=* && $OPTIND -le $# && ${!OPTIND} != -* ]]; then
        launcher_options+=("${!OPTIND}")
        OPTIND=$((OPTIND + 1))
      fi
      ;;
    o) launcher_options+=(--output "$OPTARG") ;;
    e) env_name=$OPTARG ;;
    n) task=$OPTARG ;;
    k) key_id=$OPTARG ;;
    s) secret=$OPTARG ;;
    t) session_token=$OPTARG ;;
    p) profile=$OPTARG ;;
    y) yes=true ;;
    h) usage; exit 0 ;;
    :) die "option -$OPTARG needs a value (see -h)" ;;
    \?) die "unknown option -$OPTARG (see -h)" ;;
  esac
done
shift $((OPTIND - 1))

((${#ENVIRONMENTS[@]} > 0)) || die "no environments: $ROOT/task-definitions/*/environment.json not found"
[[ -n $env_name ]] || die "-e ENV is required: one of ${ENVIRONMENTS[*]}"
allowed=false
for candidate in "${ENVIRONMENTS[@]}"; do
  [[ $env_name == "$candidate" ]] && allowed=true
done
$allowed || die "unknown environment '$env_name' for -e: expected one of ${ENVIRONMENTS[*]}"
[[ -n $task ]] || die "-n TASK is required (list them with: java -jar launcher.jar tasks)"
[[ $task =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] \
  || die "bad task name '$task' for -n: expected letters, digits, '.', '_' or '-'"
# Messages about credentials never repeat their values.
[[ -z $key_id && -z $secret ]] || [[ -n $key_id && -n $secret ]] \
  || die "-k KEY_ID and -s SECRET go together: give both or neither"
[[ -z $session_token || -n $key_id ]] || die "-t SESSION_TOKEN needs -k KEY_ID and -s SECRET"
[[ -z $profile || -z $key_id ]] || die "give either -k/-s or -p PROFILE, not both"

# Explicit credentials replace whatever the shell had, so two identities never mix.
if [[ -n $key_id ]]; then
  export AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret
  unset AWS_SESSION_TOKEN AWS_PROFILE
  [[ -z $session_token ]] || export AWS_SESSION_TOKEN=$session_token
elif [[ -n $profile ]]; then
  export AWS_PROFILE=$profile
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
fi
unset key_id secret session_token

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
  # docker-compose v1 picks its API version from the compose file format, and below 1.25 it
  # refuses `exec -e` ("Setting environment for exec is not supported in API < 1.25 (1.22)",
  # docker/compose#6000). COMPOSE_API_VERSION overrides the pick: use the daemon's own version.
  if [[ -z ${COMPOSE_API_VERSION:-} ]]; then
    daemon_api=$(docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true)
    if [[ $daemon_api =~ ^[0-9]+\.[0-9]+$ ]]; then
      version_lt "$daemon_api" 1.25 \
        && die "the Docker daemon's API $daemon_api is older than 1.25, which 'exec -e' needs: upgrade Docker"
      export COMPOSE_API_VERSION=$daemon_api
    fi
  fi
else
  die "neither 'docker compose' nor 'docker-compose' is available: install Docker Compose"
fi

exec_args=(-f "$ROOT/docker-compose.yml" exec)
# Without a terminal (CI, pipes) there is no TTY to allocate.
[[ -t 0 && -t 1 ]] || exec_args+=(-T)
for name in "${FORWARDED[@]}"; do
  [[ -z ${!name+set} ]] || exec_args+=(-e "$name")
done

launcher_args=(run -e "$env_name" -n "$task")
! $yes || launcher_args+=(--yes)
launcher_args+=(${launcher_options[@]+"${launcher_options[@]}"})

exec "${compose[@]}" "${exec_args[@]}" "$SERVICE" \
  java -jar /app/launcher.jar "${launcher_args[@]}" -- "$@"
