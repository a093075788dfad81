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
# An S3-compatible server for the s3:// tests (moto in server mode): Debian's python3-moto where the
# release packages it (trixie on). Bookworm has none; there the machine image's Python 3.11 (the
# python3 first on PATH) ships moto 5 with boto3, which the tests find (frontier.store.s3.MotoServer).
OPTIONAL_DEBIAN_PACKAGES="python3-moto"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
updated=""
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  updated=1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
for p in $OPTIONAL_DEBIAN_PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 && continue
  if apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    [ -n "$updated" ] || $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$p"
  else
    echo "setup: Debian has no $p in this release"
  fi
done
# Where no interpreter has moto (Bookworm without the image's Python), PyPI's moto goes into a
# venv of its own under peers/ (Debian's python3 refuses pip installs outside one).
has_moto() { for py in /usr/bin/python3 $(type -a -P python3 2>/dev/null); do "$py" -c "import moto.server, boto3" 2>/dev/null && return 0; done; return 1; }
if ! has_moto && [ ! -x peers/moto-venv/bin/python ]; then
  echo "setup: installing moto[server] 5.1 from PyPI into peers/moto-venv"
  dpkg -s python3-venv >/dev/null 2>&1 || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv; }
  if ! { /usr/bin/python3 -m venv peers/moto-venv && peers/moto-venv/bin/pip install -q "moto[server]>=5.1,<5.2" boto3; }; then
    rm -rf peers/moto-venv
    echo "setup: WARNING: could not install moto (no PyPI?): the s3:// tests will skip" >&2
  fi
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
