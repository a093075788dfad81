# Shared by bench/ome-info and bench/ome-download: builds the data jar, makes the full fixture
# once (as bench/target/ome-srv/6001240.zarr), and runs bench/lib/ome/OmeBench.java, which serves
# it on loopback and runs ours and the peer (bench/lib/ome/ome_peer.py: zarr-python 2.13 + fsspec
# HTTP) against the same server in the same run.
# usage: . bench/lib/ome-bench.sh; ome_bench info|download RUNS
set -euo pipefail
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
  if ! ls data/target/frontier-data-*.jar >/dev/null 2>&1 || [ -n "$(find data/src/main -newer "$(ls data/target/frontier-data-*.jar | head -1)" -print -quit)" ]; then
    mvn -B -q -o -pl data -am package -DskipTests >&2
  fi
  local cpfile=bench/target/data-classpath.txt
  [ -s "$cpfile" ] || mvn -B -q -o -pl data dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile" >/dev/null
  local jar work
  jar=$(ls data/target/frontier-data-*.jar | grep -v -e sources -e tests | head -1)
  work=bench/target/ome-$what-work
  # a previous run's copies are moved aside now and deleted when this bench ends (ome_bench_done)
  if [ -e "$work" ]; then mkdir -p bench/target/trash && mv "$work" "bench/target/trash/ome-$what-$$-$RANDOM"; fi
  mkdir -p "$work"
  OME_RESULT=$(java -cp "$jar:$(cat "$cpfile")" bench/lib/ome/OmeBench.java "$what" "$srv" 6001240.zarr "$runs" bench/lib/ome/ome_peer.py "$work")
  echo "$OME_RESULT" | sed 's/^/# /'
}
ome_value() { echo "$OME_RESULT" | sed -n "s/^$1=//p"; }
# Deletes what earlier runs left, after all timing is done.
ome_bench_done() { rm -rf bench/target/trash; }
