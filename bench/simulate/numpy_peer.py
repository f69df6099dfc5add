#!/usr/bin/python3
"""Vectorised numpy peer of `mi simulate` for the 20-d Gaussian (bench only; Debian's python3-numpy).

Computes the same quantities as `mi simulate --bounds infonce,mean-field,loo-upper` with the exact critic
log r(x, y) = log p(y|x) - log p(y), in the straightforward vectorised way a Python user would write it:
  inbatch:      n x n score matrix per batch (X @ Y.T through BLAS), column logsumexp.
  independent:  per positive, n-1 fresh negatives x̄ ~ N(0, I_d) sampled in full and scored against y.
Prints one line per (mode, n) with the means, and the wall time of the computation.
"""
import argparse
import time

import numpy as np


def rho_for(mi, d):
    return np.sqrt(1.0 - np.exp(-2.0 * mi / d))


def log_ratio(X, Y, rho):
    """S[i, j] = log r(x_i, y_j) for the Gaussian family Y = rho X + sqrt(1 - rho^2) eps."""
    d = X.shape[1]
    s2 = 1.0 - rho * rho
    yy = np.einsum("ij,ij->i", Y, Y)
    xx = np.einsum("ij,ij->i", X, X)
    cross = X @ Y.T
    return (-0.5 * d * np.log(s2)
            - (yy[None, :] - 2.0 * rho * cross + rho * rho * xx[:, None]) / (2.0 * s2)
            + 0.5 * yy[None, :])


def logsumexp(a, axis):
    m = np.max(a, axis=axis, keepdims=True)
    return np.squeeze(m, axis) + np.log(np.sum(np.exp(a - m), axis=axis))


def in_batch(rng, mi, d, n, batches):
    rho = rho_for(mi, d)
    nce, mf, loo = [], [], []
    for _ in range(batches):
        X = rng.standard_normal((n, d))
        Y = rho * X + np.sqrt(1 - rho * rho) * rng.standard_normal((n, d))
        S = log_ratio(X, Y, rho)
        pos = np.diag(S).copy()
        nce.append(np.log(n) + np.mean(pos - logsumexp(S, axis=0)))
        mf.append(np.log(n) + np.mean(pos - np.logaddexp(pos, np.log(n - 1))))
        np.fill_diagonal(S, -np.inf)
        loo.append(np.mean(pos - (logsumexp(S, axis=0) - np.log(n - 1))))
    return np.mean(nce), np.mean(mf), np.mean(loo)


def independent(rng, mi, d, n, trials):
    rho = rho_for(mi, d)
    s2 = 1.0 - rho * rho
    nce, mf, loo = [], [], []
    for _ in range(trials):
        x = rng.standard_normal(d)
        y = rho * x + np.sqrt(s2) * rng.standard_normal(d)
        xbar = rng.standard_normal((n - 1, d))
        scores = log_ratio(np.vstack([x[None, :], xbar]), y[None, :], rho)[:, 0]
        pos, neg = scores[0], scores[1:]
        lse_all = logsumexp(scores, axis=0)
        nce.append(np.log(n) + pos - lse_all)
        mf.append(np.log(n) + pos - np.logaddexp(pos, np.log(n - 1)))
        loo.append(pos - (logsumexp(neg, axis=0) - np.log(n - 1)))
    return np.mean(nce), np.mean(mf), np.mean(loo)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["inbatch", "independent"])
    p.add_argument("--mi", type=float, default=10.0)
    p.add_argument("--dim", type=int, default=20)
    p.add_argument("--n", type=int, nargs="+", default=[4096])
    p.add_argument("--trials", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    start = time.perf_counter()
    for n in a.n:
        f = in_batch if a.mode == "inbatch" else independent
        nce, mf, loo = f(rng, a.mi, a.dim, n, a.trials)
        print(f"{a.mode} n={n} infonce={nce:.4f} mean-field={mf:.4f} loo-upper={loo:.4f}")
    print(f"seconds={time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
