#!/usr/bin/python3
"""Drives the installed Frontier kernel through %spark with jupyter_client (Debian python3-jupyter-client):
bad masters (malformed, silent) and Spark's jars missing are one-line errors that leave the kernel alive;
a local cluster starts and lists its executors with a status whose HTML links Spark's UI; compute() runs on
it with a live progress bar following Spark's task events; interrupting a long cell cancels its Spark job
and leaves the kernel alive; %spark peer refuses what is not a gateway; %spark stop goes back to threads.
usage: spark_kernel.py WORKDIR SLOW_OPS_JAR
Env: FRONTIER_KERNEL_NAME (the installed kernelspec), JUPYTER_PATH."""
import os
import queue
import socket
import sys
import time

from jupyter_client.manager import KernelManager

workdir, slow_jar = sys.argv[1], sys.argv[2]

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


km = KernelManager(kernel_name=os.environ["FRONTIER_KERNEL_NAME"])
km.start_kernel(cwd=workdir)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=180)


def run(code, timeout=600, interrupt_after=None):
    """Runs a cell; returns (reply status, text of its outputs, display messages)."""
    msg_id = kc.execute(code)
    texts, displays = [], []
    start = time.time()
    interrupted = False
    while True:
        if interrupt_after is not None and not interrupted and time.time() - start > interrupt_after:
            km.interrupt_kernel()
            interrupted = True
        try:
            m = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            if time.time() - start > timeout:
                raise TimeoutError("cell did not finish: " + code)
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        t, c = m["msg_type"], m["content"]
        if t == "stream":
            texts.append(c["text"])
        elif t in ("execute_result", "display_data", "update_display_data"):
            texts.append(c["data"].get("text/plain", ""))
            displays.append((t, c))
        elif t == "error":
            texts.append(c["ename"] + ": " + c["evalue"])
        elif t == "status" and c["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=60)
    return reply["content"]["status"], "".join(texts), displays


try:
    status, out, _ = run("%spark not-a-master")
    check(status == "error" and "malformed Spark master 'not-a-master'" in out and out.count("\n") <= 1,
          "a malformed master is a one-line error: " + out[:200])

    # a master that does not answer: a closed port on loopback
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.time()
    status, out, _ = run("%%spark spark://127.0.0.1:%d" % port)
    took = time.time() - t0
    check(status == "error" and ("no Spark master answers at spark://127.0.0.1:%d" % port) in out and "bin/spark-cluster start" in out,
          "a silent master is an error naming it: " + out[:300])
    check(took < 30, "the silent master's error comes within seconds (%.1f s)" % took)

    # Spark's jars missing (never downloaded, offline): the message says how to get them
    fake = os.path.join(workdir, "fake-dist")
    os.makedirs(os.path.join(fake, "spark-home", "jars"), exist_ok=True)
    open(os.path.join(fake, "frontier-spark-0.1.0-SNAPSHOT.jar"), "wb").close()
    link = os.path.join(fake, "spark-home", "jars", "spark-core_2.13-4.0.1.jar")
    if not os.path.islink(link):
        os.symlink(os.path.join(workdir, "m2", "org", "apache", "spark", "spark-core_2.13-4.0.1.jar"), link)
    status, out, _ = run('System.setProperty("frontier.spark.dist", "%s");\n%%spark local[2]' % fake)
    check(status == "error" and "Spark's jars are not in the local Maven repository" in out and "./setup.sh" in out,
          "missing jars say how to get them: " + out[:300])
    status, out, _ = run('System.clearProperty("frontier.spark.dist"); 1 + 1')
    check(status == "ok" and "2" in out, "the kernel is alive after the errors: " + out[:200])

    t0 = time.time()
    status, out, _ = run("%spark local-cluster[2,1,1024] --jars " + slow_jar)
    print(out, flush=True)
    print("local-cluster[2,1,1024] from the kernel: %.1f s" % (time.time() - t0), flush=True)
    check(status == "ok" and out.count("\nexecutor ") == 2, "two executor lines")

    status, out, displays = run("%spark status")
    html = "".join(c["data"].get("text/html", "") for t, c in displays)
    check(status == "ok" and '<a href="http://127.0.0.1:' in html and "Spark UI" in html and "/executors/" in html,
          "the status's HTML links Spark's UI: " + html[:300])
    status, out, _ = run("%spark peer add nowhere not-a-url")
    check(status == "error" and "a peer's gateway is http(s)://HOST[:PORT]" in out, "a peer that is not a gateway URL is refused: " + out[:200])
    status, out, _ = run("%spark peer remove nobody")
    check(status == "error" and "no peer named 'nobody'" in out, "removing an unknown peer is an error: " + out[:200])

    status, out, displays = run("""
var a = ChunkedArray.fromArray(NdArray.zeros(DType.UINT16, 8, 64, 60), 1, 32, 60).add(7).mul(3);
boolean same = a.maxProjection(0).compute().equals(a.maxProjection(0).compute(new frontier.array.sched.ThreadPoolScheduler(2)));
System.out.println("same as threads: " + same + ", scheduler: " + frontier.array.sched.Scheduler.current().getClass().getSimpleName());
""")
    check(status == "ok" and "same as threads: true, scheduler: SparkScheduler" in out, "compute() runs on Spark: " + out[-300:])
    bars = [c["data"].get("text/plain", "") for t, c in displays if "spark [" in c["data"].get("text/plain", "")]
    check(any("100% Completed" in b for b in bars), "a spark progress bar reaches 100%: " + repr(bars[-1:] if bars else bars))

    status, out, _ = run("%classpath " + slow_jar)
    check(status == "ok", "slow ops on the session's classpath: " + out[:200])
    t0 = time.time()
    status, out, _ = run("frontier.array.sched.Scheduler.current().run(frontier.sparktest.SlowOps.graph(48, 4000));", interrupt_after=12)
    took = time.time() - t0
    print("interrupted cell: %s after %.1f s: %s" % (status, took, out[-300:]), flush=True)
    check(status == "error" and "interrupted" in out, "the interrupted cell ends with an error")

    # the cancelled job leaves the executors: a status a few seconds later shows no job running
    running = None
    for _ in range(30):
        status, out, _ = run("%spark status")
        running = out.split("\n")[0]
        if " 0 jobs running" in running:
            break
        time.sleep(1)
    check(" 0 jobs running" in running, "the Spark job was cancelled: " + running)

    status, out, _ = run('a.sum().compute().getLong(0) == a.sum().compute(new frontier.array.sched.ThreadPoolScheduler(2)).getLong(0)')
    check(status == "ok" and "true" in out, "the kernel and the cluster still work after the interrupt: " + out[-200:])

    status, out, _ = run("%spark stop")
    check(status == "ok" and "compute() runs on threads again" in out, "stop: " + out)
    status, out, _ = run('frontier.array.sched.Scheduler.current().getClass().getSimpleName()')
    check("ThreadPoolScheduler" in out, "back to threads: " + out)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)

if failures:
    sys.exit("FAILED: " + "; ".join(failures))
print("OK: %spark in the kernel")
