# Shared by bench/ome-info and bench/ome-download: builds the data jar, makes the full fixture
# once (as bench/target/ome-srv/6001240.zarr), and runs bench/lib/ome/OmeBench.java, which serves
# it on loopback and runs ours and the peer (bench/lib/ome/ome_peer.py: zarr-python 2.13 + fsspec
# HTTP) against the same server in the same run.
# Ours runs in a JVM with the options of the installed kernel (read from a kernelspec installed to a
# scratch prefix), because the tutorial's %ome_zarr cells and the sample image's server both run in
# the kernel's JVM. Ours is then timed once more, alone, in a JVM with default options (tiered JIT
# with C2, G1), as a library user would run it; that figure is printed as a comment (ome_default_*).
# usage: . bench/lib/ome-bench.sh; ome_bench info|download RUNS
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/data-classpath.sh"
. "$(dirname "${BASH_SOURCE[0]}")/trash.sh"
ome_bench() {
  local what=$1 runs=$2
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  mkdir -p bench/target
  local srv=bench/target/ome-srv
  if [ ! -f "$srv/6001240.zarr/0/.zarray" ]; then
    rm -rf "$srv"
    mkdir -p "$srv"
    /usr/bin/python3 tools/make_ome_zarr.py "$srv/6001240.zarr.tmp" --size full >/dev/null
    mv "$srv/6001240.zarr.tmp" "$srv/6001240.zarr"
  fi
  local cp work
  cp=$(data_classpath bench/target/build-data.log)
  work=bench/target/ome-$what-work
  # a previous run's copies are moved aside now and deleted when this bench ends (bench/lib/trash.sh)
  bench_trash "$work"
  mkdir -p "$work"
  [ "$what" = download ] && bench_recent_delete_note # only the download creates files
  local kopts
  kopts=$(kernel_jvm_options)
  echo "# ours runs with the kernel's JVM options: $kopts"
  # shellcheck disable=SC2086 # the options are words
  OME_RESULT=$(java $kopts -cp "$cp" bench/lib/ome/OmeBench.java "$what" "$srv" 6001240.zarr "$runs" bench/lib/ome/ome_peer.py "$work")
  echo "$OME_RESULT" | sed 's/^/# /'
  OME_KOPTS=$kopts OME_CP=$cp OME_SRV=$srv
  OME_DEFAULT=$(java -cp "$cp" bench/lib/ome/OmeBench.java "$what" "$srv" 6001240.zarr "$runs" - "$work/default-jvm")
  echo "# ours in a JVM with default options: median $(echo "$OME_DEFAULT" | sed -n 's/^ours_seconds=//p') s, runs $(echo "$OME_DEFAULT" | sed -n 's/^ours_runs=//p')"
}

# The JVM options of the kernel as installed (Installer.jvmOptions), from a scratch kernelspec.
kernel_jvm_options() {
  local jar scratch
  jar=$(ls kernel/target/frontier-kernel-*.jar 2>/dev/null | grep -v -e original -e sources | head -1 || true)
  if [ -z "$jar" ]; then
    mvn -B -q -o -pl kernel -am package -DskipTests >&2 || mvn -B -q -pl kernel -am package -DskipTests >&2
    jar=$(ls kernel/target/frontier-kernel-*.jar | grep -v -e original -e sources | head -1)
  fi
  scratch=$(mktemp -d)
  java -jar "$jar" install --prefix "$scratch" --name bench-options --no-cds >/dev/null
  /usr/bin/python3 -c 'import json, sys
argv = json.load(open(sys.argv[1]))["argv"]
print(" ".join(a for a in argv[1:argv.index("-jar")] if " " not in a))' "$scratch/share/jupyter/kernels/bench-options/kernel.json"
  rm -rf "$scratch"
}
# What our HTTP client library (java.net.http) costs next to a native client (curl) fetching the
# same files from the same server (OmeBench http-cost), against the CPU a download of ours takes.
# A comment, not a figure; skipped when curl is absent (Debian: curl).
ome_http_cost() {
  if ! command -v curl >/dev/null || [ ! -x /usr/bin/time ]; then
    echo "# http-cost: skipped, curl or /usr/bin/time missing (Debian: curl time)"
    return 0
  fi
  local r jn cu sv files
  # shellcheck disable=SC2086 # the options are words
  r=$(java $OME_KOPTS -cp "$OME_CP" bench/lib/ome/OmeBench.java http-cost "$OME_SRV" 6001240.zarr 10)
  jn=$(echo "$r" | sed -n 's/^javanet_ms=//p'); cu=$(echo "$r" | sed -n 's/^curl_ms=//p')
  sv=$(echo "$r" | sed -n 's/^server_ms=//p'); files=$(echo "$r" | sed -n 's/^files=//p')
  echo "# http-cost: CPU for GETs of the ${files} files from the same server, 16 at a time: java.net.http ${jn} ms, curl ${cu} ms (the server: ${sv} ms)"
  echo "# http-cost: the library's extra $((jn - cu)) ms is $(( 100 * (jn - cu) / $(ome_value ours_cpu_ms) ))% of the $(ome_value ours_cpu_ms) ms of CPU (client, server and disk) a download of ours takes"
}
ome_value() { echo "$OME_RESULT" | sed -n "s/^$1=//p"; }
# Deletes what earlier runs left, after all timing is done.
ome_bench_done() { bench_empty_trash; }
