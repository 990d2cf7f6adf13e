#!/usr/bin/env bash
# A single-node SLURM cluster on this machine, to try `sweep.cs --launcher slurm` and for the tests.
#   bash scripts/slurm-local.sh start    # install slurm-wlm + munge if missing, write slurm.conf, start the daemons
#   bash scripts/slurm-local.sh status   # daemons, node and queue
#   bash scripts/slurm-local.sh stop     # stop the daemons this script started
# This machine is the controller (slurmctld) and the only compute node (slurmd), partition "local", as many CPUs
# as it has; no GPUs, no accounting (sacct is off; squeue and scontrol work). State, spool and logs live in
# /tmp/quickdraw-slurm/. Needs root (Debian or Ubuntu: packages come from apt). Idempotent: `start` on a running
# cluster only waits until the node is up. Exit codes: 0 ok, 1 failed, 3 cannot run here (not root, no apt).
set -euo pipefail

dir=/tmp/quickdraw-slurm
conf=/etc/slurm/slurm.conf
marker="# Written by QuickDraw.NET scripts/slurm-local.sh: a single-node cluster for trying sweeps."
partition=local

say() { printf '[slurm-local] %s\n' "$*" >&2; }
die() { printf '[slurm-local] error: %s\n' "$*" >&2; exit "${2:-1}"; }

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

host() { uname -n | cut -d. -f1; }

# Installs Debian's slurm-wlm (slurmctld, slurmd, client commands) and munge when any of them is missing.
install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
    return 0
  fi
  command -v apt-get >/dev/null || die "slurm-wlm and munge are not installed and there is no apt-get here: install SLURM yourself" 3
  say "installing slurm-wlm and munge (apt, once)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq slurm-wlm munge >"$dir/apt.log" 2>&1; then
    apt-get update -qq >>"$dir/apt.log" 2>&1 || true
    apt-get install -y -qq slurm-wlm munge >>"$dir/apt.log" 2>&1 ||
      die "apt-get install slurm-wlm munge failed (log: $dir/apt.log)" 3
  fi
}

write_conf() {
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    die "$conf exists and was not written by this script (a real cluster's?): leave it, or move it away to use a local cluster" 3
  fi
  local h cpus mem
  h="$(host)"
  cpus="$(nproc)"
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))   # MB, a little below the total
  mkdir -p /etc/slurm "$dir/state" "$dir/spool"
  local new
  new="$(cat <<EOF
$marker
# Start/stop: bash scripts/slurm-local.sh start|stop. Delete this file to hand /etc/slurm back to a real cluster.
ClusterName=quickdraw-local
SlurmctldHost=$h
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
# Step credentials live 15 s (default 120): a requeued task (the time-limit path) may start again after as long.
AuthInfo=cred_expire=15
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# No cgroups (containers and VMs often lack them): track processes by parent, bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# One CPU per array task unless --cpus-per-task asks for more, so tasks share the node.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
# A small cluster: look at pending jobs every few seconds (defaults: 60 and 30), so a requeued task starts promptly.
SchedulerParameters=sched_interval=5,bf_interval=5
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
# A finished job stays visible to scontrol for 5 minutes; SIGTERM comes KillWait seconds before SIGKILL.
MinJobAge=300
KillWait=30
NodeName=$h NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=$partition Nodes=$h Default=YES MaxTime=INFINITE State=UP
EOF
)"
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$new" ]; then
    printf '%s\n' "$new" >"$conf"
    return 0   # written: daemons must (re)read it
  fi
  return 1
}

munge_up() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
ctld_up() { scontrol ping 2>/dev/null | grep -q 'is UP'; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_state() { sinfo -h -n "$(host)" -o '%T' 2>/dev/null | head -1; }

start_munge() {
  munge_up && return 0
  [ -f /etc/munge/munge.key ] || { say "creating /etc/munge/munge.key"; mungekey --create 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; }
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge_up && return 0; sleep 0.1; done
  die "munged did not start (see /var/log/munge/munged.log)"
}

wait_for() {  # wait_for SECONDS WHAT COMMAND...
  local seconds=$1 what=$2; shift 2
  local end=$(( $(date +%s) + seconds ))
  until "$@"; do
    [ "$(date +%s)" -lt "$end" ] || return 1
    sleep 0.5
  done
}

node_ready() {
  local s
  s="$(node_state)"
  case "$s" in
    idle*|mixed*|allocated*|completing*) return 0 ;;
    down*|drain*|drained*)
      scontrol update nodename="$(host)" state=resume >/dev/null 2>&1 || true
      return 1 ;;
    *) return 1 ;;
  esac
}

start() {
  [ "$(id -u)" = 0 ] || die "starting a local SLURM needs root (it installs packages and runs slurmctld/slurmd as root)" 3
  mkdir -p "$dir"
  install_packages
  local changed=0
  if write_conf; then changed=1; fi
  start_munge
  if [ "$changed" = 1 ] && ctld_up; then
    say "slurm.conf changed: restarting the daemons"
    stop_daemons
  fi
  if ! ctld_up; then
    say "starting slurmctld"
    slurmctld || die "slurmctld did not start (log: $dir/slurmctld.log)"
    wait_for 30 slurmctld ctld_up || die "slurmctld is not answering after 30 s (log: $dir/slurmctld.log)"
  fi
  if ! pid_alive "$dir/slurmd.pid"; then
    say "starting slurmd"
    slurmd || die "slurmd did not start (log: $dir/slurmd.log)"
  fi
  wait_for 60 node node_ready || die "node $(host) is '$(node_state)' after 60 s, not idle (logs: $dir/slurmd.log, $dir/slurmctld.log)"
  say "up: partition '$partition', node $(host), $(nproc) CPUs ($(node_state)); conf $conf, logs in $dir/"
}

stop_daemons() {
  local f pid
  for f in slurmd slurmctld; do
    if pid_alive "$dir/$f.pid"; then
      pid="$(cat "$dir/$f.pid")"
      kill -TERM "$pid" 2>/dev/null || true
      wait_for 20 "$f" bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

stop() {
  [ "$(id -u)" = 0 ] || die "stopping the local SLURM needs root" 3
  stop_daemons
  if pid_alive /run/munge/munged.pid; then kill -TERM "$(cat /run/munge/munged.pid)" 2>/dev/null || true; fi
  say "stopped (state kept in $dir/state; start again to continue)"
}

status() {
  local rc=0
  if munge_up; then echo "munged: up"; else echo "munged: down"; rc=1; fi
  if command -v scontrol >/dev/null && ctld_up; then echo "slurmctld: up"; else echo "slurmctld: down"; rc=1; fi
  if pid_alive "$dir/slurmd.pid"; then echo "slurmd: up"; else echo "slurmd: down"; rc=1; fi
  if [ "$rc" = 0 ]; then
    echo "node $(host): $(node_state)"
    sinfo
    squeue
  fi
  return "$rc"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  "") usage >&2; exit 2 ;;
  *) echo "error: unknown command '$1': use start, stop or status (see --help)" >&2; exit 2 ;;
esac
