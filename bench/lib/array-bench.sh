# Shared by bench/mip and bench/mean: builds the data jar, makes the full fixture once, runs
# ours (frontier.array, default thread-pool scheduler) and dask's threaded scheduler on the
# same local directory in the same run, and prints the BENCH line.
# usage: . bench/lib/array-bench.sh; run_array_bench NAME mip|mean
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/data-classpath.sh"
run_array_bench() {
  local name=$1 what=$2 runs=${BENCH_RUNS:-7}
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  mkdir -p bench/target
  local fixture=bench/target/fixture-full
  if [ ! -f "$fixture/0/.zarray" ]; then
    rm -rf "$fixture"
    /usr/bin/python3 tools/make_ome_zarr.py "$fixture.tmp" --size full >/dev/null
    mv "$fixture.tmp" "$fixture"
  fi
  local cp
  cp=$(data_classpath bench/target/build-data.log)
  local ours peer
  ours=$(java -Xmx${BENCH_XMX:-64m} -cp "$cp" bench/lib/ArrayBench.java "$what" "$fixture/0" "$runs")
  peer=$(/usr/bin/python3 bench/lib/dask_bench.py "$what" "$fixture/0" "$runs")
  echo "# ours: $(echo $ours)"
  echo "# dask: $(echo $peer)"
  local o p
  o=$(echo "$ours" | sed -n 's/^seconds=//p')
  p=$(echo "$peer" | sed -n 's/^seconds=//p')
  local ro rp
  ro=$(echo "$ours" | sed -n 's/^result=//p'); rp=$(echo "$peer" | sed -n 's/^result=//p')
  /usr/bin/python3 - "$ro" "$rp" <<'PY' || { echo "# results differ: ours=$ro dask=$rp" >&2; exit 1; }
import sys
a, b = float(sys.argv[1]), float(sys.argv[2])
sys.exit(0 if abs(a - b) <= 1e-9 * max(1, abs(b)) else 1)
PY
  echo "$(echo "$ours" | sed -n 's/^peak_heap_mib=/# '"$name"' peak heap used while computing (MiB, sampled): /p') of a -Xmx$(echo "$ours" | sed -n "s/^max_heap_mib=//p")m heap; level 0 alone is 67 MiB"
  printf 'BENCH %s ours=%.4f peer=%.4f speedup=%.2f\n' "$name" "$o" "$p" "$(echo "$p / $o" | bc -l)"
}
