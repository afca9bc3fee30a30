import Contracts
import Domain

/// The forms on a norm's page: what a contract manager can decide there. A `lezer`
/// sees the alerts and the stop, without forms. Every form carries the CSRF token.
enum NormActionForms {
    static func render(
        _ norm: NormFigures, alerts: [NormAlert], viewer: HTML.Viewer?, mayAct: Bool, today: Day,
        done: String? = nil, failed: String? = nil
    ) -> String {
        let e = HTML.escape
        var parts: [String] = ["<h2 id=\"handelen\">Meldingen en besluiten</h2>"]
        if let done { parts.append("<p class=\"notice\" role=\"status\">\(e(done))</p>") }
        if let failed { parts.append("<p class=\"error\" role=\"alert\">Niet gelukt: \(e(failed))</p>") }
        parts.append(alertList(alerts))
        parts.append(stopText(norm, today: today))
        guard mayAct, let viewer, !norm.ended else {
            if !mayAct {
                parts.append("<p class=\"meta\">U kunt meekijken; handelen kan met de rol contractmanager.</p>")
            }
            return parts.joined(separator: "\n")
        }
        let csrf = "<input type=\"hidden\" name=\"csrf\" value=\"\(e(viewer.csrfToken))\">"
        let action = { (path: String) in "/normen/\(norm.id)/\(path)" }
        var forms: [String] = []
        let open = alerts.filter { $0.acknowledgedBy == nil }
        if !open.isEmpty {
            let options = open.map { "<option value=\"\($0.id)\">\(e(describe($0)))</option>" }.joined()
            forms.append(
                """
                <form method="post" action="\(action("bevestigen"))" aria-labelledby="f-ack"><h3 id="f-ack">Melding bevestigen</h3>\(csrf)
                <label>Melding<select name="melding">\(options)</select></label>
                <label>Notitie<input name="notitie" placeholder="bijvoorbeeld: analysegesprek gepland op 3 maart"></label>
                <button type="submit">Bevestigen</button></form>
                """)
        }
        if !alerts.isEmpty {
            forms.append(
                """
                <form method="post" action="\(action("stilzetten"))" aria-labelledby="f-silence"><h3 id="f-silence">Meldingen stilzetten</h3>\(csrf)
                <label>Tot (niet tot en met)<input name="tot" type="date" required min="\(today.adding(days: 1).iso)"></label>
                <label>Reden<input name="reden"></label>
                <button type="submit">Stilzetten</button></form>
                """)
        }
        forms.append(
            """
            <form method="post" action="\(action("analysegesprek"))" aria-labelledby="f-analysis"><h3 id="f-analysis">Analysegesprek vastleggen</h3>\(csrf)
            <label>Datum van het gesprek<input name="datum" type="date" required max="\(today.iso)"></label>
            <label>Deelnemers<input name="deelnemers" placeholder="contractmanager, beleidsadviseur, aanbieder"></label>
            <label>Conclusie<textarea name="conclusie" required rows="2"></textarea></label>
            <label>Plan van aanpak<textarea name="plan" rows="2"></textarea></label>
            <label>Vervolg op<input name="vervolg" type="date" min="\(today.iso)"></label>
            <button type="submit">Vastleggen</button></form>
            """)
        if norm.instrument.allowsStop {
            if norm.stop == .imposed || norm.stop == .liftAdvised {
                forms.append(
                    """
                    <form method="post" action="\(action("stop-opheffen"))" aria-labelledby="f-lift"><h3 id="f-lift">Toeleidingsstop opheffen</h3>\(csrf)
                    <p class="meta">\(e(fourMonthForecast(norm, today: today)))</p>
                    <label>Reden<input name="reden" required></label>
                    <label>Ondanks de viermaandenregel, omdat (alleen als de regel opheffen afraadt)<input name="ondanks"></label>
                    <button type="submit">Stop opheffen</button></form>
                    """)
            } else {
                forms.append(
                    """
                    <form method="post" action="\(action("stop-opleggen"))" aria-labelledby="f-impose"><h3 id="f-impose">Toeleidingsstop opleggen</h3>\(csrf)
                    <label>Datum analysegesprek<input name="analysegesprek" type="date" max="\(today.iso)"></label>
                    <label>Reden (uitkomst van het gesprek)<textarea name="reden" required rows="2"></textarea></label>
                    <button type="submit">Stop opleggen</button></form>
                    """)
            }
            forms.append(
                """
                <form method="post" action="\(action("uitzonderen"))" aria-labelledby="f-exempt"><h3 id="f-exempt">Toewijzing uitzonderen van een stop</h3>\(csrf)
                <label>Toewijzingnummer<input name="toewijzing" required></label>
                <label>Reden<select name="reden">\(ExemptionReason.allCases.map { "<option>\($0.rawValue)</option>" }.joined())</select></label>
                <button type="submit">Uitzonderen</button></form>
                """)
        }
        parts.append("<div class=\"actions\">\(forms.joined(separator: "\n"))</div>")
        return parts.joined(separator: "\n")
    }

    static func describe(_ alert: NormAlert) -> String {
        let what =
            switch alert.alertKind {
            case "forecast": "prognose boven de grens"
            case "intensity": "zorg boven de intensiteitsnorm"
            default: "drempel \(alert.threshold)%"
            }
        return "Melding \(alert.id): \(what), sinds \(DutchDate.text(iso: alert.firedAt))"
    }

    static func alertList(_ alerts: [NormAlert]) -> String {
        guard !alerts.isEmpty else { return "<p>Geen actieve meldingen.</p>" }
        let items = alerts.map { alert in
            "<li id=\"melding-\(alert.id)\">\(HTML.escape(describe(alert)))"
                + (alert.acknowledgedBy.map { " · bevestigd door \(HTML.escape($0))" }
                    ?? " · <strong>niet bevestigd</strong>")
                + "</li>"
        }
        return "<ul class=\"alerts\">\(items.joined())</ul>"
    }

    static func stopText(_ norm: NormFigures, today: Day) -> String {
        switch norm.stop {
        case .advised?:
            "<p><strong>Stopadvies:</strong> de prognose komt boven de grens van de stopregel; een mens beslist.</p>"
        case .imposed?: "<p><strong>Er geldt een toeleidingsstop.</strong></p>"
        case .liftAdvised?:
            "<p><strong>Er geldt een toeleidingsstop</strong>; de regels adviseren hem op te heffen.</p>"
        case nil: ""
        }
    }

    /// What the lifting rule looks at: the limit must not be reached within four months.
    static func fourMonthForecast(_ norm: NormFigures, today: Day) -> String {
        let horizon = StopAdvice.horizon(from: today)
        guard let forecast = norm.forecast else {
            return
                "Nog geen prognose. Opheffen is verantwoord als de grens niet binnen vier maanden (vóór \(DutchDate.text(horizon))) wordt bereikt."
        }
        let projected = DutchFigures.amount(forecast.projectedTotal, kind: norm.instrument)
        guard let crossing = forecast.crossingDate else {
            return "Prognose voor het eind van de periode: \(projected); de grens wordt niet bereikt."
        }
        return crossing > horizon
            ? "Prognose: grens bereikt op \(DutchDate.text(crossing)), na de vier maanden tot \(DutchDate.text(horizon)); opheffen past bij de regel."
            : "Prognose: grens bereikt op \(DutchDate.text(crossing)), binnen vier maanden (vóór \(DutchDate.text(horizon))); de regel raadt opheffen af."
    }
}
