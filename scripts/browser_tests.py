#!/usr/bin/env python3
"""The dashboard in a real browser, against the real system.

Starts `plafond demo` (the four built executables and the SMTP sink, a year of
declarations), then drives Debian's headless Chromium through Playwright as a contract
manager would: log in, open the norm that needs attention first, acknowledge its alert,
impose and lift a stop, find each on the timeline and the acknowledgement in notifier's
audit, log out. Then: a lezer cannot act, a form without the CSRF token is refused, and
axe-core finds no serious or critical violation on the start, norm, alert, timeline and
report pages at 1400 and 390 px. Screenshots of the start page at both widths go to the
folder printed at the end.

Usage: python3 scripts/browser_tests.py [BIN_DIR]   (BIN_DIR: `swift build --show-bin-path`)
Exits non-zero on the first failed check, with what was expected and found.
"""

import json
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import api_contract
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium-headless-shell"
WIDTHS = {"breed": (1400, 900), "smal": (390, 844)}
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(message)


def eventually(condition, message, seconds=20, seen=lambda: ""):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            check(True, message)
            return
        time.sleep(0.3)
    check(False, f"{message}; found: {seen()[:1500]}")


def free_base_port():
    """A base port whose demo ports (base+0…29, +80, +81) are free now: below the ephemeral
    range the Swift tests draw from, and tried first, because other test runs on the same
    machine start demos of their own."""
    import random
    import socket
    offsets = list(range(30)) + [80, 81]
    for _ in range(50):
        base = random.randrange(12_000, 32_000, 100)
        sockets = []
        try:
            for offset in offsets:
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sockets.append(sock)
                sock.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise AssertionError("no free ports for the demo")


class Demo:
    """`plafond demo` in a folder of its own, stopped with SIGTERM (it stops its children)."""

    def __init__(self, bin_dir: Path, api_token=None):
        self.folder = Path(tempfile.mkdtemp(prefix="plafond-browser-"))
        self.base_port = free_base_port()
        self.bin_dir = bin_dir
        self.api_token = api_token
        self.log = open(self.folder / "demo.out", "w+")
        token = ["--api-token", api_token] if api_token else []
        self.process = subprocess.Popen(
            [str(bin_dir / "plafond"), "demo", "--map", str(self.folder / "demo"), "--poort", str(self.base_port),
             *token],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.base_port + 80}"

    @property
    def config(self):
        return str(self.folder / "demo" / "plafond.toml")

    def wait_for_login(self, seconds=900):
        deadline = time.time() + seconds
        while time.time() < deadline:
            self.log.seek(0)
            match = re.search(r"^Inloggen: (\S+) / (\S+)$", self.log.read(), re.MULTILINE)
            if match:
                return match.group(1), match.group(2)
            if self.process.poll() is not None:
                break
            time.sleep(1)
        self.log.seek(0)
        raise AssertionError("the demo printed no 'Inloggen: NAAM / WACHTWOORD' line:\n" + self.log.read()[-3000:])

    def plafond(self, *arguments):
        return subprocess.run(
            [str(self.bin_dir / "plafond"), *arguments, "--config", self.config],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout

    def api(self, path):
        request = urllib.request.Request(self.base + path)
        if self.api_token:
            request.add_header("Authorization", f"Bearer {self.api_token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def fits_width(page, width, label):
    """At 390 px nothing but the tables' own scroll areas may be wider than the screen."""
    overflow = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""w => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""",
                         width)
    check(overflow <= width + 1, f"{label} at {width} px is {overflow} px wide: {wide}")


def log_in(page, base, name, password):
    page.goto(base + "/")
    check("/inloggen" in page.url, f"a page without login goes to the login page, not {page.url}")
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    check(page.url.rstrip("/") == base, f"after login the start page opens, not {page.url}")


def no_serious_violations(page, axe, label):
    results = axe.run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    details = "; ".join(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])}x]" for v in serious)
    check(not serious, f"axe on {label}: {details}")


def timeline_text(page, base, norm_id):
    """The norm page's timeline as text (the whole page when it has none yet)."""
    page.goto(f"{base}/normen/{norm_id}")
    timeline = page.locator("ol.timeline")
    return timeline.inner_text() if timeline.count() else page.locator("main").inner_text()


def all_norms(demo):
    norms, page = [], 1
    while True:
        batch = demo.api(f"/api/norms?per_pagina=500&pagina={page}")
        norms += batch
        if len(batch) < 500:
            return norms
        page += 1


def default_bin_dir():
    return Path(subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.strip())


def main():
    bin_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_bin_dir()
    screenshots = ROOT / ".build" / "browser-screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    # The API asks for a bearer token, as beyond loopback; the same demo then serves the
    # contract test (scripts/api_contract.py), a year of figures behind every answer.
    token = api_contract.new_token()
    demo = Demo(bin_dir, api_token=token)
    try:
        name, password = demo.wait_for_login()
        run(demo, name, password, screenshots)
        api_contract.check_contract(demo.base, token, ROOT / ".build" / "schemathesis")
        check(True, "every API answer fits openapi.yaml (schemathesis)")
    finally:
        demo.stop()
    print(f"browser tests: {checks} checks passed; screenshots in {screenshots}")


def run(demo, name, password, screenshots):
    base = demo.base
    norms = all_norms(demo)
    # No norm with a firing alert, a forecast over its limit or an open stop advice is green.
    for norm in norms:
        over = norm.get("forecast") and norm["forecast"]["projectedTotal"] > norm["limit"] and norm["instrument"] in (
            "signaalplafond", "bestedingsruimte")
        if norm["firingThresholds"] or norm["forecastFiring"] or over or norm.get("stop") == "advised":
            check(norm["status"] != "binnen de drempels", f"norm {norm['id']} needs attention but reads {norm['status']}")
    needing = [n for n in norms if n["attention"]["level"] not in ("ok", "ended")]
    check(needing, "after the demo some norm needs attention")
    most_urgent = max(n["attention"]["urgencyPercentage"] for n in needing)

    axe = Axe()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
        page = context.new_page()
        log_in(page, base, name, password)

        # The first item on the start page is the norm furthest over its limit.
        first = page.locator("ol.triage > li").first
        first_link = first.locator("h3 a")
        first_id = int(first_link.get_attribute("href").rsplit("/", 1)[1])
        first_norm = next(n for n in norms if n["id"] == first_id)
        check(first_norm["attention"]["urgencyPercentage"] == most_urgent,
              f"the first item (norm {first_id}) is the one furthest over its limit ({most_urgent}%)")
        for label, (width, height) in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base + "/")
            file = screenshots / f"start-{width}px.png"
            page.screenshot(path=str(file), full_page=False)
            check(file.stat().st_size > 10_000, f"{file} holds a real picture")
            no_serious_violations(page, axe, f"the start page at {width} px")
            fits_width(page, width, "the start page")
        page.set_viewport_size({"width": 1400, "height": 900})

        if first_norm.get("providerName"):
            page.goto(base + "/")
            check(f"{first_norm['providerName']} ({first_norm['provider']})" in first.inner_text(),
                  "the first item names its provider beside the AGB code")

        # Sorting by a column header: spend, largest first.
        page.goto(base + "/")
        page.locator("table.norms thead").get_by_role("link", name="Besteed").click()
        page.wait_for_load_state()
        ids = [int(h.split("/")[-1]) for h in page.locator("table.norms tbody th a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")]
        # "<5" (an instroomtarget of one to four clients) sorts between nothing and five.
        spent = {n["id"]: 2.5 if n["spent"] == "<5" else n["spent"] for n in norms}
        check([spent[i] for i in ids] == sorted((spent[i] for i in ids), reverse=True),
              "the Besteed header sorts the table by spend, largest first")

        # Open the first item and acknowledge its first unacknowledged alert.
        check(first_norm["unacknowledgedAlerts"] > 0, "the most urgent norm has an alert nobody acknowledged")
        ack_norm = first_id
        page.goto(base + "/")
        page.locator("ol.triage > li").first.locator("h3 a").click()
        page.wait_for_url(f"{base}/normen/{ack_norm}")
        select = page.locator("select[name=melding]")
        alert_id = int(select.locator("option").first.get_attribute("value"))
        select.select_option(str(alert_id))
        page.get_by_label("Notitie").fill("analysegesprek gepland")
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_load_state()
        check(page.locator(".notice").inner_text().startswith(f"Melding {alert_id} bevestigd"),
              "the page says the alert was acknowledged")
        eventually(lambda: f"Melding {alert_id} bevestigd door {name}" in timeline_text(page, base, ack_norm),
                   "the acknowledgement shows on the norm's timeline with the person's name",
                   seen=lambda: timeline_text(page, base, ack_norm))
        audit = json.loads(demo.plafond("notify", "log", "--melding", str(alert_id), "--json"))
        check(audit and audit[0]["acknowledgedBy"] == name and audit[0]["acknowledgedNote"] == "analysegesprek gepland",
              f"notifier's audit records the acknowledgement by {name}: {audit}")

        # Silence the norm's alerts until a day: notifier records it, the timeline shows it.
        page.goto(f"{base}/normen/{ack_norm}")
        until = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))
        page.get_by_label("Tot (niet tot en met)").fill(until)
        page.locator("form[action$='/stilzetten']").get_by_label("Reden").fill("in gesprek met de aanbieder")
        page.get_by_role("button", name="Stilzetten").click()
        page.wait_for_load_state()
        eventually(lambda: f"stilgezet door {name}" in timeline_text(page, base, ack_norm),
                   "the silence shows on the timeline with the person's name",
                   seen=lambda: timeline_text(page, base, ack_norm))

        # Impose and lift a stop on a norm that allows one and has none.
        stoppable = [n for n in norms if n["instrument"] == "bestedingsruimte" and not n.get("stop") and not n["ended"]]
        check(stoppable, "some bestedingsruimte has no stop")
        stop_norm = stoppable[0]["id"]
        page.goto(f"{base}/normen/{stop_norm}")
        page.get_by_label("Datum analysegesprek").fill("2026-03-02")
        page.get_by_label("Reden (uitkomst van het gesprek)").fill("Wachtlijst loopt op")
        page.get_by_role("button", name="Stop opleggen").click()
        page.wait_for_load_state()
        eventually(lambda: f"Toeleidingsstop opgelegd door {name}" in timeline_text(page, base, stop_norm),
                   "the imposed stop shows on the timeline with the person's name",
                   seen=lambda: timeline_text(page, base, stop_norm))
        page.goto(f"{base}/normen/{stop_norm}")
        lift_form = page.locator("form[action$='/stop-opheffen']")
        check("vier maanden" in lift_form.inner_text() or "grens wordt niet bereikt" in lift_form.inner_text(),
              "lifting shows the forecast the four-month rule asks for")
        lift_form.get_by_label("Reden").fill("Analyse: instroom onder controle")
        page.get_by_role("button", name="Stop opheffen").click()
        page.wait_for_load_state()
        eventually(lambda: f"Toeleidingsstop opgeheven door {name}" in timeline_text(page, base, stop_norm),
                   "the lifted stop shows on the timeline with the person's name",
                   seen=lambda: timeline_text(page, base, stop_norm))
        decisions = json.loads(demo.plafond("notify", "besluiten", "--norm", str(stop_norm), "--json"))
        check([(d["kind"], d["by"]) for d in decisions][-2:] == [("stop.imposed", name), ("stop.lifted", name)],
              f"notifier's audit records the stop imposed and lifted by {name}: {decisions}")

        # A forged form (no CSRF token) is refused, even with the session cookie.
        forged = page.request.post(f"{base}/normen/{stop_norm}/stop-opleggen", form={"reden": "vervalst"})
        check(forged.status == 403, f"a form without the CSRF token is refused (got {forged.status})")

        # Accessibility of the other pages, at both widths.
        year = first_norm["period"][:4]
        pages = {
            "de normpagina": f"/normen/{first_id}", "de meldingen": "/meldingen", "de tijdlijn": "/tijdlijn",
            "de rapportage": f"/rapport?regio=Rijk%20van%20Nijmegen&periode={year}",
            "de rapportkeuze": "/rapport",
        }
        for label, path in pages.items():
            for width, height in WIDTHS.values():
                page.set_viewport_size({"width": width, "height": height})
                page.goto(base + path)
                check(page.url.startswith(base + path.split("?")[0]), f"{label} opens ({page.url})")
                check("GRDB" not in page.content(), f"{label} shows no internals")
                no_serious_violations(page, axe, f"{label} at {width} px")
                fits_width(page, width, label)
        page.set_viewport_size({"width": 1400, "height": 900})

        # The menu's Rapportage asks which report; its form makes the regio's.
        page.goto(base + "/")
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportage").click()
        page.wait_for_url(f"{base}/rapport")
        page.locator("select[name=regio]").select_option("Rijk van Nijmegen")
        page.locator("select[name=periode]").select_option(year)
        with page.expect_navigation():
            page.get_by_role("button", name="Rapport maken").click()
        heading = page.locator("h1").inner_text()
        check(heading.endswith(f"regio Rijk van Nijmegen, {year}"), f"the form makes the regio's report: {heading} at {page.url}, "
              f"{page.locator('.error').all_inner_texts()}")

        # Log out: the dashboard asks for a login again.
        page.goto(base + "/")
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_load_state()
        page.goto(base + "/")
        check("/inloggen" in page.url, "after logging out the dashboard asks for a login")

        # A lezer reads but cannot act: no forms, and a posted form with a valid token is refused.
        demo.plafond("user", "add", "lezer", "--rol", "lezer", "--wachtwoord", "alleen-lezen-graag")
        reader = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
        reader_page = reader.new_page()
        log_in(reader_page, base, "lezer", "alleen-lezen-graag")
        reader_page.goto(f"{base}/normen/{stop_norm}")
        check(reader_page.locator("form[action*='/normen/']").count() == 0, "a lezer sees no forms to act with")
        token = reader_page.locator("input[name=csrf]").first.get_attribute("value")
        refused = reader_page.request.post(
            f"{base}/normen/{stop_norm}/stop-opleggen", form={"reden": "mag niet", "csrf": token})
        check(refused.status == 403, f"a lezer's action is refused (got {refused.status})")
        check(reader_page.request.get(f"{base}/beheer").status == 403, "a lezer cannot manage accounts")

        # A beheerder manages the accounts in the browser: the page passes axe too.
        demo.plafond("user", "add", "beheerder", "--rol", "beheerder", "--wachtwoord", "accounts-beheren-graag")
        admin = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
        admin_page = admin.new_page()
        log_in(admin_page, base, "beheerder", "accounts-beheren-graag")
        admin_page.get_by_role("link", name="Accounts").click()
        admin_page.wait_for_url(f"{base}/beheer")
        check("lezer" in admin_page.locator("table").inner_text(), "the accounts page lists the lezer")
        for width, height in WIDTHS.values():
            admin_page.set_viewport_size({"width": width, "height": height})
            no_serious_violations(admin_page, axe, f"the accounts page at {width} px")
        browser.close()


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"browser tests FAILED after {checks} checks: {failure}", file=sys.stderr)
        sys.exit(1)
