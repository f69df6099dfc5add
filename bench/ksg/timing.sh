#!/usr/bin/env bash
# Times `mi bmi --estimator ksg` (plain KSG-1, k = 3, point estimate) against the scipy cKDTree and scikit-learn peers, end to end
# (process start, CSV reading, estimate), with hyperfine; then the peers' compute-only times (no interpreter
# start-up, imports or CSV parsing) next to mi's own compute-only time (from `mi bmi --json`). Usage: bench/ksg/timing.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
runs="${1:-5}"
mi="$root/src/MutualInfo.Cli/bin/Release/net10.0/mi"
dotnet build -c Release "$root/src/MutualInfo.Cli" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/make_data.py" "$work/d5.csv" 5000 5 1.0 --seed 1
"$here/make_data.py" "$work/d1.csv" 100000 1 0.5 --seed 2
echo "# KSG timing ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for case in "d5.csv 5 5" "d1.csv 1 1"; do
  set -- $case
  echo; echo "## $1: dims $2 x $3"
  hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$work/t.md" \
    -n "mi bmi" "$mi bmi $work/$1 $2 $3 --estimator ksg" \
    -n "scipy cKDTree" "$here/ksg_scipy.py $work/$1 $2 $3" \
    -n "scikit-learn" "$here/sklearn_peer.py $work/$1 $2 $3" >&2
  cat "$work/t.md"
  echo; echo "values: mi $($mi bmi "$work/$1" "$2" "$3" --estimator ksg), scipy $("$here/ksg_scipy.py" "$work/$1" "$2" "$3"), sklearn $("$here/sklearn_peer.py" "$work/$1" "$2" "$3")"
  for r in 1 2 3; do "$mi" bmi "$work/$1" "$2" "$3" --estimator ksg --json "$work/t.json" >/dev/null; /usr/bin/python3 -c "import json,sys; print('compute %.4f s' % json.load(open(sys.argv[1]))['elapsed_seconds'])" "$work/t.json"; done | sort -n -k2 | head -1 | sed "s/^/mi bmi best /"
  for peer in ksg_scipy.py sklearn_peer.py; do
    for r in 1 2 3; do "$here/$peer" "$work/$1" "$2" "$3" --time 2>&1 >/dev/null; done | sort -n -k2 | head -1 | sed "s/^/$peer best /"
  done
done
