#!/usr/bin/env bash
# Training steps per second of the staircase's separable critic (20-d Gaussian, batch 64, 2×256 ReLU, embedding 32,
# InfoNCE, Adam 5e-4): MutualInfo.Neural's CriticTrainer (TorchSharp) against the same model in PyTorch (Debian's
# python3-torch with libopenblas0-pthread, OpenBLAS threads 1), with 1 and 2 torch threads on each side. Runs
# alternate so both see the same machine load; each prints one JSON line, preceded by the load average, and
# /usr/bin/time's "user sys wall maxRSS-KB" on stderr.
#   bash bench/neural/run.sh [steps=2000] [repeats=3]
# Per-phase profile of a step on both sides (thread CPU time, 1 torch thread):
#   bash bench/neural/run.sh profile [steps=2000]
# Memory of the concat critic (batch 128, 2000 steps, RSS every 200 steps):
#   bash bench/neural/run.sh memory
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/neural/NeuralBench -v q -nologo >/dev/null
bench=bench/neural/NeuralBench/bin/Release/net10.0/NeuralBench
python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "python3-torch is missing: apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
timed() { echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"; /usr/bin/time -f '# time: %U user %S sys %e wall %M KB' "$@"; }

if [[ "${1:-}" == "memory" ]]; then
  timed "$bench" concat 128 2000 1 infonce 200
  exit 0
fi
if [[ "${1:-}" == "profile" ]]; then
  steps=${2:-2000}
  timed "$bench" profile 64 "$steps" 1 infonce
  OPENBLAS_NUM_THREADS=1 timed "$python" bench/neural/peer_torch.py 64 "$steps" 1 profile
  exit 0
fi

steps=${1:-2000}
# The staircase runner: two estimators at once, one torch thread each (aggregate steps/s).
timed "$bench" staircase 64 "$steps" 2 infonce
repeats=${2:-3}
for ((r = 0; r < repeats; r++)); do
  for threads in 1 2; do
    timed "$bench" separable 64 "$steps" "$threads" infonce
    OPENBLAS_NUM_THREADS=1 timed "$python" bench/neural/peer_torch.py 64 "$steps" "$threads"
    # MutualInfo.Neural sets OMP_WAIT_POLICY=PASSIVE for itself; the peer with the same policy, for comparison.
    if [[ $threads == 2 ]]; then OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 timed "$python" bench/neural/peer_torch.py 64 "$steps" 2; fi
  done
done
