#!/usr/bin/env bash
# Times `mi simulate` against the vectorised numpy peer (numpy_peer.py, Debian's python3-numpy) on
#   (a) in-batch negatives, 20-d Gaussian, I = 10 nats, n = 4096, 20 batches;
#   (b) independent negatives, same family, n = 1024, 16384, 65536, 1000 trials.
# Both sides compute InfoNCE, the mean-field expression and the leave-one-out upper bound at the exact critic.
# Usage: bench/simulate/run.sh            (needs python3-numpy and hyperfine: apt-get install python3-numpy hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/MutualInfo.Cli -o out/bench-cli >/dev/null
mi=(dotnet out/bench-cli/mi.dll)
py=/usr/bin/python3   # Debian's interpreter, where python3-numpy lives (a pyenv python3 may shadow it)
# OpenBLAS core-type overrides slow numpy down on some machines; unset them for the peer only.
peer=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" bench/simulate/numpy_peer.py)
family=gaussian:dim=20,mi=10
bounds=infonce,mean-field,loo-upper
echo "== (a) in-batch, n = 4096, 20 batches"
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown out/bench-simulate-a.md \
  -n mi "${mi[*]} simulate --family $family --bounds $bounds --negatives in-batch --n 4096 --trials 20" \
  -n numpy "${peer[*]} inbatch --n 4096 --trials 20"
echo "== (b) independent, n = 1024, 16384, 65536, 1000 trials"
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown out/bench-simulate-b.md \
  -n mi "${mi[*]} simulate --family $family --bounds $bounds --negatives independent --n 1024,16384,65536 --trials 1000" \
  -n numpy "${peer[*]} independent --n 1024 16384 65536 --trials 1000"
