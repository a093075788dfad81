#!/usr/bin/python3
"""Execute the tutorial notebook with nbclient on the installed kernel and check its key outputs
against independent oracles: the frontier CLI's `ipfs add` on the same folder, the files on disk,
zarr-python/numpy's values.

usage: check_tutorial.py NOTEBOOK WORKDIR CLI_JAR [NGFF_VERSIONS] [--without-next-steps]
NGFF_VERSIONS: comma-separated (default "0.1,0.5"): the notebook runs once per version, each in
WORKDIR/ngff-VERSION with its own kernel, in this one Python process (its imports, the CLI jar and the
0.1 run's zarr-python/Dask values are reused: the 0.5 sample holds the same values, and zarr-python 2
cannot read Zarr v3, so zarrita (npm, peers/node_modules) reads the 0.5 arrays).
The "Next steps" section starts a Spark local cluster (about a minute on two cores): it runs with the
first version only; --without-next-steps drops it from every run.
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


NEXT_STEPS = "## Next steps"


def next_steps_start(nb):
    """Index of the "Next steps" heading cell."""
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith(NEXT_STEPS))


def section_outputs(nb, needle, nth=0):
    """Outputs of the nth code cell of the Next steps section whose source contains needle."""
    found = [c for c in nb.cells[next_steps_start(nb):] if c.cell_type == "code" and needle in c.source]
    if len(found) <= nth:
        raise SystemExit(f"the Next steps section has no cell #{nth} containing {needle!r}")
    return found[nth].outputs


def transfers(status):
    """The rows of the status's "who fetched what from whom" table: (by, from, blocks, last compute, refused)."""
    rows = re.findall(r"^  (executor \S+)  (.+?) +(\d+) +(\d+) +(\d+)$", status, re.M)
    return [(by, frm.strip(), int(b), int(last), int(x)) for by, frm, b, last, x in rows]


def check_next_steps(nb, values, level1, dask_mean):
    """The tutorial's next steps on a Spark local cluster: what each claim of the section rests on."""
    import numpy as np
    started = text_of(section_outputs(nb, "%spark local-cluster"))
    execs = re.findall(r"^executor (\d+)  127\.0\.0\.1  pid (\d+)  embedded node, gateway http://127\.0\.0\.1:\d+  holds 0 blocks", started, re.M)
    driver = re.search(r"^driver 127\.0\.0\.1  pid (\d+)  routing http://127\.0\.0\.1:\d+/routing/v1 \(0 lookups\)  kernel node gateway http://127\.0\.0\.1:\d+", started, re.M)
    check(len(execs) == 2 and driver is not None, "two executors with embedded nodes and gateways on 127.0.0.1, and the driver's routing: " + started[:500])
    check(driver is not None and len({p for _, p in execs} | {driver.group(1)}) == 3, "the executors are JVMs of their own (three pids)")

    mip_out = section_outputs(nb, "var mipOnSpark")
    mip = text_of([o for o in mip_out if o.output_type == "execute_result"])
    m = re.search(r"computed by SparkScheduler\(local-cluster\[2,1,1024]\); sum of the projection's pixels (\d+); equal to the projection on threads: true", mip)
    expected = int(values[0, 1].max(axis=0).astype(np.int64).sum())
    check(m is not None and int(m.group(1)) == expected, f"the z-projection on the cluster equals numpy's (sum {expected}): " + mip[:300])
    bars = [o.data.get("text/plain", "") for o in mip_out if o.output_type == "display_data"]
    check(any(b.startswith("spark [") and "100% Completed" in b for b in bars), "a spark progress bar reached 100%: " + repr(bars))

    first = text_of(section_outputs(nb, "%spark status", 0))
    rows = transfers(first)
    for e, _ in execs:
        got = [r for r in rows if r[0] == "executor " + e and r[1] == "the kernel" and r[2] > 0 and r[3] == r[2]]
        held = re.search(r"^executor %s  .*  holds ([1-9]\d*) blocks" % e, first, re.M)
        check(len(got) == 1 and held is not None, f"executor {e} fetched blocks from the kernel's node and holds them: " + first[:900])
    m = re.search(r"^the last compute\(\) fetched ([1-9]\d*) blocks over the network", first, re.M)
    check(m is not None and int(m.group(1)) == sum(r[3] for r in rows), "the first run's fetches add up: " + first[-400:])

    again = text_of(section_outputs(nb, "mipOnSpark.compute().equals(projection)"))
    second = text_of(section_outputs(nb, "%spark status", 1))
    check("true" in again and "\nthe last compute() fetched 0 blocks over the network (0 from peers, 0 from gateways)" in second
          and all(r[3] == 0 for r in transfers(second)), "the second run fetched nothing: " + second[-600:])

    mean = text_of(section_outputs(nb, "var meanOnSpark"))
    m = re.search(r"mean on Spark (\S+); equal to the mean on threads: true", mean)
    check(m is not None and m.group(1) == repr(dask_mean), f"the mean on the cluster is Dask's {dask_mean!r}: " + mean[:300])
    third = text_of(section_outputs(nb, "%spark status", 2))
    peers = [r for r in transfers(third) if r[1].startswith("executor ") and r[1] != r[0] and r[3] > 0]
    check(len(peers) > 0, "executors fetched blocks from each other: " + third[-700:])

    url = text_of(section_outputs(nb, "TamperingGateway.start")).strip().strip('"')
    added = text_of(section_outputs(nb, "%spark peer add"))
    check(re.fullmatch(r"http://127\.0\.0\.1:\d+", url) is not None and ("\npeer tampering-peer  gateway " + url + "  ") in added,
          "the tampering peer is added to the routing: " + added[-400:])
    lvl = text_of(section_outputs(nb, "var level1OnSpark"))
    m = re.search(r"blocks the tampering peer altered: (\d+); sum of the level 1 projection's pixels (\d+); equal to the projection on threads: true", lvl)
    expected = int(level1[0, 1].max(axis=0).astype(np.int64).sum())
    check(m is not None and int(m.group(1)) > 0 and int(m.group(2)) == expected,
          f"with the tampering peer, the level 1 projection still equals numpy's (sum {expected}): " + lvl[:300])
    fourth = text_of(section_outputs(nb, "%spark status", 3))
    liar = [r for r in transfers(fourth) if r[1] == "tampering-peer"]
    refused = re.search(r"^the last compute\(\) fetched \d+ blocks over the network .* and refused (\d+)$", fourth, re.M)
    check(m is not None and liar and all(r[2] == 0 for r in liar) and refused is not None and int(refused.group(1)) == int(m.group(1))
          and sum(r[4] for r in liar) == int(m.group(1)), "every altered block was refused, none accepted: " + fourth[-900:])
    check(re.search(r"^executor \d+ refused block baf[a-z2-7]+ from tampering-peer \(peer 12D3KooW\w+, " + re.escape(url)
                    + r"\): its \d+ bytes do not hash to the CID$", fourth, re.M) is not None, "the refusal names the peer, its gateway and the CID")
    noise = [o.get("text", "") for c in nb.cells[next_steps_start(nb):] if c.cell_type == "code"
             for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
    check(not noise, "Spark's and the executors' logs stay out of the notebook (nothing on stderr in the section): " + "".join(noise)[:600])
    stop = text_of(section_outputs(nb, "%spark stop"))
    last = text_of(section_outputs(nb, "tamperingPeer.close()"))
    check("compute() runs on threads again" in stop and "ThreadPoolScheduler" in last, "stop goes back to threads: " + stop + last)


PEERS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "peers"))


def zarrita_sha(root, array):
    """sha256 of a Zarr v3 array's values (C order, little-endian) as zarrita reads them (peers/zarrita-check.mjs)."""
    r = subprocess.run(["node", os.path.join(PEERS, "zarrita-check.mjs"), "read", root, array], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit("zarrita-check.mjs failed: " + r.stderr[-500:])
    return json.loads(r.stdout.splitlines()[0])["sha256"]


def inject(nb, ngff):
    """The -p of tools/run_notebooks.py: a cell setting ngffVersion after the parameters cell."""
    if ngff == "0.1":
        return
    cell = nbformat.v4.new_code_cell(f'ngffVersion = "{ngff}";')
    cell.metadata["tags"] = ["injected-parameters"]
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return
    raise SystemExit("the notebook has no cell tagged parameters")


ORACLE = {}  # the 0.1 run's zarr-python and Dask values, which the 0.5 sample holds too


def main():
    notebook, work_root, cli_jar = sys.argv[1:4]
    rest = [a for a in sys.argv[4:] if not a.startswith("--")]
    versions = rest[0].split(",") if rest else ["0.1", "0.5"]
    next_steps = "--without-next-steps" not in sys.argv[4:]
    shutil.rmtree(work_root, ignore_errors=True)
    for i, ngff in enumerate(versions):
        print(f"---- NGFF {ngff}")
        run(notebook, os.path.join(work_root, "ngff-" + ngff), cli_jar, ngff, next_steps and i == 0)
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


def run(notebook, work, cli_jar, ngff, with_next_steps):
    v3 = ngff != "0.1"
    os.makedirs(work)
    nb_path = os.path.join(work, os.path.basename(notebook))
    shutil.copy(notebook, nb_path)
    env_ipfs = os.path.join(work, "ipfs-blocks")
    os.environ["FRONTIER_IPFS_PATH"] = env_ipfs
    nb = nbformat.read(nb_path, as_version=4)
    inject(nb, ngff)
    if not with_next_steps:
        nb.cells = nb.cells[:next_steps_start(nb)]
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
    if v3:
        # ome-zarr-py 0.17's text (utils.py info): " - version: 0.5" after each node's header
        check(info.count("\n - version: 0.5\n") == 3, "info prints each 0.5 node's version as ome-zarr-py 0.17 does")
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
    if not v3:
        values = zarr.open_array(os.path.join(image, "0"), mode="r")[:]
        sha = hashlib.sha256(values.astype("<u2").tobytes(order="C")).hexdigest()
        ORACLE.update(sha=sha, sum=int(values.astype(np.int64).sum()), max=int(values.max()), size=values.size)
        check(stat_local["sha256"] == sha, "zarr stat's sha256 equals numpy's over zarr-python's values")
    else:
        sha = zarrita_sha(image, "0")
        check(stat_local["sha256"] == sha, "zarr stat's sha256 equals zarrita's over the Zarr v3 values")
        if ORACLE:
            check(sha == ORACLE["sha"], "the 0.5 sample holds the 0.1 sample's values (zarrita's sha256 == zarr-python's)")
    if ORACLE:
        check(stat_local["sum"] == ORACLE["sum"] and stat_local["max"] == ORACLE["max"], "zarr stat's sum and max equal numpy's")

    # 4. the chunk table: stored bytes are the chunk files' sizes, ratio raw/stored
    table = text_of(outputs_of(nb, "scale0Da.chunkTable()"))
    # v2: a row per chunk file "0/0.1.30.0.0"; v3 sharded: a row per shard file "0/c/0/1/0/0/0" (then its inner chunks "...#k")
    key_re = r"0/c/[0-9/]+" if v3 else r"0/[0-9.]+"
    rows = re.findall(r"^\s*(" + key_re + r")\s*\|.*\|\s*(\d+)\s*\|\s*([0-9.]+)\s*\|", table, re.M)
    plane = 138 * 136 * (60 if v3 else 1)  # a shard holds a channel's 60 planes
    if v3:
        # a long table prints its first and last rows only: the rows shown are shards or their inner chunks "KEY#i.j.k.l.m"
        inner = re.findall(r"^\s*0/c/[0-9/]+#[0-9.]+\s*\|", table, re.M)
        check(len(rows) >= 1 and len(inner) >= 40, f"chunk table lists shards ({len(rows)}) and their inner chunks ({len(inner)})")
    else:
        check(len(rows) == 2 * 60, f"chunk table has one row per chunk ({len(rows)})")
    cids = dict(re.findall(r"^\s*(" + key_re + r")\s*\|.*\|\s*(baf[a-z2-7]+)\s*\|", table, re.M))
    for key, stored, ratio in rows[:20]:
        path = os.path.join(image, key)
        size = os.path.getsize(path)
        if size <= 1000000:  # one raw block: its CID is the sha2-256 of the bytes
            with open(path, "rb") as f:
                want_cid = "b" + base64.b32encode(bytes([1, 0x55, 0x12, 0x20]) + hashlib.sha256(f.read()).digest()).decode().lower().rstrip("=")
        else:  # a shard over the chunker's size is a UnixFS file: its CID as `frontier ipfs add` prints it with the tutorial's flags
            add = subprocess.run(["java", "-jar", cli_jar, "ipfs", "add", "-s", "size-1000000", "--raw-leaves", "--cid-version", "1",
                                  "-Q", "-n", path], capture_output=True, text=True, timeout=300)
            want_cid = add.stdout.strip()
        check(cids.get(key) == want_cid, f"chunk {key}: CID {cids.get(key)} == CIDv1 of the file {want_cid}")
        check(int(stored) == size, f"chunk {key}: stored bytes {stored} == file size {size}")
        check(abs(float(ratio) - plane * 2 / size) < 0.01, f"chunk {key}: ratio {ratio}")

    # 5. lazy slice, reductions agree with numpy
    # a 0-d result prints as the scalar Dask's compute() returns (e.g. 22.993712255859375, not array(22.99))
    import dask.array as da
    results = [o for o in outputs_of(nb, "scale0Da.mean().compute()") if o.output_type == "execute_result"]
    mean = text_of(results).strip()  # the result, not the progress bar beside it
    if not v3:
        ORACLE["mean"] = repr(da.from_zarr(os.path.join(image, "0")).mean().compute())
    if "mean" in ORACLE:
        check(mean == ORACLE["mean"], f"mean prints as Dask's compute() does: {mean!r} vs Dask {ORACLE['mean']!r}")

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
    # v3: the plane is inside channel 1's shard, 0/c/0/1/0/0/0, under one folder per key part
    want = (["(wrapping directory)", "6001240.zarr", "6001240.zarr/0"]
            + ["6001240.zarr/0/" + "/".join("c/0/1/0/0/0".split("/")[:k]) for k in range(1, 7)] if v3
            else ["(wrapping directory)", "6001240.zarr", "6001240.zarr/0", "6001240.zarr/0/0.1.30.0.0"])
    check(changed == sorted(want), "one changed chunk changes only its file's CID and the directories above it: " + diff[:400])

    # 8. the next steps, on a Spark local cluster
    if with_next_steps and not v3:  # zarr-python 2 gives the oracle's values (the 0.1 run)
        check_next_steps(nb, values, zarr.open_array(os.path.join(image, "1"), mode="r")[:], float(ORACLE["mean"]))
    else:
        print("(the Next steps section was left out: --without-next-steps)")

    errors = [c.source[:60] for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    check(not errors, f"no cell raised an error {errors}")


if __name__ == "__main__":
    main()
