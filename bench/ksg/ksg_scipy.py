#!/usr/bin/python3
"""Reference KSG (Kraskov et al. 2004) with scipy's cKDTree, max-norm, multivariate X and Y.

Usage: ksg_scipy.py FILE.csv DIM_X DIM_Y [--k 3] [--variant 1|2] [--time]
The first DIM_X columns are X, the next DIM_Y are Y (the BMI layout). No standardisation and no tie noise:
it estimates on the numbers as written, so `mi bmi FILE DIM_X DIM_Y --no-standardize --tie-noise 0` must agree
to rounding. Counting is scikit-learn's: n_x = #{j != i : |x_j - x_i|_inf <= nextafter(eps_i, 0)}.
With --time, the compute time (excluding CSV reading) goes to stderr.
"""
import argparse
import sys
import time

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma


def ksg(x, y, k=3, variant=1):
    n = x.shape[0]
    xy = np.hstack((x, y))
    dist, idx = cKDTree(xy).query(xy, k=k + 1, p=np.inf, workers=-1)
    dist, idx = dist[:, 1:], idx[:, 1:]  # drop the point itself (first, at distance 0)
    if variant == 1:
        radius = np.nextafter(dist[:, -1], 0)
        nx = cKDTree(x).query_ball_point(x, radius, p=np.inf, return_length=True, workers=-1) - 1
        ny = cKDTree(y).query_ball_point(y, radius, p=np.inf, return_length=True, workers=-1) - 1
        return digamma(n) + digamma(k) - np.mean(digamma(nx + 1)) - np.mean(digamma(ny + 1))
    ex = np.max(np.abs(x[idx] - x[:, None, :]).max(axis=2), axis=1)
    ey = np.max(np.abs(y[idx] - y[:, None, :]).max(axis=2), axis=1)
    nx = cKDTree(x).query_ball_point(x, ex, p=np.inf, return_length=True, workers=-1) - 1
    ny = cKDTree(y).query_ball_point(y, ey, p=np.inf, return_length=True, workers=-1) - 1
    return digamma(k) - 1.0 / k + digamma(n) - np.mean(digamma(nx) + digamma(ny))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("dim_x", type=int)
    parser.add_argument("dim_y", type=int)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--variant", type=int, default=1, choices=(1, 2))
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args()
    data = np.loadtxt(args.file, delimiter=",", skiprows=1, ndmin=2)
    x, y = data[:, : args.dim_x], data[:, args.dim_x : args.dim_x + args.dim_y]
    start, cpu_start = time.perf_counter(), time.process_time()
    mi = ksg(np.ascontiguousarray(x), np.ascontiguousarray(y), args.k, args.variant)
    if args.time:
        print(f"compute {time.perf_counter() - start:.4f} s cpu {time.process_time() - cpu_start:.4f} s", file=sys.stderr)
    print(repr(float(mi)))


if __name__ == "__main__":
    main()
