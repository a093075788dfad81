#!/usr/bin/python3
"""Times dask 2022.12's threaded scheduler on a local Zarr array (run by bench/mip and bench/mean).

usage: dask_bench.py mip|mean ARRAY_DIR RUNS
One warm-up run, then RUNS timed runs; prints seconds=<median> and the result.
"""
import statistics
import sys
import time

import dask
import dask.array as da
import zarr

what, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times, result = [], None
for r in range(-1, runs):
    t0 = time.perf_counter()
    a = da.from_zarr(zarr.open(path, mode="r"))
    if what == "mip":
        v = a[0, 1, :, :, :].max(axis=0).compute(scheduler="threads")
        result = int(v.astype("int64").sum())
    else:
        result = float(a.mean().compute(scheduler="threads"))
    t1 = time.perf_counter()
    if r >= 0:
        times.append(t1 - t0)
print("seconds=%r" % statistics.median(times))
print("workers=%d" % dask.system.CPU_COUNT)
print("result=%r" % result)
