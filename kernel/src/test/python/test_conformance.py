#!/usr/bin/python3
"""Jupyter's own kernel conformance suite (Debian python3-jupyter-kernel-test) against the
installed Frontier kernel. Run with JUPYTER_PATH pointing at the kernelspec and
FRONTIER_KERNEL_NAME naming it (default frontier-java)."""
import os
import unittest

import jupyter_kernel_test


class FrontierKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("FRONTIER_KERNEL_NAME", "frontier-java")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the suite allows 15 s per reply; the session's first cell waits for JShell to start,
        # which on a loaded 2-core CI machine can take longer: let it start before the tests
        cls.kc.execute_interactive("int frontierWarmUp = 1;", timeout=180)
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("some error output");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println"}},
        {"text": "Math.sqr", "matches": {"sqrt"}},
        {"text": "Integer.parseI", "matches": {"parseInt"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "System.out.println(1);", "void f() { }", "class A { int a; }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = 1 +", "class B {", "String s = \"a\" +"]
    invalid_code_samples = ["}", ")", "for (;;) }"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"frontier\".toUpperCase()", "result": "FRONTIER"},
        {"code": "new int[]{1, 2, 3}", "result": "[1, 2, 3]"},
    ]
    code_history_pattern = "6 * ?"
    supported_history_operations = ("tail", "range", "search")

    code_generate_error = 'throw new IllegalStateException("boom")'

    code_inspect_sample = "Math.max"

    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"));', "mime": "image/svg+xml"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
    ]

    code_clear_output = "clearOutput();"

    code_page_something = "Math.max?"


if __name__ == "__main__":
    unittest.main(verbosity=2)
