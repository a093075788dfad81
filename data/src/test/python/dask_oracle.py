#!/usr/bin/python3
"""Expected results for frontier.array tests, computed with numpy and dask 2022.12.

usage: dask_oracle.py SPEC.json OUT_DIR

SPEC lists inputs (name, shape, dtype, chunks, seed) and cases (an input and a list of
steps). For every input this writes OUT_DIR/<input>.bin (little-endian C order) and a
zarr-python array OUT_DIR/<input>.zarr (compressor=None); for every case OUT_DIR/<case>.bin
with the computed result and an entry in OUT_DIR/results.json: shape, dtype, chunks, task
and layer counts; or the error's type. (Dask's HTML table and SVG: display/src/test/python/reprs.py.)
"""
import json
import os
import subprocess
import sys

import numpy as np
import dask
import dask.array as da
import zarr


def make_input(spec):
    rng = np.random.default_rng(spec["seed"])
    shape = tuple(spec["shape"])
    dt = np.dtype(spec["dtype"])
    if dt.kind in "iu":
        info = np.iinfo(dt)
        lo = spec.get("low", int(info.min))
        hi = spec.get("high", int(info.max))
        a = rng.integers(lo, hi, size=shape, endpoint=True, dtype=dt)
    elif dt.kind == "b":
        a = rng.integers(0, 1, size=shape, endpoint=True).astype(bool)
    else:
        a = (rng.standard_normal(size=shape) * 100).astype(dt)
    return a


def index_item(item):
    if isinstance(item, dict):
        s = item["s"]
        return slice(s[0], s[1], s[2])
    if item == "...":
        return Ellipsis
    return item


def apply(x, step, arrays):
    op = step["op"]
    if op == "get":
        return x[tuple(index_item(i) for i in step["index"])]
    if op in ("add", "sub", "mul", "div", "rsub", "rdiv"):
        if "otherReduce" in step:
            other = getattr(x, step["otherReduce"])()
        else:
            other = arrays[step["other"]] if "other" in step else step["scalar"]
        f = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
             "div": lambda a, b: a / b, "rsub": lambda a, b: b - a, "rdiv": lambda a, b: b / a}[op]
        return f(x, other)
    if op == "astype":
        return x.astype(step["dtype"])
    if op == "rechunk":
        return x.rechunk(tuple(step["chunks"]))
    if op in ("sum", "mean", "min", "max", "std"):
        axes = step.get("axes")
        return getattr(x, op)(axis=None if axes is None else tuple(axes))
    if op == "maxProjection":
        return x.max(axis=step["axis"])
    raise ValueError("unknown op " + op)


def main():
    spec = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    dask.config.set(scheduler="synchronous")
    arrays, numpy_inputs = {}, {}
    for inp in spec["inputs"]:
        name = inp["name"]
        if inp.get("omeZarr"):
            # the repo's fixture generator (zarr-python, blosc lz4 + shuffle, '>u2'), level 0
            image = os.path.join(out, name + ".ome.zarr")
            subprocess.run([sys.executable, inp["generator"], image, "--size", inp["omeZarr"]],
                           check=True, stdout=subprocess.DEVNULL)
            arrays[name] = da.from_zarr(zarr.open(os.path.join(image, "0"), mode="r"))
            continue
        if inp.get("metadataOnly"):
            z = zarr.open(os.path.join(out, name + ".zarr"), mode="w", shape=tuple(inp["shape"]),
                          chunks=tuple(inp["chunks"]), dtype=inp["dtype"], compressor=None)
            arrays[name] = da.from_zarr(z)
            continue
        a = make_input(inp)
        numpy_inputs[name] = a
        a.astype(a.dtype.newbyteorder("<")).tofile(os.path.join(out, name + ".bin"))
        z = zarr.open(os.path.join(out, name + ".zarr"), mode="w", shape=a.shape,
                      chunks=tuple(inp["chunks"]), dtype=a.dtype, compressor=None)
        z[...] = a
        arrays[name] = da.from_zarr(z)
    results = {}
    for case in spec["cases"]:
        x = arrays[case["input"]]
        r = {}
        try:
            for step in case["steps"]:
                x = apply(x, step, arrays)
            r["shape"] = list(x.shape)
            r["dtype"] = x.dtype.name
            r["chunks"] = [list(c) for c in x.chunks]
            r["chunksize"] = list(x.chunksize)
            r["npartitions"] = x.npartitions
            r["tasks"] = len(x.__dask_graph__())
            r["layers"] = len(x.dask.layers)
            if not case.get("metadataOnly"):
                v = np.asarray(x.compute())
                v.astype(v.dtype.newbyteorder("<")).tofile(os.path.join(out, case["name"] + ".bin"))
        except Exception as e:  # the Java side expects the same kind of refusal
            r = {"error": type(e).__name__, "message": str(e)}
        results[case["name"]] = r
    json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
