#!/usr/bin/env bash
# Installs what Plafond needs on a fresh Debian machine with Swift: the C libraries
# (libzmq, SQLite, libcurl, libxml2), xmllint for the XSD checks, aiosmtpd for the SMTP sink,
# Debian's headless Chromium for the dashboard's browser test, and schemathesis for the API's
# contract test.
# Safe to run again: it installs only what is missing.
set -euo pipefail

need_apt=()
for pkg in libzmq3-dev libsqlite3-dev libcurl4-openssl-dev libxml2-dev libxml2-utils pkg-config chromium-headless-shell; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c "import aiosmtpd" >/dev/null 2>&1; then
    echo "setup: installing aiosmtpd"
    python3 -m pip install -q aiosmtpd
fi

# The browser tests (scripts/browser_tests.py): Playwright for Python drives the Debian
# Chromium above (never a downloaded browser), axe-core checks accessibility.
if ! python3 -c "import playwright, axe_playwright_python" >/dev/null 2>&1; then
    echo "setup: installing playwright and axe-playwright-python"
    python3 -m pip install -q playwright axe-playwright-python
fi

# The API's contract test (scripts/api_contract.py, run by the browser tests): schemathesis,
# pinned, so every run sends the same requests and judges them by the same rules.
SCHEMATHESIS_VERSION=4.32.5
if [ "$(python3 -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
    echo "setup: installing schemathesis $SCHEMATHESIS_VERSION"
    python3 -m pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
