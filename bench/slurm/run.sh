#!/usr/bin/env bash
# Runs the documented Slurm job-array recipes (docs/simulate.md, docs/bench.md) on a real single-node Slurm
# (scripts/slurm-single-node.sh starts one), merges the shards as documented and compares with one unsharded run:
#   simulate: merged JSON and CSV must be byte-identical to the unsharded run's;
#   bench:    merged JSON must equal the unsharded run's apart from the "seconds" timings.
# Usage (root, on a scratch copy of the repo): bench/slurm/run.sh
#   BENCH_SEEDS=1 (default here) and BENCH_K=4 scale the bench recipe to a 2-core node; SKIP_BENCH=1 skips it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$(mktemp -d /tmp/mi-slurm.XXXXXX)}
bash "$repo/scripts/slurm-single-node.sh" >/dev/null
dotnet build -c Release "$repo/src/MutualInfo.Cli" -o "$work/cli" >/dev/null
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec dotnet %s/cli/mi.dll "$@"\n' "$work" > "$work/bin/mi"
chmod +x "$work/bin/mi"
export PATH="$work/bin:$PATH"
cd "$work"
wait_for() { while squeue -h -j "$1" 2>/dev/null | grep -q .; do sleep 2; done; }
ok=0

echo "== mi simulate: 4-shard job array + merge (recipe bench/slurm/simulate.sbatch)"
start=$(date +%s)
jid=$(sbatch --parsable --chdir="$work" --output="$work/sim-%A_%a.out" "$repo/bench/slurm/simulate.sbatch")
mid=$(sbatch --parsable --chdir="$work" --output="$work/sim-merge.out" --dependency=afterok:"$jid" \
  --wrap 'mi simulate merge results/simulate-shard-*.json --json simulate.json --csv simulate.csv --plot simulate.png')
wait_for "$jid"; wait_for "$mid"
echo "   array + merge: $(( $(date +%s) - start )) s wall"
args=$(grep -A3 '^mi simulate' "$repo/bench/slurm/simulate.sbatch" | tr -d '\\\n' | sed -e 's/^mi simulate//' \
  -e 's/--threads "[^"]*"//' -e 's/--shard "[^"]*"//' -e 's/--json "[^"]*"//')
start=$(date +%s)
# shellcheck disable=SC2086
mi simulate $args --threads 2 --json one.json --csv one.csv >/dev/null 2>&1
echo "   one unsharded run: $(( $(date +%s) - start )) s wall"
if cmp -s one.json simulate.json && cmp -s one.csv simulate.csv; then echo "   simulate: merged JSON and CSV byte-identical to the unsharded run"
else echo "   simulate: MISMATCH"; ok=1; fi

if [[ "${SKIP_BENCH:-0}" != 1 ]]; then
  export BENCH_SEEDS=${BENCH_SEEDS:-1} K=${BENCH_K:-4}
  echo "== mi bench: $K-shard job array + merge (docs/bench.md recipe, --seeds $BENCH_SEEDS)"
  start=$(date +%s)
  jid=$(sbatch --parsable --chdir="$work" --array=0-$((K - 1)) --output="$work/bench-%A_%a.out" "$repo/bench/slurm/bench.sbatch")
  mid=$(sbatch --parsable --chdir="$work" --output="$work/bench-merge.out" --dependency=afterok:"$jid" \
    --wrap 'mi bench merge results/shard-*.json --json bench.json --plot bench.png')
  wait_for "$jid"; wait_for "$mid"
  echo "   array + merge: $(( $(date +%s) - start )) s wall"
  start=$(date +%s)
  mi bench --preset bmi-v1 --estimators ksg ksg2 gaussian --seeds "$BENCH_SEEDS" --threads 2 --json bench-one.json >/dev/null 2>&1
  echo "   one unsharded run: $(( $(date +%s) - start )) s wall"
  strip() { python3 -c 'import json,sys
def s(o):
    if isinstance(o, dict): return {k: s(v) for k, v in o.items() if k != "seconds"}
    if isinstance(o, list): return [s(v) for v in o]
    return o
print(json.dumps(s(json.load(open(sys.argv[1]))), sort_keys=True))' "$1"; }
  if [[ "$(strip bench.json)" == "$(strip bench-one.json)" ]]; then echo "   bench: merged JSON equals the unsharded run's (timings aside)"
  else echo "   bench: MISMATCH"; ok=1; fi
fi
echo "work directory: $work"
exit $ok
