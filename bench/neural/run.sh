#!/usr/bin/env bash
# Training steps per second of the staircase's separable critic (20-d Gaussian, batch 64, 2×256 ReLU, embedding 32,
# InfoNCE, Adam 5e-4): MutualInfo.Neural (TorchSharp) against the same model in PyTorch (Debian's python3-torch with
# libopenblas0-pthread, OpenBLAS threads 1). Runs alternate so both see the same machine load; each prints one JSON line.
#   bash bench/neural/run.sh [steps=2000] [repeats=3]
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

if [[ "${1:-}" == "memory" ]]; then
  "$bench" concat 128 2000 1 infonce 200
  exit 0
fi

steps=${1:-2000}
# The staircase runner: two estimators at once, one torch thread each (aggregate steps/s).
"$bench" staircase 64 "$steps" 2 infonce
repeats=${2:-3}
for ((r = 0; r < repeats; r++)); do
  for threads in 1 2; do
    "$bench" separable 64 "$steps" "$threads" infonce
    OPENBLAS_NUM_THREADS=1 "$python" bench/neural/peer_torch.py 64 "$steps" "$threads"
  done
done
