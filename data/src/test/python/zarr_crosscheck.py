#!/usr/bin/python3
"""Cross-checks between zarr-python 2.13 (Debian python3-zarr) and Frontier's Zarr code.

usage:
  zarr_crosscheck.py write OUT      zarr-python writes a matrix of arrays under OUT/data.zarr,
                                    each array's values as read back by zarr-python as raw
                                    little-endian C-order bytes under OUT/raw/NAME.bin, and
                                    OUT/manifest.json describing every case.
  zarr_crosscheck.py read DIR       reads every case listed in DIR/manifest.json (written by the
                                    Java side) with zarr-python and compares values with
                                    DIR/raw/NAME.bin; prints one JSON line per case.
  zarr_crosscheck.py repr DIR       prints repr() of every array listed in DIR/manifest.json as
                                    numpy shows it (native byte order), as JSON {name: repr}.
"""
import json
import os
import sys

import numpy as np
import numcodecs
import zarr

DTYPES = ["|b1", "|i1", "|u1", "<i2", ">i2", "<i4", ">i4", "<i8", ">i8", "<u2", ">u2", "<u4", ">u4",
          "<u8", ">u8", "<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "<c8", ">c8", "<c16", ">c16"]


def values(dtype, shape, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    if dt.kind == "b":
        v = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt.newbyteorder("="), endpoint=True)
    elif dt.kind == "f":
        v = (rng.standard_normal(n) * 1000).astype(dt)
        if n > 3:
            v[1] = np.nan
            v[2] = np.inf
            v[3] = -0.0
    else:
        v = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return v.astype(dt).reshape(shape)


def codec_cases():
    """(label, compressor, filters) for every compressor and filter numcodecs offers here."""
    from numcodecs import Blosc, Zlib, GZip, BZ2, LZMA, Zstd, LZ4, Delta, FixedScaleOffset, AsType, Shuffle
    cases = [("none", None, None), ("zlib", Zlib(level=1), None), ("gzip", GZip(level=5), None),
             ("bz2", BZ2(level=9), None), ("lzma", LZMA(preset=1), None), ("zstd", Zstd(level=3), None),
             ("lz4", LZ4(acceleration=1), None)]
    available = numcodecs.blosc.list_compressors()
    for cname in ["lz4", "lz4hc", "blosclz", "zlib", "zstd", "snappy"]:
        if cname not in available:
            continue
        for shuffle, sname in [(Blosc.NOSHUFFLE, "noshuffle"), (Blosc.SHUFFLE, "shuffle"), (Blosc.BITSHUFFLE, "bitshuffle")]:
            cases.append(("blosc-%s-%s" % (cname, sname), Blosc(cname=cname, clevel=5, shuffle=shuffle), None))
    cases.append(("blosc-lz4-small-blocks", Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE, blocksize=256), None))
    cases.append(("blosc-zstd-clevel0", Blosc(cname="zstd", clevel=0, shuffle=Blosc.SHUFFLE), None))
    cases.append(("filter-delta", Zlib(level=1), [Delta(dtype="<i4")]))
    cases.append(("filter-shuffle", Zlib(level=1), [Shuffle(elementsize=4)]))
    cases.append(("filter-astype", None, [AsType(encode_dtype="<i2", decode_dtype="<i4")]))
    cases.append(("filter-fixedscaleoffset", None, [FixedScaleOffset(offset=1000, scale=10, dtype="<f8", astype="<i4")]))
    try:
        from numcodecs import CRC32
        cases.append(("filter-crc32", Zlib(level=1), [CRC32()]))
    except ImportError:
        pass
    return cases


def write(out):
    os.makedirs(os.path.join(out, "raw"), exist_ok=True)
    store = zarr.DirectoryStore(os.path.join(out, "data.zarr"))
    root = zarr.group(store=store, overwrite=True)
    # attributes in a non-sorted order: zarr-python writes them sorted
    root.attrs.update({"omero": {"name": "x"}, "_creator": {"name": "crosscheck"}, "multiscales": [{"version": "0.4"}]})
    cases = []

    def add(name, dtype, shape, chunks, compressor=None, filters=None, fill_value=0, order="C",
            dimension_separator=None, partial=True, seed=1, data=None, note=""):
        kwargs = {}
        if dimension_separator is not None:
            kwargs["dimension_separator"] = dimension_separator
        z = root.create_dataset(name, shape=shape, chunks=chunks, dtype=dtype, compressor=compressor,
                                filters=filters, fill_value=fill_value, order=order, **kwargs)
        v = values(dtype, shape, seed) if data is None else data
        if partial and len(shape) >= 1 and shape[0] > chunks[0]:
            # leave the first row of chunks missing: they read as the fill value
            z[chunks[0]:] = v[chunks[0]:]
        else:
            z[...] = v
        back = z[...]
        arr = np.asarray(back)
        arr = arr.astype(arr.dtype.newbyteorder("<"))
        with open(os.path.join(out, "raw", name + ".bin"), "wb") as f:
            f.write(arr.tobytes(order="C"))
        cases.append({"name": name, "dtype": dtype, "shape": list(shape), "chunks": list(chunks),
                      "compressor": None if compressor is None else compressor.get_config(),
                      "filters": None if not filters else [f.get_config() for f in filters],
                      "order": order, "note": note})

    for dt in DTYPES:
        safe = dt.replace("<", "le_").replace(">", "be_").replace("|", "")
        fill = {"b": True, "f": 7.5, "c": 0}.get(np.dtype(dt).kind, 5)
        add("dtype_" + safe, dt, (7, 5), (3, 2), compressor=numcodecs.Zlib(level=1), fill_value=fill,
            note="edge chunks, first chunk row missing")
        add("dtype_raw_" + safe, dt, (4, 6), (4, 4), compressor=None, fill_value=0, partial=False,
            note="no compressor")
    for label, comp, filters in codec_cases():
        dt = "<i4" if label.startswith("filter-") and label != "filter-fixedscaleoffset" else ("<f8" if label == "filter-fixedscaleoffset" else ">u2")
        data = None
        if label == "filter-fixedscaleoffset":
            data = np.round(np.random.default_rng(5).uniform(-50, 50, (40, 30)), 1)
        elif dt == ">u2":
            # compressible, image-like values
            data = (np.add.outer(np.arange(40), np.arange(30)) % 97 * 13).astype(dt)
        elif dt == "<i4":
            data = (np.arange(1200).reshape(40, 30) * 3 - 1700).astype(dt)
        add("codec_" + label.replace("-", "_"), dt, (40, 30), (16, 16), compressor=comp, filters=filters,
            data=data, note="codec " + label)
    add("order_f_3d", "<f8", (5, 6, 7), (2, 3, 4), compressor=numcodecs.Zlib(), order="F", note="order F")
    add("order_f_be_u2", ">u2", (9, 8), (4, 3), compressor=numcodecs.Zlib(), order="F", note="order F big-endian")
    add("order_f_c16", "<c16", (3, 4, 5), (2, 2, 2), compressor=None, order="F", note="order F complex")
    add("sep_slash", "<i4", (6, 7, 8), (4, 3, 5), compressor=numcodecs.Zlib(), dimension_separator="/", note="/ separator")
    add("sep_dot", "<i4", (6, 7), (4, 3), compressor=numcodecs.Zlib(), dimension_separator=".", note=". separator explicit")
    add("big_chunks", "<u2", (3, 4), (10, 10), compressor=numcodecs.Zlib(), partial=False, note="chunk larger than array")
    add("fill_nan", "<f4", (6, 4), (2, 4), compressor=numcodecs.Zlib(), fill_value=float("nan"), note="fill NaN")
    add("fill_inf", ">f8", (6, 4), (2, 4), compressor=numcodecs.Zlib(), fill_value=float("inf"), note="fill Infinity")
    add("fill_neginf", "<f2", (6, 4), (2, 4), compressor=numcodecs.Zlib(), fill_value=float("-inf"), note="fill -Infinity")
    add("fill_null", "<i2", (6, 4), (2, 4), compressor=numcodecs.Zlib(), fill_value=None, partial=False, note="fill null")
    add("fill_complex", "<c8", (6, 4), (2, 4), compressor=None, fill_value=(1.5 - 2j), note="fill [re, im]")
    add("fill_bool_false", "|b1", (6, 4), (2, 4), compressor=None, fill_value=False, note="fill false")
    add("fill_u8_max", "<u8", (6, 4), (2, 4), compressor=None, fill_value=np.iinfo(np.uint64).max, note="fill 2^64-1")
    add("fill_i8_min", ">i8", (6, 4), (2, 4), compressor=None, fill_value=np.iinfo(np.int64).min, note="fill -2^63")
    add("one_d", "<i8", (100,), (7,), compressor=numcodecs.Zlib(), note="1-d")
    add("four_d", ">u2", (3, 4, 5, 6), (2, 3, 2, 4), compressor=numcodecs.Zlib(), note="4-d")
    add("zero_d", "<f8", (), (), compressor=None, partial=False, data=np.array(3.25), note="0-d")
    add("empty_dim", "<i4", (0, 5), (2, 2), compressor=None, partial=False, note="zero-length dimension")
    nested = root.create_group("labels").create_group("cells")
    nested.attrs["image-label"] = {"version": "0.4"}
    nested.create_dataset("0", shape=(4, 4), chunks=(2, 2), dtype="<u1", compressor=None)[...] = 9
    zarr.consolidate_metadata(store)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"zarr": zarr.__version__, "numcodecs": numcodecs.__version__, "cases": cases}, f, indent=1)


def read(d):
    with open(os.path.join(d, "manifest.json")) as f:
        manifest = json.load(f)
    results = []
    for case in manifest["cases"]:
        name = case["name"]
        r = {"name": name}
        try:
            z = zarr.open_array(os.path.join(d, "data.zarr"), path=name, mode="r")
            a = np.asarray(z[...])
            a = a.astype(a.dtype.newbyteorder("<"))
            with open(os.path.join(d, "raw", name + ".bin"), "rb") as f:
                raw = f.read()
            expect = np.frombuffer(raw, dtype=a.dtype).reshape(a.shape) if a.size else a
            r["dtype"] = z.dtype.str
            r["shape"] = list(z.shape)
            r["fill_value"] = repr(z.fill_value)
            r["values_equal"] = bool(a.tobytes() == raw)
            if not r["values_equal"]:
                diff = np.nonzero(a.reshape(-1).view(np.uint8) != np.frombuffer(raw, np.uint8))[0] if len(raw) == a.nbytes else []
                r["first_diff_byte"] = int(diff[0]) if len(diff) else -1
                r["nbytes"] = [int(a.nbytes), len(raw)]
            # metadata written exactly as zarr-python would write it
            with open(os.path.join(d, "data.zarr", name, ".zarray"), "rb") as f:
                ours = f.read()
            theirs = zarr.util.json_dumps(json.loads(ours))
            r["zarray_style_equal"] = ours == theirs
            if "expect_fill" in case:
                exp = case["expect_fill"]
                fv = z.fill_value
                if exp is None:
                    r["fill_equal"] = bool(fv is None)
                elif exp == "NaN":
                    r["fill_equal"] = bool(np.isnan(fv))
                elif isinstance(exp, list):
                    r["fill_equal"] = bool(complex(exp[0], exp[1]) == fv)
                else:
                    r["fill_equal"] = bool(fv == (float(exp) if exp in ("Infinity", "-Infinity") else exp))
            r = {k: (bool(v) if isinstance(v, np.bool_) else v) for k, v in r.items()}
            r["ok"] = bool(r["values_equal"] and r["zarray_style_equal"] and r.get("fill_equal", True))
        except Exception as e:  # report, never stop: every case gets a line
            r["ok"] = False
            r["error"] = "%s: %s" % (type(e).__name__, e)
        results.append(r)
        print(json.dumps(r), flush=True)


def consolidated(d):
    """The sorted keys of the group opened through its .zmetadata (written by the Java side)."""
    g = zarr.open_consolidated(os.path.join(d, "data.zarr"), mode="r")
    print(json.dumps({"keys": sorted(g.keys()), "attrs": list(g.attrs.keys())}))


def fixture(d):
    """What zarr-python shows for the OME-Zarr fixture at d: the group, level 0's repr, info and values' repr."""
    g = zarr.open(d, mode="r")
    a = g["0"]
    v = a[...]
    v = v.astype(v.dtype.newbyteorder("="))
    sub = a[0, 1, 2]
    sub = sub.astype(sub.dtype.newbyteorder("="))
    print(json.dumps({"attrs": list(g.attrs.keys()), "keys": sorted(g.keys()), "array": repr(a),
                      "info": [[k, v2] for k, v2 in a.info_items()], "repr": repr(v), "repr_plane": repr(sub)}))


def reprs(d):
    with open(os.path.join(d, "manifest.json")) as f:
        manifest = json.load(f)
    out = {}
    for case in manifest["cases"]:
        z = zarr.open_array(os.path.join(d, "data.zarr"), path=case["name"], mode="r")
        a = np.asarray(z[...])
        a = a.astype(a.dtype.newbyteorder("="))
        out[case["name"]] = repr(a)
    print(json.dumps(out))


if __name__ == "__main__":
    cmd, arg = sys.argv[1], sys.argv[2]
    {"write": write, "read": read, "repr": reprs, "consolidated": consolidated, "fixture": fixture}[cmd](arg)
