#!/usr/bin/python3
"""Reference KSG-CMI (Frenzel & Pompe 2007 / Vejmelka & Palus 2008) with scipy's cKDTree, max-norm.

Usage: cmi_scipy.py FILE.csv [--k 3] [--workers 1] [--time]
Columns named X..., Y..., Z... form X, Y and Z. No standardisation and no tie noise, so
`mi estimate FILE --z Z... --estimator ksg-cmi --no-standardize --tie-noise 0 --splits 0` must agree to rounding.
eps_i = distance to the k-th neighbour in the joint space; n_w = #{j != i : |w_j - w_i|_inf <= nextafter(eps_i, 0)}
for w = XZ, YZ, Z; CMI = psi(k) - mean(psi(n_xz + 1) + psi(n_yz + 1) - psi(n_z + 1)).
With --time, the compute time (excluding CSV reading) goes to stderr.
"""
import argparse
import sys
import time

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma


def ksg_cmi(x, y, z, k=3, workers=1):
    xyz = np.hstack((x, y, z))
    dist, _ = cKDTree(xyz).query(xyz, k=k + 1, p=np.inf, workers=workers)
    radius = np.nextafter(dist[:, -1], 0)

    def count(w):
        return cKDTree(w).query_ball_point(w, radius, p=np.inf, return_length=True, workers=workers)

    # query_ball_point counts the point itself, so these are n_w + 1 already.
    nxz, nyz, nz = count(np.hstack((x, z))), count(np.hstack((y, z))), count(z)
    return digamma(k) - np.mean(digamma(nxz) + digamma(nyz) - digamma(nz))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--k", type=int, default=3)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--time", action="store_true")
    a = p.parse_args()
    with open(a.file) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(a.file, delimiter=",", skiprows=1, ndmin=2)
    pick = lambda c: data[:, [i for i, h in enumerate(header) if h.startswith(c)]]
    x, y, z = pick("X"), pick("Y"), pick("Z")
    t0, c0 = time.perf_counter(), time.process_time()
    value = ksg_cmi(x, y, z, a.k, a.workers)
    if a.time:
        print(f"compute {time.perf_counter() - t0:.4f} s wall, {time.process_time() - c0:.4f} s cpu", file=sys.stderr)
    print(repr(float(value)))


if __name__ == "__main__":
    main()
