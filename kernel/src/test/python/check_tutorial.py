#!/usr/bin/python3
"""Execute the tutorial notebook with nbclient on the installed kernel and check its key outputs
against independent oracles: the frontier CLI's `ipfs add` on the same folder, the files on disk,
zarr-python/numpy's values.

usage: check_tutorial.py NOTEBOOK WORKDIR CLI_JAR
Env: FRONTIER_KERNEL_NAME (the installed kernelspec), JUPYTER_PATH.
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def outputs_of(nb, needle):
    """All outputs of the first code cell whose source contains needle."""
    for c in nb.cells:
        if c.cell_type == "code" and needle in c.source:
            return c.outputs
    raise SystemExit(f"no cell contains {needle!r}")


def text_of(outputs, mime="text/plain"):
    parts = []
    for o in outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data") and mime in o.data:
            parts.append(o.data[mime])
        elif o.output_type == "error":
            parts.append("ERROR " + o.ename + ": " + o.evalue)
    return "\n".join(parts)


def main():
    notebook, work, cli_jar = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    nb_path = os.path.join(work, os.path.basename(notebook))
    shutil.copy(notebook, nb_path)
    env_ipfs = os.path.join(work, "ipfs-blocks")
    os.environ["FRONTIER_IPFS_PATH"] = env_ipfs
    nb = nbformat.read(nb_path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name=os.environ["FRONTIER_KERNEL_NAME"],
                            resources={"metadata": {"path": work}})
    try:
        client.execute()
    finally:
        nbformat.write(nb, os.path.join(work, "executed.ipynb"))
    image = os.path.join(work, "images", "6001240.zarr")

    # 1. the info tree: the ome-zarr-py text, image then hidden labels, one shape per level
    info = text_of(outputs_of(nb, "%ome_zarr info"))
    check(re.search(r"^http://127\.0\.0\.1:\d+/6001240\.zarr/ \[zgroup\]$", info, re.M) is not None, "info names the image node")
    for shape in ["(1, 2, 60, 138, 136)", "(1, 2, 60, 69, 68)", "(1, 2, 60, 34, 34)"]:
        check(f"   - {shape}" in info, f"info lists level shape {shape}")
    check("/6001240.zarr/labels/ [zgroup] (hidden)" in info, "info walks labels/ as a hidden node")
    check("text/html" in outputs_of(nb, "%ome_zarr info")[0].data, "info renders an HTML tree")
    # the data library's values render through the display module's renderers, as before it moved
    html_of = lambda needle: text_of([o for o in outputs_of(nb, needle) if o.output_type == "execute_result"], "text/html")
    check(html_of("%ome_zarr download").startswith('<table class="frontier-download">'), "the download report is a table")
    check(html_of('var scale0 = root.get("0")').startswith('<table class="zarr-info">'), "a Zarr array shows zarr-python's .info table")
    dask_table = html_of("var scale0Da = ChunkedArray.fromZarr(remote0)")
    check("<th> Bytes </th>" in dask_table and " Tasks " in dask_table and "<svg" in dask_table,
          "a lazy array shows Dask's table with its chunk grid")

    # 2. the CID: what `frontier ipfs add` prints for the same folder, with the same flags
    cid_nb = text_of(outputs_of(nb, "%ipfs add")).strip()
    cli = subprocess.run(["java", "-jar", cli_jar, "ipfs", "add", "-r", "--hidden", "-s", "size-1000000", "--raw-leaves",
                          "--cid-version", "1", "-w", "-Q", "-n", "./images/6001240.zarr"],
                         cwd=work, capture_output=True, text=True, timeout=300)
    check(cli.returncode == 0, "frontier ipfs add runs: " + cli.stderr.strip()[-300:])
    check(re.fullmatch(r"bafy[a-z2-7]{55}", cid_nb) is not None, f"the notebook prints a CIDv1 ({cid_nb})")
    check(cli.stdout.strip() == cid_nb, f"notebook CID {cid_nb} == frontier ipfs add CID {cli.stdout.strip()}")
    check(text_of(outputs_of(nb, 'String cid = added.root()')).strip() == cid_nb, "Ipfs.embedded().add(...) from Java gives the same CID")

    # 3. reading back from ipfs:// gives the same values; zarr stat agrees with numpy
    check(text_of(outputs_of(nb, "remote0.read().equals")).strip() == "true", "ipfs:// read equals the local read")
    stat_ipfs = json.loads(text_of(outputs_of(nb, "%zarr stat ipfs://")).strip().splitlines()[0])
    stat_local = json.loads(text_of(outputs_of(nb, "%zarr stat images/")).strip().splitlines()[0])
    check(stat_ipfs == stat_local, "zarr stat of ipfs:// equals zarr stat of the local folder")
    import numpy as np
    import zarr
    values = zarr.open_array(os.path.join(image, "0"), mode="r")[:]
    sha = hashlib.sha256(values.astype("<u2").tobytes(order="C")).hexdigest()
    check(stat_local["sha256"] == sha, "zarr stat's sha256 equals numpy's over zarr-python's values")
    check(stat_local["sum"] == int(values.astype(np.int64).sum()) and stat_local["max"] == int(values.max()), "zarr stat's sum and max equal numpy's")

    # 4. the chunk table: stored bytes are the chunk files' sizes, ratio raw/stored
    table = text_of(outputs_of(nb, "scale0Da.chunkTable()"))
    rows = re.findall(r"^\s*(0/[0-9.]+)\s*\|.*\|\s*(\d+)\s*\|\s*([0-9.]+)\s*\|", table, re.M)
    check(len(rows) == values.size // (138 * 136), f"chunk table has one row per chunk ({len(rows)})")
    cids = dict(re.findall(r"^\s*(0/[0-9.]+)\s*\|.*\|\s*(baf[a-z2-7]+)\s*\|", table, re.M))
    for key, stored, ratio in rows[:20]:
        size = os.path.getsize(os.path.join(image, key))
        with open(os.path.join(image, key), "rb") as f:
            raw_cid = "b" + base64.b32encode(bytes([1, 0x55, 0x12, 0x20]) + hashlib.sha256(f.read()).digest()).decode().lower().rstrip("=")
        check(cids.get(key) == raw_cid, f"chunk {key}: CID {cids.get(key)} == CIDv1 raw sha2-256 of the file {raw_cid}")
        check(int(stored) == size, f"chunk {key}: stored bytes {stored} == file size {size}")
        check(abs(float(ratio) - 138 * 136 * 2 / size) < 0.01, f"chunk {key}: ratio {ratio}")

    # 5. lazy slice, reductions agree with numpy
    # a 0-d result prints as the scalar Dask's compute() returns (e.g. 22.993712255859375, not array(22.99))
    import dask.array as da
    results = [o for o in outputs_of(nb, "scale0Da.mean().compute()") if o.output_type == "execute_result"]
    mean = text_of(results).strip()  # the result, not the progress bar beside it
    dask_mean = da.from_zarr(os.path.join(image, "0")).mean().compute()
    check(mean == repr(dask_mean), f"mean prints as Dask's compute() does: {mean!r} vs Dask {dask_mean!r}")

    # 6. the view: a PNG for renderers without JavaScript, and the viewer's script
    view = [o for o in outputs_of(nb, "view(volC1)") if o.output_type in ("execute_result", "display_data") and "image/png" in o.data]
    check(len(view) == 1, "view output carries image/png")
    if view:
        html = view[0].data.get("text/html", "")
        check("<script" in html, "view output carries the viewer's script")
        check("data-frontier-viewer-bundle" in html, "the session's first 3D view carries the viewer's bundle")

    # 7. the lessons: verifiability, performance, sustainability
    caught = text_of(outputs_of(nb, "TamperingGateway.start"))
    check("BlockVerificationException" in caught and "http://127.0.0.1:" in caught and "bafy" in caught,
          "a lying gateway is caught, naming the gateway and the CID: " + caught[:200])
    perf = text_of(outputs_of(nb, "var worker = newWorker(honestGateway)"))
    m = re.search(r"(\d+) blocks over the network; second read: \d+ ms, (\d+) more blocks over the network; equal to the local copy: true", perf)
    check(m is not None and int(m.group(1)) > 0 and m.group(2) == "0", "the second read fetches nothing: " + perf[:200])
    same = text_of(outputs_of(nb, "String again = Ipfs.embedded().add("))
    check("same CID: true" in same and "(0 new)" in same, "re-adding gives the same CID and no new block: " + same[:200])
    diff = text_of(outputs_of(nb, "var differing ="))
    m = re.search(r"(\d+) of (\d+) CIDs changed: \[(.*)\]", diff)
    changed = sorted(x.strip() for x in m.group(3).split(",")) if m else []
    check(changed == sorted(["(wrapping directory)", "6001240.zarr", "6001240.zarr/0", "6001240.zarr/0/0.1.30.0.0"]),
          "one changed chunk changes only its CID and the directories above it: " + diff[:300])

    errors = [c.source[:60] for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    check(not errors, f"no cell raised an error {errors}")
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
