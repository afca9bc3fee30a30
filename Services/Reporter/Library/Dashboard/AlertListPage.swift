import Domain

/// `/meldingen`: every firing alert, those nobody acknowledged first, each linking to
/// its norm's page; a contract manager acknowledges one right here (with a note), or
/// silences it on the norm's page.
enum AlertListPage {
    static func render(
        _ alerts: [(norm: String, normID: Int64, alert: NormAlert)], viewer: HTML.Viewer?, mayAct: Bool = false
    ) -> String {
        let e = HTML.escape
        let rows = alerts.map { item in
            let state =
                item.alert.acknowledgedBy.map { "bevestigd door \(e($0))" }
                ?? (mayAct ? viewer.map { acknowledgeForm(item.normID, item.alert.id, $0) } : nil)
                ?? "<strong>niet bevestigd</strong>"
            return """
                <tr><th scope="row"><a href="/normen/\(item.normID)#melding-\(item.alert.id)">\(e(item.norm))</a></th>
                <td>\(e(NormActionForms.describe(item.alert)))</td>
                <td>\(state)</td></tr>
                """
        }
        let body = """
            <h1>Actieve meldingen</h1>
            \(alerts.isEmpty ? "<p>Geen actieve meldingen.</p>" : """
            <div class="scroll" tabindex="0" role="region" aria-label="Actieve meldingen"><table class="norms"><thead><tr><th scope="col">Norm</th><th scope="col">Melding</th><th scope="col">Bevestigd</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
            """)
            <p class="meta">Bevestigen en stilzetten gaat op de pagina van de norm. JSON: <a href="/api/alerts?state=firing">/api/alerts?state=firing</a>.</p>
            """
        return HTML.page(title: "Meldingen", body: body, viewer: viewer)
    }

    /// "niet bevestigd" with a note field and a button, posting to the norm's action.
    static func acknowledgeForm(_ normID: Int64, _ alertID: Int64, _ viewer: HTML.Viewer) -> String {
        """
        <form method="post" action="/normen/\(normID)/bevestigen" style="display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end">
        <input type="hidden" name="csrf" value="\(HTML.escape(viewer.csrfToken))"><input type="hidden" name="melding" value="\(alertID)">
        <label>Notitie bij melding \(alertID)<input name="notitie" size="18"></label>
        <button type="submit">Bevestigen</button></form>
        """
    }
}
