#!/usr/bin/python3
"""Protocol tests of the Frontier kernel driven by jupyter_client (Debian python3-jupyter-client):
state across cells, interrupt, stdin, display updates, streaming while a cell runs, signature
checks, bind address, error positions, magics. Needs JUPYTER_PATH with the kernelspec."""
import os
import queue
import shutil
import subprocess
import tempfile
import time
import unittest

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

KERNEL = os.environ.get("FRONTIER_KERNEL_NAME", "frontier-java")
TIMEOUT = 60


class KernelProtocolTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="frontier-protocol-")
        cls.log_path = os.path.join(cls.tmp, "kernel.log")
        cls.log = open(cls.log_path, "w")
        cls.km = KernelManager(kernel_name=KERNEL)
        cls.km.start_kernel(stderr=cls.log, cwd=cls.tmp)
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.log.close()

    def run_cell(self, code, allow_stdin=False, stdin_hook=None, timeout=TIMEOUT):
        """Executes code; returns (reply content, [(time, msg_type, content)])."""
        outputs = []

        def hook(msg):
            outputs.append((time.monotonic(), msg["msg_type"], msg["content"]))

        reply = self.kc.execute_interactive(code, output_hook=hook, allow_stdin=allow_stdin,
                                            stdin_hook=stdin_hook, timeout=timeout)
        return reply["content"], outputs

    def shell_reply(self, msg_id, timeout):
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"]["msg_id"] == msg_id:
                return reply

    def result_text(self, outputs):
        return [c["data"]["text/plain"] for _, t, c in outputs if t == "execute_result"]

    def stdout(self, outputs):
        return "".join(c["text"] for _, t, c in outputs if t == "stream" and c["name"] == "stdout")

    def test_state_across_cells(self):
        self.run_cell("int counter = 41;")
        self.run_cell("int next(int v) { return v + 1; }")
        self.run_cell("record Point(int x, int y) { }")
        reply, out = self.run_cell("next(counter) + \" \" + new Point(1, 2)")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(self.result_text(out), ["42 Point[x=1, y=2]"])

    def test_interrupt_keeps_state(self):
        self.run_cell("String kept = \"still here\";")
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.5)
        self.km.interrupt_kernel()  # interrupt_mode message: interrupt_request on control
        reply = self.shell_reply(msg_id, 20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        reply, out = self.run_cell("kept")
        self.assertEqual(self.result_text(out), ["still here"])

    def test_interrupt_sleeping_cell(self):
        started = time.monotonic()
        msg_id = self.kc.execute("Thread.sleep(60_000);")
        time.sleep(1.0)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, 20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(time.monotonic() - started, 30)

    def test_interrupt_stops_a_shell_command_and_its_children(self):
        started = time.monotonic()
        msg_id = self.kc.execute("!echo started; sleep 60; echo never")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, 20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("interrupted", reply["content"]["evalue"])
        self.assertLess(time.monotonic() - started, 30)
        reply, out = self.run_cell("1 + 2")
        self.assertEqual(self.result_text(out), ["3"])

    def test_last_output_of_many_shell_cells_is_never_lost(self):
        # output streamed by another thread must reach the client before the cell goes idle
        for i in range(int(os.environ.get("FRONTIER_SHELL_CELLS", "100"))):
            reply, out = self.run_cell("%%%%bash\necho out %d\necho err %d >&2" % (i, i))
            self.assertEqual(reply["status"], "ok", "cell %d: %r" % (i, reply))
            stdout = "".join(c["text"] for _, kind, c in out if kind == "stream" and c["name"] == "stdout")
            stderr = "".join(c["text"] for _, kind, c in out if kind == "stream" and c["name"] == "stderr")
            self.assertEqual((stdout, stderr), ("out %d\n" % i, "err %d\n" % i))

    def test_sigint_interrupts_without_killing_the_kernel(self):
        import signal
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.0)
        os.kill(self.km.provisioner.process.pid, signal.SIGINT)
        reply = self.shell_reply(msg_id, 20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertTrue(self.km.is_alive())
        reply, out = self.run_cell("\"after sigint\"")
        self.assertEqual(self.result_text(out), ["after sigint"])

    def test_exit_and_halt_fail_the_cell_and_keep_the_session(self):
        # IPython answers sys.exit(1) with a SystemExit error and keeps the session: so do we
        self.run_cell("int survivor = 41;")
        for code, call in (("System.exit(1);", "System.exit(1)"), ("Runtime.getRuntime().halt(0);", "Runtime.halt(0)"),
                           ("java.util.function.IntConsumer bye = System::exit;\nbye.accept(3);", "System.exit(3)")):
            reply, out = self.run_cell(code)
            self.assertEqual(reply["status"], "error", code)
            self.assertEqual((reply["ename"], reply["evalue"]), ("SystemExit", call))
            errors = [c for _, t, c in out if t == "error"]
            self.assertEqual([e["ename"] for e in errors], ["SystemExit"])
            self.assertIn(call + " was called", "\n".join(errors[0]["traceback"]))
        # in a thread the cell started, exit ends only that thread
        reply, out = self.run_cell('Thread quitter = new Thread(() -> System.exit(2));\nquitter.start();\nquitter.join();\n"after"')
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(self.result_text(out), ["after"])
        stderr = "".join(c["text"] for _, t, c in out if t == "stream" and c["name"] == "stderr")
        self.assertIn("System.exit(2) was called", stderr)
        reply, out = self.run_cell("survivor + 1")
        self.assertEqual(self.result_text(out), ["42"])
        self.assertTrue(self.km.is_alive())

    def test_a_200_mb_array_declares_as_fast_as_it_allocates(self):
        # JShell wrote out every element as text (44 s, deaf to interrupts); generous timeout
        reply, out = self.run_cell("byte[] big = new byte[200_000_000];", timeout=30)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(self.result_text(out), [])
        reply, out = self.run_cell("big.length")
        self.assertEqual(self.result_text(out), ["200000000"])
        reply, out = self.run_cell("big = null;\nSystem.gc();")
        self.assertEqual(reply["status"], "ok", reply)

    def test_interrupt_while_the_value_is_rendered(self):
        # the value's toString() is user code too: an interrupt must stop it
        self.run_cell("String keptWhileRendering = \"kept\";")
        msg_id = self.kc.execute("new Object() { public String toString() { while (true) { } } }")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, 20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        reply, out = self.run_cell("keptWhileRendering")
        self.assertEqual(self.result_text(out), ["kept"])

    def test_stdin(self):
        asked = []

        def answer(msg):
            asked.append(msg["content"])
            self.kc.input("frontier")

        reply, out = self.run_cell("new java.util.Scanner(System.in).nextLine().toUpperCase()",
                                   allow_stdin=True, stdin_hook=answer)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(len(asked), 1)
        self.assertEqual(self.result_text(out), ["FRONTIER"])

    def test_display_and_update(self):
        reply, out = self.run_cell('var h = display("first", "bar-1");\nh.update("second");')
        self.assertEqual(reply["status"], "ok")
        shown = [(t, c) for _, t, c in out if t in ("display_data", "update_display_data")]
        self.assertEqual([t for t, _ in shown], ["display_data", "update_display_data"])
        self.assertEqual([c["transient"]["display_id"] for _, c in shown], ["bar-1", "bar-1"])
        self.assertEqual([c["data"]["text/plain"] for _, c in shown], ["first", "second"])

    def test_progress_bar_updates_one_display(self):
        code = ('try (var p = frontier.progress.ProgressSink.current().start("work", 3, "steps")) {\n'
                '  for (int i = 0; i < 3; i++) { Thread.sleep(150); p.advance(1); }\n}')
        reply, out = self.run_cell(code)
        self.assertEqual(reply["status"], "ok")
        shown = [(t, c) for _, t, c in out if t in ("display_data", "update_display_data")]
        self.assertGreaterEqual(len(shown), 2)
        self.assertEqual(shown[0][0], "display_data")
        ids = {c["transient"]["display_id"] for _, c in shown}
        self.assertEqual(len(ids), 1)
        self.assertIn("<progress", shown[-1][1]["data"]["text/html"])
        self.assertIn("100%", shown[-1][1]["data"]["text/plain"])

    def test_output_streams_while_cell_runs(self):
        reply, out = self.run_cell('System.out.println("early");\nThread.sleep(2000);\nSystem.out.println("late");')
        done = time.monotonic()
        self.assertEqual(reply["status"], "ok")
        early = [t for t, kind, c in out if kind == "stream" and "early" in c["text"]]
        self.assertTrue(early, out)
        self.assertGreater(done - early[0], 1.0, "stdout arrived only at the end of the cell")

    def test_compile_error_points_at_line_and_column(self):
        reply, out = self.run_cell("int a = 1;\nint b = a +\n    nope;")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "CompileError")
        self.assertIn("line 3:5", reply["evalue"])
        self.assertIn("cannot find symbol", reply["evalue"])

    def test_exception_trace_trimmed_to_user_code(self):
        self.run_cell('void failing() {\n  throw new IllegalArgumentException("bad input");\n}')
        reply, out = self.run_cell("int unused = 0;\nfailing();")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.IllegalArgumentException")
        tb = "\n".join(reply["traceback"])
        self.assertIn("bad input", tb)
        self.assertIn("failing (cell line 2)", tb)
        self.assertNotIn("frontier.kernel", tb)
        self.assertNotIn("jdk.internal.reflect", tb)

    def test_kernel_libraries_hidden_from_user_code(self):
        reply, out = self.run_cell("org.zeromq.ZMQ.class")
        self.assertEqual(reply["status"], "error")
        self.assertIn("org.zeromq", reply["evalue"])

    def test_classpath_classes_compile_in_later_cells(self):
        src = os.path.join(self.tmp, "cpsrc", "demo")
        os.makedirs(src)
        with open(os.path.join(src, "CpHello.java"), "w") as f:
            f.write('package demo; public class CpHello { public static String hi() { return "hi from %classpath"; } }')
        classes = os.path.join(self.tmp, "cpclasses")
        javac = shutil.which("javac") or os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "javac")
        subprocess.run([javac, "-d", classes, os.path.join(src, "CpHello.java")], check=True)
        reply, _ = self.run_cell("%classpath " + classes)
        self.assertEqual(reply["status"], "ok", reply)
        reply, out = self.run_cell("demo.CpHello.hi()")
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(self.result_text(out), ["hi from %classpath"])

    def test_magic_errors_are_one_line_without_java_trace(self):
        for code in ("%nosuchmagic", "%ls --no-such-flag"):
            reply, out = self.run_cell(code)
            self.assertEqual(reply["status"], "error", code)
            tb = "\n".join(reply["traceback"])
            self.assertNotIn("\tat ", tb, code)
            self.assertNotIn("Exception", reply["evalue"], code)
        reply, out = self.run_cell("1 + 2")
        self.assertEqual(self.result_text(out), ["3"])

    def test_cells_queued_after_an_error_are_aborted(self):
        first = self.kc.execute('throw new RuntimeException("stop here")')
        second = self.kc.execute('System.out.println("must not run");')
        replies = {}
        while len(replies) < 2:
            r = self.kc.get_shell_msg(timeout=TIMEOUT)
            if r["parent_header"]["msg_id"] in (first, second):  # skip stale kernel_info replies
                replies[r["parent_header"]["msg_id"]] = r["content"]
        self.assertEqual(replies[first]["status"], "error")
        self.assertEqual(replies[second]["status"], "aborted")
        reply, out = self.run_cell("\"runs again\"")
        self.assertEqual(self.result_text(out), ["runs again"])

    def test_shell_command_streams_output(self):
        reply, out = self.run_cell("!echo shell-says-hi")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("shell-says-hi", self.stdout(out))

    def test_message_with_wrong_signature_is_rejected_and_logged(self):
        marker = os.path.join(self.tmp, "hmac-marker")
        forged = Session(key=b"not-the-kernel-key", username="mallory")
        content = {"code": 'new java.io.File("%s").createNewFile()' % marker, "silent": False,
                   "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
        msg = forged.msg("execute_request", content)
        forged.send(self.kc.shell_channel.socket, msg)
        with self.assertRaises(queue.Empty):
            self.kc.get_shell_msg(timeout=3)
        self.assertFalse(os.path.exists(marker), "a forged message was executed")
        self.log.flush()
        with open(self.log_path) as f:
            self.assertIn("invalid HMAC signature", f.read())
        reply, out = self.run_cell("40 + 2")
        self.assertEqual(self.result_text(out), ["42"])

    def test_sockets_bound_only_to_connection_address(self):
        info = self.km.get_connection_info()
        pid = self.km.provisioner.process.pid
        ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        listing = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True).stdout
        mine = [l for l in listing.splitlines() if "pid=%d," % pid in l]
        self.assertTrue(mine, "no listening sockets found for the kernel")
        bound = set()
        for line in mine:
            local = line.split()[3]
            addr, port = local.rsplit(":", 1)
            addr = addr.replace("[::ffff:", "").rstrip("]")  # an IPv4-mapped listener is the same address
            self.assertEqual(addr, info["ip"], line)
            bound.add(int(port))
        self.assertEqual(bound, ports)

    def test_zz_restart_resets_session(self):
        self.run_cell("int beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, out = self.run_cell("beforeRestart")
        self.assertEqual(reply["status"], "error")
        reply, out = self.run_cell("\"alive\"")
        self.assertEqual(self.result_text(out), ["alive"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
