#!/usr/bin/env bash
# Sets up the machine, builds, and runs Plafond locally: all four services (`plafond up`)
# on a fresh data folder, a local SMTP sink, one norm and one declaration that crosses
# its 70% threshold, so you can see the alert mail and the figures on the dashboard API.
# Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build
BIN="$(swift build --show-bin-path)"
WORK="$(mktemp -d /tmp/plafond-run.XXXXXX)"
mkdir -p "$WORK/mail"
sed "s#^data = .*#data = \"$WORK/data\"#" deploy/plafond.toml > "$WORK/plafond.toml"

python3 Tests/Support/smtp_sink.py --host 127.0.0.1 --port 2525 --dir "$WORK/mail" > "$WORK/smtp.log" 2>&1 &
SMTP=$!
"$BIN/plafond" up --config "$WORK/plafond.toml" &
UP=$!
trap 'kill -TERM $UP 2>/dev/null; wait $UP 2>/dev/null; kill $SMTP 2>/dev/null; echo "data and mail kept in $WORK"' EXIT INT TERM

until curl -fs http://127.0.0.1:8080/api/norms >/dev/null 2>&1; do sleep 0.5; done
YEAR=$(date -d "$(date +%Y-%m-01) -1 month" +%Y)
MONTH=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
"$BIN/plafond" norm add --config "$WORK/plafond.toml" --naam "Begeleiding jeugd, Zorgaanbieder De Linde" \
    --soort bestedingsruimte --gemeente 0268 --aanbieder 12345678 --categorie 45 --periode "$YEAR" --grens "€ 1.000,00"
LAST=$(date -d "$MONTH-01 +1 month -1 day" +%Y-%m-%d)
sed -e "s/MAAND-01/$MONTH-01/g" -e "s/MAAND-LAATSTE/$LAST/g" -e "s/VANDAAG/$(date +%Y-%m-%d)/g" \
    deploy/examples/jw323-voorbeeld.xml > "$WORK/jw323.xml"
"$BIN/plafond" submit --config "$WORK/plafond.toml" "$WORK/jw323.xml"

for _ in $(seq 1 50); do ls "$WORK/mail"/*.eml >/dev/null 2>&1 && break; sleep 0.2; done
echo; echo "== E-mail aan de contractmanager =="
python3 - "$WORK"/mail/*.eml <<'PY'
import email, sys
from email import policy
for path in sys.argv[1:]:
    message = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
    print("Aan:", message["To"]); print("Onderwerp:", message["Subject"]); print("Message-ID:", message["Message-ID"]); print()
    print(message.get_body(preferencelist=("plain",)).get_content())
PY
echo "== GET http://127.0.0.1:8080/api/norms =="; curl -s http://127.0.0.1:8080/api/norms; echo
echo; echo "Plafond draait. Dashboard: http://127.0.0.1:8080/ — API: http://127.0.0.1:8080/api/norms — stoppen met Ctrl-C."
wait $UP
