import Contracts
import Domain

/// The dashboard's pages, server-rendered in Dutch.
enum DashboardPages {
    static func norm(
        _ norm: NormFigures, timeline: [Timeline.Entry] = [], actions: String = "", viewer: HTML.Viewer? = nil
    ) -> String {
        var monthRows = ""
        for month in norm.months {
            monthRows +=
                "<tr><th scope=\"row\">\(Month(month.month).map { DutchDate.text($0) } ?? month.month)</th><td class=\"num\">\(DutchFigures.amount(month.value, kind: norm.instrument))</td>"
                + "<td class=\"num\">\(DutchFigures.amount(month.cumulative, kind: norm.instrument))</td></tr>\n"
        }
        let forecast =
            norm.forecast.map { f in
                """
                <p>Prognose voor het eind van de periode: <strong>\(DutchFigures.amount(f.projectedTotal, kind: norm.instrument))</strong>\
                \(f.crossingDate.map { ", grens bereikt op <strong>\(DutchDate.text($0))</strong>" } ?? ", grens niet bereikt").
                <span class="meta">Methode: gemiddelde van de laatste volledige zorgmaanden (\(f.basisMonths.joined(separator: ", "))),
                \(DutchFigures.amount(f.ratePerMonth, kind: norm.instrument)) per maand, doorgetrokken tot het eind van de periode;
                spreiding \(DutchFigures.amount(f.projectedLow, kind: norm.instrument)) tot \(DutchFigures.amount(f.projectedHigh, kind: norm.instrument)).</span>\
                \(f.indicative ? " <strong>Indicatief</strong>: pas \(f.completeMonths) volledige zorgmaand(en); er volgt nog geen melding of stopadvies uit." : "")</p>
                """
            } ?? "<p class=\"meta\">Nog geen prognose: er is nog geen volledige zorgmaand.</p>"
        // The PxQ forecast beside the run-rate, with its own inputs.
        let pxq = norm.pxqForecast.map(PxQText.paragraph) ?? ""
        let attention = norm.attention
        let reasons =
            attention.reasons.isEmpty
            ? "" : "<ul class=\"reasons\">" + attention.reasons.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        let body = """
            <h1>\(HTML.escape(norm.name))\(norm.ended ? " <span class=\"status-ended\">(beëindigd)</span>" : "")</h1>
            <p>\(DutchFigures.instrument(norm.instrument)) · aanbieder \(providerLink(norm.aanbieder, name: norm.aanbiederNaam)) ·
            gemeente \(HTML.escape(norm.regio ?? norm.gemeenten.joined(separator: ", "))) · zorgsoort \(HTML.escape(DutchFigures.careType(norm.productCategorieen))) ·
            periode \(HTML.escape(norm.period))</p>
            \(reasons)
            \(norm.intensity.map { intensityFigures(norm, $0) } ?? """
            <p>Besteed <strong>\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument)))</strong> van
            \(DutchFigures.amount(norm.limit, kind: norm.instrument)) (\(DutchFigures.used(norm))) · \(status(norm))</p>
            \(forecast)
            \(pxq)
            <figure>\(SpendChart(figures: norm).svg())<figcaption class="meta">Cumulatieve besteding per zorgmaand (staven),
            drempels en grens (lijnen), prognose (gestreept).</figcaption></figure>
            """)
            <div class="scroll" tabindex="0" role="region" aria-label="Besteding per zorgmaand"><table><caption class="meta">Besteding per zorgmaand (de gegevens van de grafiek)</caption>
            <thead><tr><th scope="col">Zorgmaand</th><th scope="col" class="num">Besteed</th><th scope="col" class="num">Cumulatief</th></tr></thead>
            <tbody>\(monthRows)</tbody></table></div>
            \(actions)
            <h2>Tijdlijn</h2>
            \(timelineList(timeline))
            """
        return HTML.page(title: norm.name, body: body, viewer: viewer)
    }

    /// All norms' alerts, advice, stops, acknowledgements and escalations, newest first.
    static func timeline(_ entries: [Timeline.Entry], viewer: HTML.Viewer? = nil) -> String {
        HTML.page(
            title: "Tijdlijn",
            body: """
                <h1>Tijdlijn</h1>
                \(timelineList(entries, linkNorms: true))
                <p class="meta">Meldingen, adviezen en stops (monitor), bevestigingen en escalaties (notifier).
                JSON: <a href="/api/timeline">/api/timeline</a>.</p>
                """, viewer: viewer)
    }

    static func timelineList(_ entries: [Timeline.Entry], linkNorms: Bool = false) -> String {
        guard !entries.isEmpty else { return "<p class=\"meta\">Nog niets gebeurd.</p>" }
        let items = entries.map { entry in
            let norm =
                linkNorms
                ? (entry.normID.map { " · <a href=\"/normen/\($0)\">norm \($0)</a>" } ?? "") : ""
            return
                "<li><time datetime=\"\(HTML.escape(entry.at))\">\(HTML.escape(DutchDate.text(iso: entry.at)))</time> \(HTML.escape(entry.summary))\(norm)</li>"
        }
        return "<ol class=\"timeline\">\n\(items.joined(separator: "\n"))\n</ol>"
    }

    /// "De Linde (30010000)" linking to the provider's page; the code alone without a name.
    static func providerLink(_ agb: String?, name: String? = nil) -> String {
        agb.map {
            "<a href=\"/aanbieders/\(HTML.escape($0))\">\(HTML.escape(ProviderName.label(agb: $0, naam: name)))</a>"
        } ?? "alle"
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
