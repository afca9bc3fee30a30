import Domain

/// `/meldingen`: every firing alert, those nobody acknowledged first, each linking to
/// its norm's page where it can be acknowledged or silenced.
enum AlertListPage {
    static func render(_ alerts: [(norm: String, normID: Int64, alert: NormAlert)], viewer: HTML.Viewer?) -> String {
        let e = HTML.escape
        let rows = alerts.map { item in
            """
            <tr><th scope="row"><a href="/normen/\(item.normID)#melding-\(item.alert.id)">\(e(item.norm))</a></th>
            <td>\(e(NormActionForms.describe(item.alert)))</td>
            <td>\(item.alert.acknowledgedBy.map { "bevestigd door \(e($0))" } ?? "<strong>niet bevestigd</strong>")</td></tr>
            """
        }
        let body = """
            <h1>Actieve meldingen</h1>
            \(alerts.isEmpty ? "<p>Geen actieve meldingen.</p>" : """
            <div class="scroll" tabindex="0" role="region" aria-label="Tabel (schuift zijwaarts op een smal scherm)"><table class="norms"><thead><tr><th scope="col">Norm</th><th scope="col">Melding</th><th scope="col">Bevestigd</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
            """)
            <p class="meta">Bevestigen en stilzetten gaat op de pagina van de norm. JSON: <a href="/api/alerts?state=firing">/api/alerts?state=firing</a>.</p>
            """
        return HTML.page(title: "Meldingen", body: body, viewer: viewer)
    }
}
