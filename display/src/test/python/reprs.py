"""The rich forms the Python tools give, for the display module's tests to compare against.

    reprs.py SPEC.json OUT.json

SPEC: {"dask": [{"name", "dtype", "chunks": [[...], ...]}], "zarr": [{"name", "path"}]}
OUT:  {"dask": {name: {"html", "svg", "nbytes", "cbytes"}}, "zarr": {name: html}}

dask 2022.12 (Debian python3-dask) for an array with exactly the given chunks, zarr-python 2.13
(Debian python3-zarr) for the .info of an array on disk.
"""
import json
import math
import sys

spec = json.load(open(sys.argv[1]))
out = {"dask": {}, "zarr": {}}

if spec.get("dask"):
    import dask.array as da
    from dask.utils import format_bytes

    for case in spec["dask"]:
        chunks = tuple(tuple(c) for c in case["chunks"])
        shape = tuple(sum(c) for c in chunks)
        x = da.zeros(shape, dtype=case["dtype"], chunks=chunks)
        try:
            svg = x.to_svg(size=120)
        except NotImplementedError:
            svg = ""
        out["dask"][case["name"]] = {
            "html": x._repr_html_(),
            "svg": svg,
            "nbytes": format_bytes(x.nbytes),
            "cbytes": format_bytes(math.prod(x.chunksize) * x.dtype.itemsize),
        }

if spec.get("zarr"):
    import zarr

    for case in spec["zarr"]:
        # opened writable, as we open arrays ("Read-only: False")
        out["zarr"][case["name"]] = zarr.open_array(case["path"], mode="r+").info._repr_html_()

json.dump(out, open(sys.argv[2], "w"))
