#!/usr/bin/python3
"""Execute notebooks with nbclient and write the executed copies and HTML exports.

usage: run_notebooks.py [--out DIR] [--timeout S] [-p NAME=VALUE ...] NOTEBOOK...

Each NOTEBOOK is run in its own directory (so relative paths in it work) with the kernel its
metadata names; the executed copy goes to DIR/NAME.ipynb and DIR/NAME.html. A cell tagged
`parameters` (papermill's convention) gets the -p values injected after it as a new cell.
Exits 1 when any notebook fails, after printing the failing cell and its error.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def inject_parameters(nb, params, kernel_language):
    if not params:
        return
    lines = []
    for name, value in params:
        if kernel_language == "java":
            lines.append(f"{name} = {value};")
        else:
            lines.append(f"{name} = {value!r}")
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return
    nb.cells.insert(0, cell)


def export_html(nb, path):
    try:
        from nbconvert import HTMLExporter
    except ImportError:
        print("run_notebooks: nbconvert is missing (Debian python3-nbconvert); no HTML written", file=sys.stderr)
        return
    body, _ = HTMLExporter().from_notebook_node(nb)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--out", default=None, help="where executed copies go (default: NOTEBOOK_DIR/executed)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("--kernel", default=None, help="kernel name (default: the notebook's own)")
    ap.add_argument("-p", "--parameter", action="append", default=[], help="NAME=VALUE (a Java expression for Java notebooks)")
    args = ap.parse_args()
    params = [tuple(p.split("=", 1)) for p in args.parameter]

    failed = 0
    for path in args.notebooks:
        path = os.path.abspath(path)
        name = os.path.splitext(os.path.basename(path))[0]
        out_dir = os.path.abspath(args.out or os.path.join(os.path.dirname(path), "executed"))
        os.makedirs(out_dir, exist_ok=True)
        nb = nbformat.read(path, as_version=4)
        language = nb.metadata.get("kernelspec", {}).get("language", "")
        inject_parameters(nb, params, language)
        kw = {"kernel_name": args.kernel} if args.kernel else {}
        client = NotebookClient(nb, timeout=args.timeout, resources={"metadata": {"path": os.path.dirname(path)}}, **kw)
        start = time.time()
        try:
            client.execute()
            status = "ok"
        except CellExecutionError as e:
            failed += 1
            status = "FAILED"
            print(str(e), file=sys.stderr)
        except Exception as e:  # a kernel that died or did not start
            failed += 1
            status = "FAILED"
            print(f"run_notebooks: {path}: {type(e).__name__}: {e}", file=sys.stderr)
        out_nb = os.path.join(out_dir, name + ".ipynb")
        nbformat.write(nb, out_nb)
        export_html(nb, os.path.join(out_dir, name + ".html"))
        print(f"{status:6} {path} -> {out_nb} ({time.time() - start:.1f} s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
