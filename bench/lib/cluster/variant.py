#!/usr/bin/python3
"""Writes a fresh copy of a Zarr array with zarr-python (run by bench/cluster): the same shape,
chunks, dtype, codec and layout, every value raised by OFFSET, so that each timed run reads bytes
(and IPFS CIDs) that no cache has seen, with the same compressed sizes give or take a few bytes.

usage: variant.py SRC_ARRAY DST_ARRAY OFFSET
"""
import sys

import zarr

src, dst, offset = sys.argv[1], sys.argv[2], int(sys.argv[3])
a = zarr.open_array(src, mode="r")
b = zarr.open_array(dst, mode="w", shape=a.shape, chunks=a.chunks, dtype=a.dtype, compressor=a.compressor,
                    filters=a.filters, order=a.order, fill_value=a.fill_value,
                    dimension_separator=getattr(a, "_dimension_separator", None))
v = a[:]
if int(v.max()) + offset > 65535:
    sys.exit("variant.py: values would overflow uint16")
b[:] = v + offset
