#!/usr/bin/python3
"""Times Dask distributed 2022.12 (Debian python3-distributed) on Zarr arrays read over HTTP (run by
bench/cluster): LocalCluster(n_workers=2, threads_per_worker=1), the workers reading each chunk from the
loopback server through fsspec. Each URL is read once, in the order given, after one warm-up on the
first URL: the max projection over z of channel 1 (mip) or the mean of the whole array (mean).

usage: dask_cluster.py WARM_URL mip|mean URL [mip|mean URL ...]
Prints one line per timed run: "<what> seconds=<s> result=<checksum or mean>".
"""
import sys
import time

import dask.array as da
import zarr
from distributed import Client, LocalCluster


def run(what, url):
    t0 = time.perf_counter()
    a = da.from_zarr(zarr.open_array(url, mode="r"))  # opening is part of the work, as on our side
    if what == "mip":
        v = a[0, 1].max(axis=0).compute()
        result = int(v.astype("int64").sum())
    else:
        result = float(a.mean().compute())
    return time.perf_counter() - t0, result


def main():
    warm, jobs = sys.argv[1], sys.argv[2:]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           host="127.0.0.1", silence_logs=40)
    with cluster, Client(cluster):
        run("mip", warm)
        run("mean", warm)
        for i in range(0, len(jobs), 2):
            what, url = jobs[i], jobs[i + 1]
            s, result = run(what, url)
            print("%s seconds=%r result=%r" % (what, s, result), flush=True)


if __name__ == "__main__":
    main()
