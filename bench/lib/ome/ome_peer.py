#!/usr/bin/python3
"""The peer side of bench/ome-info and bench/ome-download: zarr-python 2.13 over fsspec's HTTP
filesystem (Debian python3-zarr python3-fsspec python3-aiohttp), doing what ome-zarr-py 0.8
does underneath (ome-zarr-py itself is not packaged in Debian and PyPI is unreachable here).

info:     for every node ome-zarr-py visits (image, labels, each label) open the location as
          ZarrLocation does (.zarray, .zgroup, .zattrs through an FSStore, again after the
          version is detected, as its format re-detection does), then open each pyramid
          level's array (.zarray) as dask.array.from_zarr does.
download: copy image, labels and masks (the same arrays our download copies) by reading every
          array from the HTTP store and writing it with the same chunks and compressor.
usage: ome_peer.py info|download URL RUNS [OUT_DIR]; prints seconds=<median> and first=<s>.
       ome_peer.py serve: one run per line read from stdin ("info URL" or "download URL OUT_DIR"),
       answering each with a line "seconds=<s>", so that a driver can alternate its runs with ours.
"""
import json
import os
import shutil
import statistics
import sys
import time

import zarr
from zarr.storage import FSStore


def get_json(store, key):
    try:
        data = store.get(key)
        return json.loads(data) if data else {}
    except KeyError:
        return {}


def location(url, sep):
    store = FSStore(url, mode="r", dimension_separator=sep)
    meta = {k: get_json(store, k) for k in (".zarray", ".zgroup")}
    meta[".zattrs"] = get_json(store, ".zattrs") if (meta[".zgroup"] or meta[".zarray"]) else {}
    return store, meta


def node(url, nodes, arrays):
    # ome-zarr-py opens with the current format (0.4, '/'), detects 0.1 and opens again with '.'.
    store, meta = location(url, "/")
    if not (meta[".zgroup"] or meta[".zarray"]):
        return
    attrs = meta[".zattrs"]
    ms = attrs.get("multiscales")
    version = ms[0].get("version", "0.1") if ms else None
    if version in ("0.1",):
        store, meta = location(url, ".")
    nodes.append(url)
    for name in attrs.get("labels", []):
        node(url.rstrip("/") + "/" + name, nodes, arrays)
    if ms and meta[".zgroup"]:
        for d in ms[0]["datasets"]:
            a = zarr.open_array(store, mode="r", path=d["path"])
            arrays.append((url, d["path"], a))
        node(url.rstrip("/") + "/labels", nodes, arrays)


def info(url):
    nodes, arrays = [], []
    node(url, nodes, arrays)
    return nodes, arrays


def download(url, out):
    nodes, arrays = info(url)
    # masks/ too, so that both sides copy the same arrays
    node(url.rstrip("/") + "/masks", nodes, arrays)
    name = url.rstrip("/").split("/")[-1]
    root = os.path.join(out, name)
    total = 0
    for u in nodes:
        rel = u[len(url):].strip("/")
        g = zarr.open_group(os.path.join(root, rel), mode="a")
        attrs = get_json(FSStore(u, mode="r"), ".zattrs")
        g.attrs.update(attrs)
    for u, path, src in arrays:
        rel = u[len(url):].strip("/")
        dst = zarr.open_array(os.path.join(root, rel, path), mode="w", shape=src.shape, chunks=src.chunks,
                              dtype=src.dtype, compressor=src.compressor, fill_value=src.fill_value, order=src.order)
        dst[...] = src[...]
        total += src.nbytes
    return total


def timed(what, url, out=None):
    if what == "download":
        shutil.rmtree(out, ignore_errors=True)
        os.sync()  # as bench/lib/ome/OmeBench.java does before each of our runs
        t0 = time.perf_counter()
        download(url, out)
        return time.perf_counter() - t0
    t0 = time.perf_counter()
    info(url)
    return time.perf_counter() - t0


def serve():
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        print("seconds=%.4f" % timed(words[0], words[1], words[2] if len(words) > 2 else None), flush=True)


def main():
    if sys.argv[1] == "serve":
        serve()
        return
    what, url, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    times = []
    for i in range(runs):
        if what == "download":
            out = sys.argv[4] + "-%d" % i
            shutil.rmtree(out, ignore_errors=True)
            os.sync()  # as bench/lib/ome/OmeBench.java does before each of our runs
            t0 = time.perf_counter()
            download(url, out)
            times.append(time.perf_counter() - t0)
            # kept until bench/ome-download ends, as ours are (deleting right before the next
            # run's file creations slows them on ext4)
        else:
            t0 = time.perf_counter()
            nodes, arrays = info(url)
            times.append(time.perf_counter() - t0)
    print("first=%.4f" % times[0])
    print("seconds=%.4f" % statistics.median(times))


if __name__ == "__main__":
    main()
