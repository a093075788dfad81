#!/usr/bin/python3
"""Runs notebooks/kernel-features.ipynb with nbclient (Debian python3-nbclient) on the Frontier
kernel and checks each cell's outputs. usage: run_kernel_features.py NOTEBOOK OUT.ipynb"""
import base64
import os
import sys

import nbformat
from nbclient import NotebookClient

KERNEL = os.environ.get("FRONTIER_KERNEL_NAME", "frontier-java")


def outputs_by_id(nb):
    return {c.get("id"): c.get("outputs", []) for c in nb.cells if c.cell_type == "code"}


def text(outs, kind=None, name=None):
    parts = []
    for o in outs:
        if kind and o["output_type"] != kind:
            continue
        if o["output_type"] == "stream" and (name is None or o["name"] == name):
            parts.append(o["text"])
        elif o["output_type"] in ("execute_result", "display_data") and name is None:
            parts.append(o["data"].get("text/plain", ""))
    return "".join(parts)


def data(outs, mime):
    return [o["data"][mime] for o in outs if o["output_type"] in ("execute_result", "display_data") and mime in o["data"]]


def main():
    src, out = sys.argv[1], sys.argv[2]
    nb = nbformat.read(src, as_version=4)
    NotebookClient(nb, kernel_name=KERNEL, timeout=120, startup_timeout=120,
                   resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}}).execute()
    nbformat.write(nb, out)
    o = outputs_by_id(nb)
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    check("hello from Java 17" in text(o["hello"], name="stdout") or "hello from Java" in text(o["hello"], name="stdout"), "hello stdout")
    check("this goes to stderr" in text(o["stderr"], name="stderr"), "stderr stream")
    check(o["declare"] == [], "declarations show nothing")
    check(text(o["value"]) == "42", "value of answer: %r" % text(o["value"]))
    check(text(o["method"]) == "hello, notebook", "method across cells")
    check(text(o["records"]) == "[Sample[name=a, value=1.5], Sample[name=b, value=2.5]]", "records: %r" % text(o["records"]))
    check(text(o["array"]) == "[1, 2, 3]", "array: %r" % text(o["array"]))
    check(text(o["nested"]) == "{shape=[1, 2, 236]}", "nested: %r" % text(o["nested"]))
    check(data(o["html"], "text/html") == ["<b>Frontier</b> kernel"], "html display")
    pngs = data(o["image"], "image/png")
    check(len(pngs) == 1 and base64.b64decode(pngs[0])[:4] == b"\x89PNG", "BufferedImage as PNG")
    tables = data(o["table"], "text/html")
    check(len(tables) == 1 and "<th>name</th><th>value</th>" in tables[0] and "<td>2.5</td>" in tables[0], "tablesaw table as HTML")
    # nbclient applies update_display_data to the output with that display id
    check(text(o["update"]) == "step 2 of 2: done", "display update: %r" % text(o["update"]))
    prog = data(o["progress"], "text/html")
    check(len(prog) == 1 and "<progress" in prog[0] and "100%" in prog[0], "progress bar: %r" % prog)
    err = [x for x in o["compile-error"] if x["output_type"] == "error"]
    check(len(err) == 1 and err[0]["ename"] == "CompileError" and "line 3:5" in err[0]["evalue"], "compile error position: %r" % err)
    exc = [x for x in o["exception"] if x["output_type"] == "error"]
    check(len(exc) == 1 and exc[0]["ename"] == "java.lang.IllegalArgumentException"
          and any("check (cell line 2)" in line for line in exc[0]["traceback"]), "exception trace: %r" % exc)
    check(text(o["after-error"]) == "43", "state kept after errors")
    check("shell says hi" in text(o["shell"], name="stdout"), "!cmd output: %r" % o["shell"])
    check("%%bash" in text(o["magic-lsmagic"]) and "%ls" in text(o["magic-lsmagic"]), "%%lsmagic: %r" % text(o["magic-lsmagic"]))
    check("kernel-features.ipynb" in text(o["magic-ls"]).split("\n"), "%%ls of the notebook folder: %r" % text(o["magic-ls"]))
    check(text(o["magic-bash"], name="stdout") == "bash says hi\n" and "bash warns" in text(o["magic-bash"], name="stderr"),
          "%%%%bash: %r" % o["magic-bash"])
    check(text(o["magic-time"], kind="execute_result") == "84" and "Wall time" in text(o["magic-time"], name="stdout"), "%%time: %r" % o["magic-time"])
    merr = [x for x in o["magic-error"] if x["output_type"] == "error"]
    check(len(merr) == 1 and merr[0]["evalue"].startswith("%ls: ") and "Usage: %ls" in "\n".join(merr[0]["traceback"])
          and not any("\tat " in line for line in merr[0]["traceback"]), "magic error is one line + usage: %r" % merr)
    for cid, outs in o.items():
        if cid.startswith("magic-") and cid != "magic-error":
            check(not [x for x in outs if x["output_type"] == "error"], "magic cell %s failed: %r" % (cid, outs))
    if failures:
        print("FAILED checks:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("OK: all %d cells checked" % len(o))


if __name__ == "__main__":
    main()
