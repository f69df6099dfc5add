#!/usr/bin/env python3
"""PyTorch peer of NeuralBench: the same separable critic, objective and data in the staircase setup.

usage: OPENBLAS_NUM_THREADS=1 python3 peer_torch.py [batch=64] [steps=2000] [torch_threads=2]
Prints one JSON line like NeuralBench.
"""
import json
import math
import sys
import time

import torch

batch = int(sys.argv[1]) if len(sys.argv) > 1 else 64
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
torch.set_num_threads(threads)
torch.manual_seed(1)

dim, mi = 20, 4.0
rho = math.sqrt(1 - math.exp(-2 * mi / dim))
noise = math.sqrt(1 - rho * rho)


def mlp(d_in, hidden=256, layers=2, d_out=32):
    mods, width = [], d_in
    for _ in range(layers):
        mods += [torch.nn.Linear(width, hidden), torch.nn.ReLU()]
        width = hidden
    mods.append(torch.nn.Linear(width, d_out))
    return torch.nn.Sequential(*mods)


g, h = mlp(dim), mlp(dim)
params = list(g.parameters()) + list(h.parameters())
opt = torch.optim.Adam(params, lr=5e-4)


def infonce(scores):
    n = scores.shape[0]
    return math.log(n) + (scores.diagonal() - scores.logsumexp(0)).mean()


def step():
    x = torch.randn(batch, dim)
    y = rho * x + noise * torch.randn(batch, dim)
    opt.zero_grad()
    scores = g(x) @ h(y).t()
    value = infonce(scores)
    (-value).backward()
    opt.step()
    return value.item()


for _ in range(min(100, steps // 10)):
    step()
start, cpu_start = time.perf_counter(), time.process_time()
last = 0.0
for _ in range(steps):
    last = step()
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
print(json.dumps({"impl": "pytorch " + torch.__version__, "critic": "separable", "objective": "infonce", "batch": batch,
                  "steps": steps, "threads": threads, "seconds": round(seconds, 3),
                  "steps_per_s": round(steps / seconds, 1),
                  "cpu_seconds": round(cpu_seconds, 3), "steps_per_cpu_s": round(steps / cpu_seconds, 1), "last_estimate": round(last, 3)}))
