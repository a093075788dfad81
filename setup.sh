#!/usr/bin/env bash
# Sets everything up and runs the main job (the notebooks in notebooks/), on a fresh Debian
# machine with Java 17 and Maven. --deps-only installs the system and npm packages and stops.
set -euo pipefail
cd "$(dirname "$0")"
DEBIAN_PACKAGES="python3-zarr python3-numcodecs python3-dask python3-jupyter-client python3-nbclient
  python3-jupyter-kernel-test python3-nbconvert python3-fsspec python3-aiohttp jupyter-notebook chromium"

missing=()
for p in $DEBIAN_PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
for dir in peers viewer; do
  if [ -f "$dir/package-lock.json" ]; then
    # npm ci refuses the peers' lock: js-ipfs has an optional dependency on a GitHub tarball that
    # npm ci insists on resolving; npm install honours the same lock file and skips it.
    (cd "$dir" && { npm ci --no-audit --no-fund --loglevel=silent 2>/dev/null || npm install --no-audit --no-fund --loglevel=error; })
  fi
done
[ "${1:-}" = "--deps-only" ] && exit 0

# The build also downloads Spark's jars into ~/.m2 and links them into spark/target/spark-home,
# so that %spark and bin/spark-cluster work offline from then on.
mvn -B -q package -DskipTests
exec bin/run-notebooks
