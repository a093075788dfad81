#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against real peers (Jupyter, zarr-python, IPFS, Chromium).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify
