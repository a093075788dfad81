#!/usr/bin/python3
"""numcodecs' blosc decode throughput on every chunk file of a Zarr array directory (the peer side of
BloscDecodeBench). usage: blosc_speed.py DIR [threads] [rounds]"""
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from numcodecs import blosc

d = sys.argv[1]
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
blosc.use_threads = False  # one core per call, like our decoder; parallelism comes from the pool
chunks = [open(os.path.join(d, f), 'rb').read() for f in sorted(os.listdir(d)) if not f.startswith('.')]
raw = sum(len(blosc.decompress(c)) for c in chunks)
enc = sum(len(c) for c in chunks)


def work(first):
    return sum(len(blosc.decompress(chunks[i])) for i in range(first, len(chunks), threads))


if threads == 1:
    # CPU time of this thread: robust when other processes share the cores
    best_cpu = float('inf')
    for _ in range(rounds):
        c0 = time.thread_time()
        for c in chunks:
            blosc.decompress(c)
        best_cpu = min(best_cpu, time.thread_time() - c0)
    print(f'numcodecs blosc: 1 thread CPU time: best {best_cpu * 1e3:.1f} ms = {raw / 1e6 / best_cpu:.0f} MB/s')

best = float('inf')
with ThreadPoolExecutor(threads) as pool:
    for _ in range(rounds):
        t0 = time.perf_counter()
        total = sum(pool.map(work, range(threads)))
        best = min(best, time.perf_counter() - t0)
        assert total == raw
print(f'numcodecs blosc: {len(chunks)} chunks, {raw / 1e6:.1f} MB raw ({enc / 1e6:.1f} MB encoded), '
      f'{threads} thread(s): best {best * 1e3:.1f} ms = {raw / 1e6 / best:.0f} MB/s')
