import Domain

/// `/rapport` without a question, the menu's "Rapportage": the form that asks which report,
/// so that policy staff get a gemeente's or a regio's quarter, a comparison with a base
/// year or the CSV without writing an address by hand. It sends the report's own query
/// (`gemeente`, `regio`, `periode`, `formaat`, …) to `/rapport`; fields left empty are not
/// asked for. A question the report cannot answer comes back here with the reason and
/// the values as given.
enum ReportChooserPage {
    /// `given`: the values of a refused question (empty for a fresh form); `today` decides
    /// which years are offered (this one and the two before).
    static func render(
        given: [String: String], regions: [String], today: Day, problem: String? = nil, viewer: HTML.Viewer? = nil
    ) -> String {
        let e = HTML.escape
        let chosenPeriod = given["periode"] ?? String(today.year)
        // This year and the two before, each by year, half year and quarter.
        let years = (0...2).map { back -> (year: Int, periods: [(value: String, label: String)]) in
            let year = today.year - back
            return (
                year,
                [
                    ("\(year)", "\(year), heel jaar"), ("\(year)-H1", "\(year), eerste helft"),
                    ("\(year)-H2", "\(year), tweede helft"),
                ] + (1...4).map { ("\(year)-Q\($0)", "\(year), kwartaal \($0)") }
            )
        }
        // A period asked for and not offered (older, or mistyped) stays chosen, to correct.
        let offered = years.contains { $0.periods.contains { $0.value == chosenPeriod } }
        let periods =
            (offered ? "" : HTML.option(chosenPeriod, chosenPeriod, selected: true))
            + years.map { year in
                "<optgroup label=\"\(year.year)\">"
                    + year.periods.map { HTML.option($0.value, $0.label, selected: $0.value == chosenPeriod) }.joined()
                    + "</optgroup>"
            }.joined()
        let formats = [("html", "afdrukbare pagina (HTML)"), ("csv", "spreadsheet (CSV)"), ("json", "JSON")].map {
            HTML.option($0.0, $0.1, selected: $0.0 == (given["formaat"] ?? "html"))
        }.joined()
        let regioField =
            regions.isEmpty
            ? ""
            : "<label>Regio<select name=\"regio\">" + HTML.option("", "geen", selected: given["regio"] == nil)
                + regions.sorted().map { HTML.option($0, $0, selected: given["regio"] == $0) }.joined()
                + "</select></label>"
        let field = { (name: String) in e(given[name] ?? "") }
        let body = """
            <h1>Rapportage</h1>
            \(problem.map { "<p class=\"error\" role=\"alert\">Niet gelukt: \(e($0))</p>" } ?? "")
            <p>Het periodieke rapport: normen, besteding, gebruik per zorgsoort en de vergelijking met de periode
            ervoor. Kies een gemeente of een regio; laat beide leeg voor alles wat deze installatie volgt.</p>
            <form class="filters" method="get" action="/rapport" aria-label="Rapport kiezen">
            <label>Gemeente (CBS-code)<input name="gemeente" inputmode="numeric" pattern="[0-9]{4}" size="6" value="\(field("gemeente"))"></label>
            \(regioField)
            <label>Periode<select name="periode">\(periods)</select></label>
            <label>Peildatum (leeg: vandaag of het eind van de periode)<input type="date" name="peildatum" value="\(field("peildatum"))"></label>
            <label>Vergelijken met basisjaar<input name="basisjaar" inputmode="numeric" pattern="[0-9]{4}" size="6" value="\(field("basisjaar"))"></label>
            <label>Prijsstijging sinds de vorige periode (%)<input name="prijsindex" inputmode="decimal" size="6" value="\(field("prijsindex"))"></label>
            <label>Prijsstijging sinds het basisjaar (%)<input name="basisprijsindex" inputmode="decimal" size="6" value="\(field("basisprijsindex"))"></label>
            <label>Vorm<select name="formaat">\(formats)</select></label>
            <button type="submit">Rapport maken</button>
            </form>
            <p class="meta">Hetzelfde rapport voor scripts: <code>/api/rapport</code> met dezelfde parameters, of
            <code>plafond report</code>. Aantallen cliënten onder de vijf staan er als &lt;5.</p>
            """
        // The title says it first: a screen reader reads it before the page's alert.
        return HTML.page(title: problem == nil ? "Rapportage" : "Niet gelukt – Rapportage", body: body, viewer: viewer)
    }
}
