#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (Debian 12's slurm-wlm and munge), for running the documented
# job-array recipes of `mi simulate` and `mi bench` for real. Needs root. Idempotent: reuses running daemons.
#   bash scripts/slurm-single-node.sh          # install if needed, configure, start; prints sinfo
#   bash scripts/slurm-single-node.sh stop     # stops the daemons this script started
# No systemd is assumed (containers): munged, slurmctld and slurmd are started directly. The node offers all CPUs
# and 90% of the memory; processes are tracked without cgroups (proctrack/linuxproc), so --mem is not enforced.
set -euo pipefail
conf=/etc/slurm/slurm.conf
run=/run/mi-slurm
if [[ "${1:-}" == stop ]]; then
  for d in slurmd slurmctld munged; do
    [[ -f "$run/$d.pid" ]] && kill "$(cat "$run/$d.pid")" 2>/dev/null || true
  done
  exit 0
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi
mkdir -p "$run" /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge /etc/munge
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
cat > "$conf" <<CONF
ClusterName=mi-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$run/slurmctld.pid
SlurmdPidFile=$run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# Slurm 22.05's slurmd always loads a cgroup plugin (there is no "disabled" yet) and refuses hybrid v1/v2 mounts:
# pick v2 on a pure cgroup-v2 host, v1 otherwise. Task and process tracking above do not use it.
if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then cgroup=cgroup/v2; else cgroup=cgroup/v1; fi
printf 'CgroupPlugin=%s\nIgnoreSystemd=yes\nCgroupAutomount=no\n' "$cgroup" > /etc/slurm/cgroup.conf
if [[ ! -s /etc/munge/munge.key ]]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
alive() { [[ -f "$run/$1.pid" ]] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged
  sleep 1
  pgrep -x -u munge munged | head -1 > "$run/munged.pid"
fi
alive slurmctld || slurmctld
alive slurmd || slurmd
for _ in $(seq 30); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then break; fi
  sleep 1
done
scontrol update nodename="$host" state=resume 2>/dev/null || true
sinfo
