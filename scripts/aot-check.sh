#!/usr/bin/env bash
# Publishes mi twice, ReadyToRun and Native AOT (needs clang and zlib1g-dev), into a temporary folder, runs every
# command on fixed seeds with each (mi simulate with its defaults, about 40 s a build; the rest is small), and fails
# unless the outputs are the same: stdout, exit codes, JSON and CSV files with their timing fields left out, and the
# plots byte for byte. .ci/run runs it last (after `scripts/setup.sh --aot`); run it by hand after changing anything the native build touches
# (trimming, reflection, native loading). Writes the projects' Release bin/ and obj/ and a temporary folder.
# Usage: bash scripts/aot-check.sh [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d -t mi-aot-check.XXXXXX)
[[ "${1:-}" == "--keep" ]] || trap 'rm -rf "$work"' EXIT
# The native-library cache (the repaired LibTorchSharp copy, where needed) starts empty, so the AOT build repairs too.
export XDG_CACHE_HOME="$work/cache" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
step() { printf '== %s (%ds)\n' "$1" "$SECONDS"; }

step "publish ReadyToRun and Native AOT"
dotnet publish "$repo/src/MutualInfo.Cli" -c Release -r linux-x64 -o "$work/r2r" --nologo -v quiet >/dev/null
dotnet publish "$repo/src/MutualInfo.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" --nologo -v quiet >/dev/null
[[ -f "$work/aot/mi" && ! -f "$work/aot/mi.dll" ]] || { echo "the AOT publish did not give a native mi" >&2; exit 1; }

step "data"
python3 - "$work" <<'EOF'
import random, sys
rng = random.Random(7)
rows = []
for _ in range(1500):
    z = rng.gauss(0, 1); x = 0.7 * z + 0.7 * rng.gauss(0, 1); x2 = rng.gauss(0, 1)
    y = 0.5 * z + 0.4 * x + 0.7 * rng.gauss(0, 1); y2 = 0.3 * x2 + rng.gauss(0, 1)
    rows.append((x, x2, y, y2, z, int(x > 0) + int(x > 1)))
with open(f"{sys.argv[1]}/d.csv", "w") as f:
    f.write("X1,X2,Y1,Y2,Z1,C\n" + "".join(f"{r[0]!r},{r[1]!r},{r[2]!r},{r[3]!r},{r[4]!r},{r[5]}\n" for r in rows))
with open(f"{sys.argv[1]}/b.csv", "w") as f:
    f.write("X1,X2,Y1,Y2\n" + "".join(f"{r[0]!r},{r[1]!r},{r[2]!r},{r[3]!r}\n" for r in rows))
EOF

run_all() {
    local mi=$1 out=$2 d="$work/d.csv"
    mkdir -p "$out"; cd "$out"
    run() { local name=$1; shift; set +e; "$mi" "$@" >"$name.out" 2>"$name.err"; echo $? >"$name.rc"; set -e; }
    run help --help
    run simulate simulate
    run estimate estimate "$d" --x X1,X2 --y Y1,Y2 --json estimate.json
    run estimate-ksg estimate "$d" --x X1 --y Y1 --estimator ksg --json estimate-ksg.json
    run estimate-cmi estimate "$d" --x X1 --y Y1 --z Z1 --estimator ksg-cmi --json estimate-cmi.json
    run estimate-infonce estimate "$d" --x X1,X2 --y Y1,Y2 --estimator infonce --steps 300 --json estimate-infonce.json
    run estimate-bilinear estimate "$d" --x X1,X2 --y Y1,Y2 --estimator smile --critic bilinear --steps 100 --hidden 32 --json estimate-bilinear.json
    run estimate-concat estimate "$d" --x X1,X2 --y Y1,Y2 --estimator nwj --critic concat --activation gelu --steps 100 --hidden 32 --json estimate-concat.json
    run estimate-bad-column estimate "$d" --x X9 --y Y1
    run estimate-bad-search estimate "$d" --search Foo
    run bmi bmi "$work/b.csv" 2 2
    run staircase staircase --estimators infonce,nwj --levels 2,4 --steps-per-level 100 --batch 32 --dim 4 --hidden 32 --json staircase.json --plot staircase.png
    run tasks tasks
    run bench bench --tasks 1v1-normal-0.75,multinormal-dense-2-2-0.5 --estimators ksg,gaussian,infonce --samples 300 --seeds 2 --json bench.json --csv bench.csv --plot bench.png
    run rank rank "$d" --target Y1 --discrete C --permutations 50 --splits 5 --plot rank.png --json rank.json
    run rank-conditional rank "$d" --target Y1 --conditional --permutations 20 --splits 4 --json rank-conditional.json
    cd "$repo"
}
step "run (ReadyToRun)"
run_all "$work/r2r/mi" "$work/out-r2r"
step "run (Native AOT)"
run_all "$work/aot/mi" "$work/out-aot"

step "compare"
python3 - "$work/out-r2r" "$work/out-aot" <<'EOF'
import csv, json, os, re, sys
a, b = sys.argv[1], sys.argv[2]
TIMING_KEYS = {"elapsed_seconds", "seconds"}
def strip(value):
    if isinstance(value, dict): return {k: strip(v) for k, v in value.items() if k not in TIMING_KEYS}
    if isinstance(value, list): return [strip(v) for v in value]
    return value
def load(path):
    name = os.path.basename(path)
    if name.endswith(".json"):
        with open(path) as f: return strip(json.load(f))
    if name.endswith(".csv"):
        with open(path, newline="") as f: rows = list(csv.reader(f))
        drop = {i for i, h in enumerate(rows[0]) if h in TIMING_KEYS}
        return [[c for i, c in enumerate(r) if i not in drop] for r in rows]
    if name.endswith(".out"):
        with open(path) as f: text = f.read()
        # Run times printed on stdout (e.g. "trained 2 estimators in 0.2 s.") are the only expected difference.
        return re.sub(r"\bin \d+(\.\d+)? s\b", "in … s", text)
    with open(path, "rb") as f: return f.read()
names = sorted(n for n in os.listdir(a) if not n.endswith(".err"))
if names != sorted(n for n in os.listdir(b) if not n.endswith(".err")):
    sys.exit(f"different files: {sorted(set(os.listdir(a)) ^ set(os.listdir(b)))}")
different = [n for n in names if load(f"{a}/{n}") != load(f"{b}/{n}")]
# Bad input exits 2, everything else 0.
failed = [n for n in names if n.endswith(".rc") and open(f"{a}/{n}").read().strip() != ("2" if "-bad-" in n else "0")]
print(f"{len(names)} outputs compared; different: {different or 'none'}; unexpected exit codes: {failed or 'none'}")
sys.exit(1 if different or failed else 0)
EOF
step "done: the Native AOT mi gives the ReadyToRun mi's outputs"
