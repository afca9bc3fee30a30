#!/usr/bin/env python3
"""The reporter's API against its contract, Services/Reporter/openapi.yaml.

Schemathesis (pinned in scripts/setup.sh) reads the spec, generates requests for every
operation, valid and invalid (`--mode all`), and sends them to a real reporter with its
bearer token. Every answer must: not be a 5xx, have a status the spec lists for the
operation, the content type and headers the spec gives, and a body valid against the
spec's schema (the English names, counts as numbers or "<5", the error body
`{code, message}`).

`scripts/browser_tests.py` runs this against its `plafond demo` (started with
`--api-token`), after the browser checks, so the answers hold a year of figures. On its
own: python3 scripts/api_contract.py [BIN_DIR] starts a demo of its own.
"""

import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "Services" / "Reporter" / "openapi.yaml"
CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
    "response_schema_conformance",
])


def new_token():
    return secrets.token_hex(16)


def check_contract(base, token, report_dir):
    """Runs schemathesis; raises AssertionError with its summary when an answer breaks the contract."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", str(SPEC), "--url", base,
        "--header", f"Authorization: Bearer {token}", "--checks", CHECKS, "--mode", "all",
        # Fixed seed and size: the same requests every run, about a minute on two cores.
        "--max-examples", "30", "--seed", "2026", "--workers", "1", "--request-timeout", "30", "--no-color",
        "--generation-database", "none", "--report", "junit", "--report-dir", str(report_dir),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = result.stdout + result.stderr
    print(output[-4000:])
    if result.returncode != 0:
        raise AssertionError(f"schemathesis found answers that break {SPEC.relative_to(ROOT)} (exit {result.returncode})")
    return output


def main():
    from browser_tests import Demo, default_bin_dir
    bin_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_bin_dir()
    token = new_token()
    demo = Demo(bin_dir, api_token=token)
    try:
        demo.wait_for_login()
        check_contract(demo.base, token, ROOT / ".build" / "schemathesis")
    finally:
        demo.stop()
    print("api contract: every answer fits openapi.yaml")


if __name__ == "__main__":
    main()
