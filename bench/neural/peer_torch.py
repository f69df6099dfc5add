#!/usr/bin/env python3
"""PyTorch peer of NeuralBench: the same separable critic, objective, optimiser and data in the staircase setup.

usage: python3 peer_torch.py [batch=64] [steps=2000] [torch_threads=2] [profile]
The issue's peer settings are torch threads 2 (torch.set_num_threads) and OpenBLAS threads 1: OPENBLAS_NUM_THREADS
is set to 1 here before torch loads unless the caller set it. float32, two MLPs 20 -> 256 -> 256 -> 32 (ReLU),
scores g(x) h(y)^T, InfoNCE, Adam 5e-4, a fresh 20-d Gaussian batch (I = 4 nats) every step, the estimate read
back every step. Prints one JSON line like NeuralBench; with `profile`, the phases of a step in thread CPU time
(like `NeuralBench profile`).
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402

batch = int(sys.argv[1]) if len(sys.argv) > 1 else 64
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
profile = len(sys.argv) > 4 and sys.argv[4] == "profile"
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
phases = ["sample", "zero_grad", "forward", "loss", "backward", "adam", "item"]
totals = [0.0] * len(phases)


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


def profiled_step():
    clock = time.thread_time
    marks = [clock()]
    x = torch.randn(batch, dim)
    y = rho * x + noise * torch.randn(batch, dim)
    marks.append(clock())
    opt.zero_grad()
    marks.append(clock())
    scores = g(x) @ h(y).t()
    marks.append(clock())
    value = infonce(scores)
    marks.append(clock())
    (-value).backward()
    marks.append(clock())
    opt.step()
    marks.append(clock())
    last = value.item()
    marks.append(clock())
    for i in range(len(phases)):
        totals[i] += marks[i + 1] - marks[i]
    return last


for _ in range(min(100, steps // 10)):
    step()
run = profiled_step if profile else step
start, cpu_start = time.perf_counter(), time.process_time()
last = 0.0
for _ in range(steps):
    last = run()
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
if profile:
    print(json.dumps({"impl": "pytorch-profile " + torch.__version__, "batch": batch, "steps": steps, "threads": threads,
                      "us_per_step": {p: round(t * 1e6 / steps, 1) for p, t in zip(phases, totals)},
                      "total_us": round(sum(totals) * 1e6 / steps, 1)}))
else:
    print(json.dumps({"impl": "pytorch " + torch.__version__, "critic": "separable", "objective": "infonce",
                      "batch": batch, "steps": steps, "threads": threads,
                      "openblas_threads": os.environ["OPENBLAS_NUM_THREADS"],
                      "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "default"), "seconds": round(seconds, 3),
                      "steps_per_s": round(steps / seconds, 1), "cpu_seconds": round(cpu_seconds, 3),
                      "steps_per_cpu_s": round(steps / cpu_seconds, 1), "last_estimate": round(last, 3)}))
