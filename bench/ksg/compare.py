#!/usr/bin/python3
"""Agreement of `mi bmi` with scikit-learn (1-d, default settings, to 1e-3) and with the scipy cKDTree
reference (multi-d, both KSG variants, on the same standardised numbers: --no-standardize --tie-noise 0, to 1e-9).

Usage: compare.py [--mi PATH_TO_mi] [--out results.md]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ksg_scipy import ksg  # noqa: E402
from sklearn.feature_selection import mutual_info_regression  # noqa: E402


def write_csv(path, x, y):
    header = ",".join([f"X{i + 1}" for i in range(x.shape[1])] + [f"Y{i + 1}" for i in range(y.shape[1])])
    np.savetxt(path, np.hstack((x, y)), delimiter=",", header=header, comments="", fmt="%.17g")


def mi_bmi(mi, path, dx, dy, *extra):
    out = subprocess.run([mi, "bmi", path, str(dx), str(dy), *extra], check=True, capture_output=True, text=True)
    return float(out.stdout)


def gaussian(rng, n, d, mi, transform=None):
    rho = np.sqrt(1 - np.exp(-2 * mi / d))
    x = rng.standard_normal((n, d))
    y = rho * x + np.sqrt(1 - rho**2) * rng.standard_normal((n, d))
    if transform is not None:
        x, y = transform(x), transform(y)
    return x, y


def main():
    p = argparse.ArgumentParser()
    default_mi = os.path.join(HERE, "../../src/MutualInfo.Cli/bin/Release/net10.0/mi")
    p.add_argument("--mi", default=default_mi)
    a = p.parse_args()
    rng = np.random.default_rng(20261129)
    rows, worst_sk, worst_sp = [], 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "d.csv")
        # 1-d vs scikit-learn's mutual_info_regression, default settings on both sides (plain KSG: `--estimator ksg`;
        # the default ksg-copula is a different, bias-corrected number).
        for n, true_mi, tr in [(1000, 0.2, None), (5000, 0.5, None), (5000, 1.0, np.cbrt), (20000, 2.0, None), (5000, 0.5, np.sinh)]:
            x, y = gaussian(rng, n, 1, true_mi, tr)
            write_csv(path, x, y)
            ours = mi_bmi(a.mi, path, 1, 1, "--estimator", "ksg")
            theirs = mutual_info_regression(x, y[:, 0], n_neighbors=3, random_state=0)[0]
            worst_sk = max(worst_sk, abs(ours - theirs))
            rows.append(f"| sklearn 1-d | n={n} I={true_mi} {'' if tr is None else tr.__name__} | ksg | {ours:.10f} | {theirs:.10f} | {abs(ours - theirs):.2e} |")
        # Multi-d vs the scipy cKDTree reference on identical (already standardised) numbers.
        for n, d, true_mi in [(2000, 2, 1.0), (5000, 3, 1.0), (5000, 5, 2.0), (20000, 2, 0.5)]:
            x, y = gaussian(rng, n, d, true_mi)
            z = np.hstack((x, y))
            z = (z - z.mean(axis=0)) / z.std(axis=0)
            x, y = z[:, :d], z[:, d:]
            write_csv(path, x, y)
            x, y = (np.loadtxt(path, delimiter=",", skiprows=1)[:, s] for s in (slice(0, d), slice(d, 2 * d)))
            for variant, name in [(1, "ksg"), (2, "ksg2")]:
                ours = mi_bmi(a.mi, path, d, d, "--no-standardize", "--tie-noise", "0", "--estimator", name)
                theirs = ksg(np.ascontiguousarray(x), np.ascontiguousarray(y), 3, variant)
                worst_sp = max(worst_sp, abs(ours - theirs))
                rows.append(f"| scipy {d}-d | n={n} I={true_mi} | {name} | {ours:.12f} | {theirs:.12f} | {abs(ours - theirs):.2e} |")
    print("| peer | data | estimator | mi bmi | peer | abs diff |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nmax |diff| vs sklearn: {worst_sk:.2e} (target 1e-3); vs scipy: {worst_sp:.2e} (target 1e-9)")
    sys.exit(0 if worst_sk <= 1e-3 and worst_sp <= 1e-9 else 1)


if __name__ == "__main__":
    main()
