#!/usr/bin/env bash
# Sets up the machine, builds everything, and runs all tests (unit, socket and
# end-to-end tests that start the real executables and a real SMTP server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Style first: a second, and it says where (.swift-format; `swift format format -i -r …` fixes most).
swift format lint --strict -r Shared Services Tests Benchmarks Package.swift
# The reporter's API code is generated from Services/Reporter/openapi.yaml and committed:
# regenerated here, it must come out the same (docs/API.md). Builds the generator in a package
# of its own first: 1 min 45 s of CPU (8 min 39 s of wall time while two other builds shared
# the two cores).
bash scripts/openapi.sh check
swift build --build-tests
# One test at a time: the end-to-end suites (the demo year, the chaos run, the fuzzers)
# each start whole systems, and on two cores in parallel they starve each other into
# timeouts. Serial, the Swift suites take about ten minutes after the build, the browser
# checks about four more.
PLAFOND_BIN_DIR="$(swift build --show-bin-path)" swift test --skip-build --no-parallel "$@"
# The dashboard in a real browser against the real system (plafond demo), with axe-core,
# then the API against openapi.yaml with schemathesis on the same demo; skipped when the
# run was narrowed to some tests (arguments given).
if [ $# -eq 0 ]; then
    python3 scripts/browser_tests.py "$(swift build --show-bin-path)"
fi
