#!/usr/bin/python3
"""scikit-learn peer for KSG estimator 1.

Usage: sklearn_peer.py FILE.csv DIM_X DIM_Y [--k 3] [--time]
1-d vs 1-d: sklearn.feature_selection.mutual_info_regression itself (it scales each variable by its sd and
adds 1e-10-relative noise, random_state=0). Multi-d: sklearn has no multivariate KSG, so this runs
_compute_mi_cc's recipe (NearestNeighbors 'chebyshev' for eps, KDTree.query_radius at nextafter(eps, 0) for
the marginal counts) on the joint/marginal spaces, on the numbers as written. Prints the estimate
(sklearn clips negative estimates to 0 in 1-d).
"""
import argparse
import sys
import time

import numpy as np
from scipy.special import digamma
from sklearn.feature_selection import mutual_info_regression
from sklearn.neighbors import KDTree, NearestNeighbors


def ksg_sklearn_multid(x, y, k):
    n = x.shape[0]
    xy = np.hstack((x, y))
    nn = NearestNeighbors(metric="chebyshev", n_neighbors=k).fit(xy)
    radius = np.nextafter(nn.kneighbors()[0][:, -1], 0)
    nx = KDTree(x, metric="chebyshev").query_radius(x, radius, count_only=True) - 1.0
    ny = KDTree(y, metric="chebyshev").query_radius(y, radius, count_only=True) - 1.0
    return digamma(n) + digamma(k) - np.mean(digamma(nx + 1)) - np.mean(digamma(ny + 1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("dim_x", type=int)
    p.add_argument("dim_y", type=int)
    p.add_argument("--k", type=int, default=3)
    p.add_argument("--time", action="store_true")
    a = p.parse_args()
    data = np.loadtxt(a.file, delimiter=",", skiprows=1, ndmin=2)
    x, y = data[:, : a.dim_x], data[:, a.dim_x : a.dim_x + a.dim_y]
    start, cpu_start = time.perf_counter(), time.process_time()
    if a.dim_x == 1 and a.dim_y == 1:
        mi = mutual_info_regression(x, y[:, 0], n_neighbors=a.k, random_state=0)[0]
    else:
        mi = ksg_sklearn_multid(np.ascontiguousarray(x), np.ascontiguousarray(y), a.k)
    if a.time:
        print(f"compute {time.perf_counter() - start:.4f} s cpu {time.process_time() - cpu_start:.4f} s", file=sys.stderr)
    print(repr(float(mi)))


if __name__ == "__main__":
    main()
