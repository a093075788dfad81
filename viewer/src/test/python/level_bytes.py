#!/usr/bin/python3
"""Oracle for the viewer: reads one OME-Zarr pyramid level with zarr-python and prints, per
channel of time point 0, the bytes the view should embed (each channel's finite range mapped
linearly onto 0..255, rounded) and where its z-projection is brightest.

usage: level_bytes.py IMAGE_DIR LEVEL_PATH  -> one JSON line
"""
import base64
import json
import sys

import numpy as np
import zarr

root = zarr.open_group(sys.argv[1], mode="r")
a = np.asarray(root[sys.argv[2]][0], dtype=np.float64)  # (c, z, y, x)
out = []
for ch in a:
    lo, hi = float(ch.min()), float(ch.max())
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    q = np.floor((ch - lo) * scale + 0.5).astype(np.uint8)
    mip = ch.max(axis=0)
    y, x = np.unravel_index(int(np.argmax(mip)), mip.shape)
    out.append({"min": lo, "max": hi, "bytes": base64.b64encode(q.tobytes()).decode(), "argmax_yx": [int(y), int(x)],
                "shape": list(ch.shape)})
print(json.dumps(out))
