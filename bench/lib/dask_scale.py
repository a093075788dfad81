#!/usr/bin/python3
"""The peer side of bench/scale: dask 2022.12's threaded scheduler on a large local Zarr array.

usage: dask_scale.py mip|mean ARRAY_DIR
Computes the z-projection (max over axis 0) or the mean once; prints seconds=, the result (the
projection's sum and the sha256 of its little-endian bytes, or the mean), the process's CPU time
(all threads, imports included) and its peak RSS in MiB.
"""
import hashlib
import resource
import sys
import time

import dask
import dask.array as da
import zarr

what, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
a = da.from_zarr(zarr.open(path, mode="r"))
if what == "mip":
    v = a.max(axis=0).compute(scheduler="threads")
    result = "%d %s" % (int(v.astype("int64").sum()), hashlib.sha256(v.astype("<u2").tobytes()).hexdigest())
else:
    result = repr(float(a.mean().compute(scheduler="threads")))
t1 = time.perf_counter()
print("seconds=%r" % (t1 - t0))
print("cpu_seconds=%r" % time.process_time())
print("result=%s" % result)
print("rss_mib=%d" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
print("workers=%d" % dask.system.CPU_COUNT)
