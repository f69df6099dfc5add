#!/usr/bin/env bash
# The true SE shrink of `mi simulate`'s conditional estimate: S seeds of one family and n, each a full run
# (1000 trials, the showcase's settings), then sd of the S estimates against the mean plain SE (and the mean
# reported SE beside it). Usage: bench/simulate/true-shrink.sh FAMILY N [SEEDS=40] [BOUND=infonce]
#   e.g. bench/simulate/true-shrink.sh gaussian:dim=20,mi=15 2^18 60     (about 10 s of one core per seed)
# MI (default: mi on PATH) picks the binary; WORK the folder for the per-seed JSON (default a fresh temp folder).
set -euo pipefail
family=$1 n=$2 seeds=${3:-40} bound=${4:-infonce}
mi=${MI:-mi}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
for s in $(seq 1 "$seeds"); do
  [[ -f "$work/seed-$s.json" ]] || "$mi" simulate --family "$family" --bounds infonce,mean-field,loo-upper --n "$n" \
    --trials 1000 --threads 1 --seed "$s" --json "$work/seed-$s.json" >/dev/null 2>&1
done
python3 - "$work" "$bound" "$seeds" <<'PY'
import json, math, statistics as st, sys
work, bound, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = []
for s in range(1, seeds + 1):
    run = json.load(open(f"{work}/seed-{s}.json"))["runs"][0]
    rows += [r for r in run["rows"] if r["bound"] == bound]
est = [r["mean"] for r in rows]
plain_se = st.mean(r["std_error_plain"] for r in rows)
reported = math.sqrt(st.mean(r["std_error"] ** 2 for r in rows))
true_se = st.stdev(est)
groups = [plain_se / st.stdev(est[i:i + 10]) for i in range(0, len(est) - 9, 10)]
print(f"{bound} n={rows[0]['n']} seeds={len(rows)}: true shrink {plain_se / true_se:.1f}x (sd of the estimates {true_se:.5f}),"
      f" reported {plain_se / reported:.1f}x; mean {st.mean(est):.5f} vs plain {st.mean(r['mean_plain'] for r in rows):.5f}"
      f" ± {st.stdev(r['mean_plain'] for r in rows) / math.sqrt(len(rows)):.5f}")
print("  per 10 seeds: " + " ".join(f"{g:.1f}x" for g in groups))
PY
