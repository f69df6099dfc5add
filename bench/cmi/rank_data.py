#!/usr/bin/python3
"""Writes the `mi rank` timing data of docs/conditional.md: 200 features × 10 000 rows (standard normal;
f3 = f0 + 0.3 ε; f10 ∈ {0…3}, to be marked --discrete) and target = f0 + 0.7 f1 + 0.5 tanh(f2) + 0.3 f10 + ε.

Usage: rank_data.py OUT.csv [--rows 10000] [--features 200] [--seed 1]
Then: time mi rank OUT.csv --target target --discrete f10 --json rank.json --plot rank.png
"""
import argparse

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--features", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    f = rng.standard_normal((a.rows, a.features))
    f[:, 3] = f[:, 0] + 0.3 * rng.standard_normal(a.rows)
    f[:, 10] = rng.integers(0, 4, a.rows)
    target = f[:, 0] + 0.7 * f[:, 1] + 0.5 * np.tanh(f[:, 2]) + 0.3 * f[:, 10] + rng.standard_normal(a.rows)
    header = ",".join([f"f{i}" for i in range(a.features)] + ["target"])
    np.savetxt(a.out, np.column_stack((f, target)), delimiter=",", header=header, comments="", fmt="%.10g")


if __name__ == "__main__":
    main()
