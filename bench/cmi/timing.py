#!/usr/bin/python3
"""KSG-CMI speed and agreement: `mi estimate --z … --estimator ksg-cmi --splits 0` (point estimate only, as the
peer computes) against the scipy cKDTree reference cmi_scipy.py, on the same numbers (--no-standardize
--tie-noise 0, so the values must agree to rounding). End to end (process start, CSV reading, estimate), best of
REPS wall times per side; and compute only (no process start-up or CSV reading: mi's "elapsed_seconds", the
peer's own timer around ksg_cmi), best of REPS. Like against like: mi --threads 1 against the peer with workers=1
(one core each), and mi with its default threads (all cores) against workers=-1 (all cores).

mi is the Native AOT build, published first by `dotnet publish src/MutualInfo.Cli -c Release -r linux-x64
-p:PublishAot=true` (the command this script runs unless --mi names another binary; it needs clang and zlib1g-dev). To
time the ReadyToRun build instead, publish it elsewhere and name it: `dotnet publish src/MutualInfo.Cli -c Release -r
linux-x64 -o /tmp/mi-r2r` then `timing.py --mi /tmp/mi-r2r/mi`.

Usage: timing.py [--mi PATH] [--reps 3]
"""
import argparse
import json
import os
import subprocess
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../.."))
PUBLISHED = os.path.join(ROOT, "src/MutualInfo.Cli/bin/Release/net10.0/linux-x64/publish/mi")


def publish():
    # The Native AOT build (see src/MutualInfo.Cli/MutualInfo.Cli.csproj), rebuilt so a stale binary is never timed.
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src/MutualInfo.Cli"), "-c", "Release", "-r", "linux-x64",
                    "-p:PublishAot=true", "--nologo", "-v", "quiet"], check=True, stdout=subprocess.DEVNULL)
    return PUBLISHED


def write(path, rng, n, d):
    # Gaussian chain-like data with a direct X–Y link: X, Y, Z each d-dimensional.
    z = rng.standard_normal((n, d))
    x = 0.7 * z + 0.7 * rng.standard_normal((n, d))
    y = 0.5 * z + 0.4 * x + 0.7 * rng.standard_normal((n, d))
    cols = [f"X{i + 1}" for i in range(d)] + [f"Y{i + 1}" for i in range(d)] + [f"Z{i + 1}" for i in range(d)]
    np.savetxt(path, np.hstack((x, y, z)), delimiter=",", header=",".join(cols), comments="", fmt="%.17g")
    return ",".join(cols[2 * d:])


def best(cmd, reps):
    times, computes, out = [], [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        out = done.stdout
        if done.stderr.startswith("compute "):
            computes.append(float(done.stderr.split()[1]))
        elif out.lstrip().startswith("{"):
            computes.append(json.loads(out)["elapsed_seconds"])
    return min(times), min(computes), out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mi", help="the mi binary to time (default: publish the Native AOT build and time it)")
    p.add_argument("--reps", type=int, default=3)
    a = p.parse_args()
    a.mi = a.mi or publish()
    rng = np.random.default_rng(20261130)
    load = lambda: open("/proc/loadavg").read().split()[:3]
    print(f"# KSG-CMI timing ({time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}, {os.cpu_count()} cores, load {' '.join(load())}, mi = {a.mi})\n")
    print("Seconds end to end / compute only (best of REPS); speed-ups end to end / compute:\n")
    print("| data | mi 1 thread | scipy workers=1 | speed-up (1 core) | mi all cores | scipy workers=-1 | speed-up (all cores) | mi value | scipy value | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n, d in ((5000, 1), (5000, 2), (50000, 1), (20000, 3)):
            path = os.path.join(tmp, "d.csv")
            zcols = write(path, rng, n, d)
            xcols = ",".join(f"X{i + 1}" for i in range(d))
            ycols = ",".join(f"Y{i + 1}" for i in range(d))
            ours = [a.mi, "estimate", path, "--x", xcols, "--y", ycols, "--z", zcols, "--estimator", "ksg-cmi",
                    "--splits", "0", "--no-standardize", "--tie-noise", "0", "--json", "-"]
            t_mi1, c_mi1, out = best(ours + ["--threads", "1"], a.reps)
            t_mi, c_mi, _ = best(ours, a.reps)
            value = json.loads(out)["mi"]
            t_1, c_1, peer = best([os.path.join(HERE, "cmi_scipy.py"), path, "--workers", "1", "--time"], a.reps)
            t_all, c_all, _ = best([os.path.join(HERE, "cmi_scipy.py"), path, "--workers", "-1", "--time"], a.reps)
            print(f"| n={n}, {d}+{d}+{d} | {t_mi1:.3f} / {c_mi1:.3f} | {t_1:.3f} / {c_1:.3f} | {t_1 / t_mi1:.1f}× / {c_1 / c_mi1:.1f}× | "
                  f"{t_mi:.3f} / {c_mi:.3f} | {t_all:.3f} / {c_all:.3f} | {t_all / t_mi:.1f}× / {c_all / c_mi:.1f}× | "
                  f"{value:.12f} | {float(peer):.12f} | {' '.join(load())} |")

if __name__ == "__main__":
    main()
