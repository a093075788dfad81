#!/usr/bin/python3
"""After binder/postBuild ran with HOME=$1: the kernelspec is found there, and a notebook runs on it."""
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

specs = KernelSpecManager().find_kernel_specs()
print("kernelspecs:", specs)
if "frontier-java" not in specs or not specs["frontier-java"].startswith(sys.argv[1]):
    sys.exit("frontier-java kernelspec not installed under HOME=%s: %r" % (sys.argv[1], specs))
spec = KernelSpecManager().get_kernel_spec("frontier-java")
assert spec.display_name == "Java (Frontier)", spec.display_name
assert spec.language == "java" and spec.interrupt_mode == "message", spec.to_dict()
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('String.join(" ", "binder", "works")')])
NotebookClient(nb, kernel_name="frontier-java", timeout=120, startup_timeout=120).execute()
text = nb.cells[0].outputs[0]["data"]["text/plain"]
if text != "binder works":
    sys.exit("unexpected output %r" % text)
print("OK: notebook executed on the binder-installed kernel")
