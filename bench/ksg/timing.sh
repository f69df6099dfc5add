#!/usr/bin/env bash
# Times `mi bmi --estimator ksg` (plain KSG-1, k = 3, point estimate) against the scipy cKDTree and scikit-learn peers.
#  1. end to end (process start, CSV reading, estimate) with hyperfine, for the two headline cases;
#  2. compute only (no process or interpreter start-up, imports or CSV parsing): best of REPS runs of each side's
#     own timer around the estimate, wall and CPU (user+sys of the process during the estimate), for mi with
#     --threads 2 and --threads 1, scipy (workers=-1: all cores) and scikit-learn (single-threaded defaults),
#     for the headline cases and for the regression checks n = 5000 1-d and 3-d.
# Usage: bench/ksg/timing.sh [RUNS] [REPS]   (RUNS hyperfine runs, default 5; REPS compute-only repeats, default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
runs="${1:-5}"
reps="${2:-3}"
mi="$root/src/MutualInfo.Cli/bin/Release/net10.0/mi"
py=/usr/bin/python3
dotnet build -c Release "$root/src/MutualInfo.Cli" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/make_data.py" "$work/d5.csv" 5000 5 1.0 --seed 1
"$here/make_data.py" "$work/d1.csv" 100000 1 0.5 --seed 2
"$here/make_data.py" "$work/s1.csv" 5000 1 0.5 --seed 3
"$here/make_data.py" "$work/s3.csv" 5000 3 1.0 --seed 4
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "# KSG timing ($(date -u +%FT%TZ), $(nproc) cores, load $(load))"

echo; echo "## End to end (hyperfine, $runs runs; mi with its default --threads = all cores)"
for case in "d5.csv 5 5" "d1.csv 1 1"; do
  set -- $case
  echo; echo "### $1: dims $2 x $3 (load $(load))"
  hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$work/t.md" \
    -n "mi bmi" "$mi bmi $work/$1 $2 $3 --estimator ksg" \
    -n "scipy cKDTree" "$here/ksg_scipy.py $work/$1 $2 $3" \
    -n "scikit-learn" "$here/sklearn_peer.py $work/$1 $2 $3" >&2
  cat "$work/t.md"
  echo; echo "values: mi $($mi bmi "$work/$1" "$2" "$3" --estimator ksg), scipy $("$here/ksg_scipy.py" "$work/$1" "$2" "$3"), sklearn $("$here/sklearn_peer.py" "$work/$1" "$2" "$3")"
done

# Best of $reps by wall time; prints "wall cpu".
mi_compute() {
  for r in $(seq "$reps"); do
    "$mi" bmi "$@" --estimator ksg --json "$work/t.json" >/dev/null
    $py -c "import json,sys; j=json.load(open(sys.argv[1])); print('%.4f %.4f' % (j['elapsed_seconds'], j['cpu_seconds']))" "$work/t.json"
  done | sort -n | head -1
}
peer_compute() {
  for r in $(seq "$reps"); do "$here/$1" "${@:2}" --time 2>&1 >/dev/null | awk '{print $2, $5}'; done | sort -n | head -1
}

echo; echo "## Compute only (best of $reps by wall time; seconds, wall / CPU)"
echo
echo "| data | mi --threads 2 | mi --threads 1 | scipy (workers=-1) | scikit-learn | load |"
echo "|---|---:|---:|---:|---:|---|"
for case in "d5.csv 5 5 n=5000,5-d×5-d" "d1.csv 1 1 n=100000,1-d×1-d" "s1.csv 1 1 n=5000,1-d×1-d" "s3.csv 3 3 n=5000,3-d×3-d"; do
  set -- $case
  m2=$(mi_compute "$work/$1" "$2" "$3" --threads 2)
  m1=$(mi_compute "$work/$1" "$2" "$3" --threads 1)
  sp=$(peer_compute ksg_scipy.py "$work/$1" "$2" "$3")
  sk=$(peer_compute sklearn_peer.py "$work/$1" "$2" "$3")
  echo "| $4 | ${m2/ / / } | ${m1/ / / } | ${sp/ / / } | ${sk/ / / } | $(load) |"
done
