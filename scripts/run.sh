#!/usr/bin/env bash
# Sets up the machine, builds, and runs the demo: all four services on a fresh folder, a
# local SMTP sink, the Rijk van Nijmegen region with about 40 providers and their norms,
# and this year's declarations replayed month by month, printing alerts, advice and stops
# as they happen. It ends with the dashboard address and keeps running until Ctrl-C.
# Extra arguments go to `plafond demo` (e.g. --realtime, --seed 7, --poort 7500).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build
exec "$(swift build --show-bin-path)/plafond" demo "$@"
