#!/usr/bin/env bash
# podman the way Debian's podman works on these machines (docs/delivery.md): runc instead of crun,
# cgroupfs instead of systemd, and a containers.conf without default ulimits (the machine's limits
# are lower than podman's defaults). Everything after the script name goes to podman unchanged;
# there is no network here, so callers pass `--network none` to `build` and `run` themselves.
#
#   scripts/podman.sh run --rm --network none IMAGE ...
#
# CONTAINERS_CONF, when set, is used as it is; RUNTASK_RUNC overrides the runc path.
set -euo pipefail

if [[ -z ${CONTAINERS_CONF:-} ]]; then
  conf_dir=${RUNTASK_CHECK_DIR:-/var/tmp/runtask-container-check}
  mkdir -p "$conf_dir"
  if [[ ! -f $conf_dir/containers.conf ]]; then
    # Written aside and renamed, so a run in parallel never reads half a file.
    printf '[containers]\ndefault_ulimits = []\n' >"$conf_dir/containers.conf.$$"
    mv -f "$conf_dir/containers.conf.$$" "$conf_dir/containers.conf"
  fi
  export CONTAINERS_CONF=$conf_dir/containers.conf
fi
exec podman --runtime "${RUNTASK_RUNC:-/usr/sbin/runc}" --cgroup-manager=cgroupfs "$@"
