import Contracts
import Domain

/// The dashboard's pages, server-rendered in Dutch.
enum DashboardPages {
    /// One page of the norms (all gemeenten's, or `gemeente`'s), with links to the others.
    static func overview(_ page: NormPage, gemeente: String? = nil) -> String {
        var rows = ""
        for norm in page.items {
            let forecast =
                norm.forecast.map { f in
                    DutchFigures.amount(f.projectedTotal, kind: norm.instrument)
                        + (f.crossingDate.map { " (grens op \($0.iso))" } ?? "")
                } ?? "–"
            rows += """
                <tr><td><a href="/normen/\(norm.id)">\(HTML.escape(norm.name))</a></td>
                <td>\(DutchFigures.instrument(norm.instrument))</td><td>\(providerLink(norm.aanbieder))</td>
                <td>\(careTypeLinks(norm.productCategorieen))</td>
                <td class="num">\(HTML.escape(DutchFigures.limit(norm)))</td>
                <td class="num">\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument)))</td>
                <td class="num">\(DutchFigures.used(norm))</td>
                <td>\(HTML.escape(forecast))</td><td>\(status(norm))</td></tr>

                """
        }
        let table = """
            <h1>\(gemeente.map { "Normen voor gemeente \(HTML.escape($0))" } ?? "Alle normen")</h1>
            <table class="norms"><thead><tr><th>Norm</th><th>Instrument</th><th>Aanbieder</th><th>Zorgsoort</th>
            <th class="num">Grens</th><th class="num">Besteed</th><th class="num">Gebruikt</th><th>Prognose</th><th>Status</th></tr></thead>
            <tbody>
            \(rows.isEmpty ? emptyRow(page) : rows)
            </tbody></table>
            \(pager(page, gemeente: gemeente))
            <p class="meta">Bedragen per zorgmaand, zoals gedeclareerd en goedgekeurd. JSON: <a href="/api/norms">/api/norms</a>.</p>
            """
        return HTML.page(title: "Overzicht", body: table)
    }

    private static func emptyRow(_ page: NormPage) -> String {
        let text =
            page.total == 0
            ? "Nog geen normen. Voeg er een toe met plafond norm add." : "Geen normen op deze pagina."
        return "<tr><td colspan=\"9\">\(text)</td></tr>"
    }

    /// "Normen 501–1.000 van 10.000 · vorige · volgende"; nothing when one page holds all.
    private static func pager(_ page: NormPage, gemeente: String?) -> String {
        guard page.pageCount > 1 else { return "" }
        func link(_ number: Int, _ text: String) -> String {
            "<a href=\"\(HTML.escape(PageParameters.address("/", filters: ["gemeente": gemeente], page: number, perPage: page.perPage)))\">\(text)</a>"
        }
        let first = (page.page - 1) * page.perPage + 1
        let last = min(page.page * page.perPage, page.total)
        var parts = [
            first <= last
                ? "Normen \(DutchGrouping.text(first))–\(DutchGrouping.text(last)) van \(DutchGrouping.text(page.total))"
                : "Pagina \(page.page) van \(page.pageCount)"
        ]
        if let previous = page.previous { parts.append(link(previous, "vorige")) }
        if let next = page.next { parts.append(link(next, "volgende")) }
        return "<p class=\"pager\">" + parts.joined(separator: " · ") + "</p>"
    }

    static func norm(_ norm: NormFigures, timeline: [Timeline.Entry] = []) -> String {
        var monthRows = ""
        for month in norm.months {
            monthRows +=
                "<tr><td>\(month.month)</td><td class=\"num\">\(DutchFigures.amount(month.value, kind: norm.instrument))</td>"
                + "<td class=\"num\">\(DutchFigures.amount(month.cumulative, kind: norm.instrument))</td></tr>\n"
        }
        let forecast =
            norm.forecast.map { f in
                """
                <p>Prognose voor het eind van de periode: <strong>\(DutchFigures.amount(f.projectedTotal, kind: norm.instrument))</strong>\
                \(f.crossingDate.map { ", grens bereikt op <strong>\($0.iso)</strong>" } ?? ", grens niet bereikt").
                <span class="meta">Methode: gemiddelde van de laatste volledige zorgmaanden (\(f.basisMonths.joined(separator: ", "))),
                \(DutchFigures.amount(f.ratePerMonth, kind: norm.instrument)) per maand, doorgetrokken tot het eind van de periode.</span></p>
                """
            } ?? "<p class=\"meta\">Nog geen prognose: er is nog geen volledige zorgmaand.</p>"
        let body = """
            <h1>\(HTML.escape(norm.name))</h1>
            <p>\(DutchFigures.instrument(norm.instrument)) · aanbieder \(HTML.escape(norm.aanbieder ?? "alle")) ·
            gemeente \(HTML.escape(norm.regio ?? norm.gemeenten.joined(separator: ", "))) · zorgsoort \(HTML.escape(DutchFigures.careType(norm.productCategorieen))) ·
            periode \(HTML.escape(norm.period))</p>
            \(norm.intensity.map { intensityFigures(norm, $0) } ?? """
            <p>Besteed <strong>\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument)))</strong> van
            \(DutchFigures.amount(norm.limit, kind: norm.instrument)) (\(DutchFigures.used(norm))) · \(status(norm))</p>
            \(forecast)
            <figure>\(SpendChart(figures: norm).svg())<figcaption class="meta">Cumulatieve besteding per zorgmaand (staven),
            drempels en grens (lijnen), prognose (gestreept).</figcaption></figure>
            """)
            <table><thead><tr><th>Zorgmaand</th><th class="num">Besteed</th><th class="num">Cumulatief</th></tr></thead>
            <tbody>\(monthRows)</tbody></table>
            <h2>Tijdlijn</h2>
            \(timelineList(timeline))
            """
        return HTML.page(title: norm.name, body: body)
    }

    /// All norms' alerts, advice, stops, acknowledgements and escalations, newest first.
    static func timeline(_ entries: [Timeline.Entry]) -> String {
        HTML.page(
            title: "Tijdlijn",
            body: """
                <h1>Tijdlijn</h1>
                \(timelineList(entries, linkNorms: true))
                <p class="meta">Meldingen, adviezen en stops (monitor), bevestigingen en escalaties (notifier).
                JSON: <a href="/api/timeline">/api/timeline</a>.</p>
                """)
    }

    static func timelineList(_ entries: [Timeline.Entry], linkNorms: Bool = false) -> String {
        guard !entries.isEmpty else { return "<p class=\"meta\">Nog niets gebeurd.</p>" }
        let items = entries.map { entry in
            let norm =
                linkNorms
                ? (entry.normID.map { " · <a href=\"/normen/\($0)\">norm \($0)</a>" } ?? "") : ""
            return "<li><time>\(HTML.escape(entry.at))</time> \(HTML.escape(entry.summary))\(norm)</li>"
        }
        return "<ol class=\"timeline\">\n\(items.joined(separator: "\n"))\n</ol>"
    }

    static func providerLink(_ agb: String?) -> String {
        agb.map { "<a href=\"/aanbieders/\(HTML.escape($0))\">\(HTML.escape($0))</a>" } ?? "alle"
    }

    static func careTypeLinks(_ codes: [String]) -> String {
        codes.isEmpty
            ? "alle"
            : codes.map {
                "<a href=\"/zorgsoorten/\(HTML.escape($0))\">\(HTML.escape(DutchFigures.careType([$0])))</a>"
            }
            .joined(separator: ", ")
    }

    /// An intensiteitsnorm's page head: the rule and the amount that would be unlawful
    /// (the month table below then lists that amount per month of care).
    static func intensityFigures(_ norm: NormFigures, _ intensity: NormFigures.Intensity) -> String {
        """
        <p>Norm: <strong>\(HTML.escape(DutchFigures.limit(norm)))</strong> · \(status(norm))</p>
        <p>Onrechtmatig (zorg boven de norm, niet incidenteel): <strong>\(Money(cents: norm.spent).dutch)</strong> ·
        cliëntmaanden boven de norm: \(HTML.escape(PublishedCount.text(intensity.clientMonthsAbove))), waarvan structureel
        \(HTML.escape(PublishedCount.text(intensity.structuralClientMonths)))</p>
        """
    }

    static func status(_ norm: NormFigures) -> String {
        let (text, css) = DutchFigures.status(norm)
        return "<span class=\"\(css)\">\(text)</span>"
    }
}
