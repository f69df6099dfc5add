#!/usr/bin/python3
"""Writes correlated Gaussian samples in the BMI layout (X1..Xd, Y1..Yd), values already standardised.

Usage: make_data.py OUT.csv N DIM MI [--seed S] [--transform none|cube]
Y = rho X + sqrt(1 - rho^2) eps coordinate-wise, rho chosen so that I(X;Y) = MI nats.
"""
import argparse

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("n", type=int)
    p.add_argument("dim", type=int)
    p.add_argument("mi", type=float)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--transform", default="none", choices=("none", "cube"))
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    rho = np.sqrt(1 - np.exp(-2 * a.mi / a.dim))
    x = rng.standard_normal((a.n, a.dim))
    y = rho * x + np.sqrt(1 - rho**2) * rng.standard_normal((a.n, a.dim))
    if a.transform == "cube":
        x, y = x**3, y**3
    data = np.hstack((x, y))
    data = (data - data.mean(axis=0)) / data.std(axis=0)
    header = ",".join([f"X{i + 1}" for i in range(a.dim)] + [f"Y{i + 1}" for i in range(a.dim)])
    np.savetxt(a.out, data, delimiter=",", header=header, comments="", fmt="%.17g")


if __name__ == "__main__":
    main()
