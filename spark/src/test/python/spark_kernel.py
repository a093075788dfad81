#!/usr/bin/python3
"""Drives the Frontier kernel (its jar, started as Jupyter starts it) through %spark with jupyter_client
(Debian python3-jupyter-client): a local cluster starts and lists its executors, compute() runs on it with
a live progress bar, interrupting a long cell cancels its Spark job and leaves the kernel alive, a bad
master is a one-line error, and %spark stop goes back to threads.
usage: spark_kernel.py KERNEL_JAR WORKDIR SLOW_OPS_JAR"""
import json
import os
import queue
import sys
import time

from jupyter_client.manager import KernelManager

jar, workdir, slow_jar = sys.argv[1], sys.argv[2], sys.argv[3]
spec_dir = os.path.join(workdir, "kernels", "frontier-spark-it")
os.makedirs(spec_dir, exist_ok=True)
with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
    json.dump({"argv": [os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"), "-jar", jar, "{connection_file}"],
               "display_name": "Frontier (Spark IT)", "language": "java", "interrupt_mode": "message"}, f)
os.environ["JUPYTER_PATH"] = workdir

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


km = KernelManager(kernel_name="frontier-spark-it")
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
    check(status == "error" and "malformed Spark master 'not-a-master'" in out, "a malformed master is a one-line error: " + out[:200])

    t0 = time.time()
    status, out, _ = run("%spark local-cluster[2,1,1024] --jars " + slow_jar)
    print(out, flush=True)
    print("local-cluster[2,1,1024] from the kernel: %.1f s" % (time.time() - t0), flush=True)
    check(status == "ok" and out.count("\nexecutor ") == 2, "two executor lines")

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
