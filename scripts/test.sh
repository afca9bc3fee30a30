#!/usr/bin/env bash
# Sets up the machine, builds everything, and runs all tests (unit, socket and
# end-to-end tests that start the real executables and a real SMTP server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
PLAFOND_BIN_DIR="$(swift build --show-bin-path)" swift test --skip-build "$@"
