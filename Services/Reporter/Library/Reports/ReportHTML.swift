import Contracts
import Domain

/// The report as one printable HTML page (A4, no external assets), in Dutch. On a phone
/// the wide tables (norms, use per care type, the comparison) scroll sideways in a region
/// of their own, as the dashboard's do, and the page itself stays the screen's width;
/// printed, they are laid out whole.
enum ReportHTML {
    static func render(_ report: Report) -> String {
        let e = HTML.escape
        let money = { (cents: Int64) in Money(cents: cents).dutch }
        var normRows = ""
        for norm in report.normen {
            let amount = { (value: Int64) in
                norm.instrument.limitIsMoney
                    ? money(value) : "\(value)\(norm.instrument == .intensiteitsnorm ? " per cliënt" : "")"
            }
            let stand = { (text: String) in
                norm.instrument == .instroomtarget ? text : (Int64(text).map(money) ?? text)
            }
            var limit = norm.grens.map(amount) ?? "–"
            var standText = stand(norm.stand)
            if let whole = norm.regio {
                // The gemeente's own figures first, the whole norm's beside them.
                limit += " (\(whole.aandeel.map { "aandeel \($0) van " } ?? "\(whole.gebied): ")\(amount(whole.grens)))"
                standText += " (\(whole.gebied): \(stand(whole.stand)))"
            }
            normRows += """
                <tr><td>\(e(norm.naam))</td><td>\(DutchFigures.instrument(norm.instrument))</td>
                <td>\(e(norm.aanbieder.map { ProviderName.label(agb: $0, naam: norm.aanbiederNaam) } ?? "alle"))</td><td>\(e(norm.zorgsoort))</td>
                <td class="num">\(e(limit))</td><td class="num">\(e(standText))</td><td class="num">\(e(norm.percentage ?? "–"))</td>
                <td class="num">\(norm.prognose.map(money) ?? "–")\(norm.grensBereiktOp.map { " (grens \(DutchDate.text($0)))" } ?? "")\(norm.prognosePxQ.map { "; P×Q \(money($0))" } ?? "")</td>
                <td>\(e(norm.status))\(norm.stopVanKracht ? " · <strong>toeleidingsstop</strong>" : "")</td></tr>

                """
        }
        let spendRows = { (lines: [Report.SpendLine]) in
            lines.map {
                "<tr><td>\(e($0.code))</td><td>\(e($0.naam))</td><td class=\"num\">\(money($0.bedrag))</td></tr>"
            }
            .joined(separator: "\n")
        }
        let i = report.indicatoren
        let careRows = (i.zorgsoorten + [i.totaal]).map { c in
            """
            <tr><td>\(e(c.categorie == "totaal" ? "" : c.categorie)) \(e(c.naam))</td><td class="num">\(e(c.instroom))</td>
            <td class="num">\(e(c.uitstroom))</td><td class="num">\(e(c.stand))</td><td class="num">\(e(c.uniekeClienten))</td>
            <td class="num">\(money(c.kosten))</td><td class="num">\(c.kostenPerClient.map(money) ?? "–")</td>
            <td class="num">\(e(c.volumeText))</td></tr>
            """
                + c.producten.map { p in
                    """

                    <tr class="product"><td>&#160;&#160;\(e(ProductText.name(p.code)))</td><td class="num">\(e(p.instroom))</td>
                    <td class="num">\(e(p.uitstroom))</td><td class="num">\(e(p.stand))</td><td class="num">\(e(p.uniekeClienten))</td>
                    <td class="num">\(money(p.kosten))</td><td class="num">–</td><td class="num">–</td></tr>
                    """
                }.joined()
        }.joined(separator: "\n")
        let comparisonRows = ReportComparisonRows.rows(report).map { row in
            "<tr>"
                + row.enumerated().map {
                    $0.offset < 2 ? "<td>\(e($0.element))</td>" : "<td class=\"num\">\(e($0.element))</td>"
                }.joined() + "</tr>"
        }.joined(separator: "\n")
        let indexNotes = report.vergelijking.compactMap { c in
            c.prijsindex.map { "kosten \(c.soort) \(c.periode) gecorrigeerd naar het prijspeil van nu (+\($0))" }
        }.joined(separator: "; ")
        let standMonth = i.standMaand.flatMap(Month.init).map { DutchDate.text($0) } ?? "–"
        let concentration = i.kostenconcentratie.map {
            "<tr><td>duurste \($0.percentage)% van de cliënten</td><td class=\"num\">\(e($0.clienten))</td><td class=\"num\">\(e($0.aandeel))</td></tr>"
        }.joined(separator: "\n")
        let reasons = i.redenenBeeindiging.map { "<li>reden \(e($0.code)): \(e($0.aantal))</li>" }.joined()
        let referrers = i.verwijzers.map {
            "<li>verwijzer \(e($0.code))\($0.team.map { " · " + e($0) } ?? ""): \(e($0.aantal)) (\(e($0.aandeel)))</li>"
        }
        .joined()
        // The printable report, which may reach the council, names no client: the count
        // (as published) and the days; the list itself is in the CSV and JSON for the gemeente.
        let overBudget = i.bovenbegrotelijk.map { (list: OverBudgetIntake) -> String in
            let days =
                list.vanaf.map {
                    "vanaf \(DutchDate.text($0))\(list.tot.map { " tot de stop van \(DutchDate.text($0))" } ?? "")"
                }
                ?? "nog niet boven 100%"
            return "<li>\(e(list.norm)): \(e(list.aantal)) opgenomen (\(e(days)))</li>"
        }.joined()
        let instruments = i.aanbiedersPerInstrument.sorted { $0.key < $1.key }.map {
            "<li>\(e($0.key)): \($0.value)</li>"
        }
        .joined()
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(e(report.titel))</title>
            <style>
            @page{size:A4;margin:18mm}
            body{font-family:system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:1.5rem auto;padding:0 1rem;font-size:10.5pt}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;break-after:avoid}
            table{border-collapse:collapse;width:100%;break-inside:auto}tr{break-inside:avoid}
            th,td{padding:.3rem .5rem;border-bottom:1px solid #ccc;text-align:left;font-variant-numeric:tabular-nums;vertical-align:top}
            .num{text-align:right}.meta{color:#555;font-size:.9em}
            .scroll{overflow-x:auto;max-width:100%}
            @media print{body{padding:0}.scroll{overflow:visible}}
            </style></head><body><main>
            <h1>\(e(report.titel))</h1>
            <p class="meta">Periode \(DutchDate.text(report.van)) t/m \(DutchDate.text(report.tot)) · opgesteld \(DutchDate.text(report.opgesteld)) ·
            peildatum \(DutchDate.text(report.peildatum)) (stand: cliënten in zorg in \(e(standMonth))) ·
            bedragen per zorgmaand, goedgekeurd en na creditering · aantallen cliënten onder de vijf als &lt;5</p>
            <h2>Normen</h2>
            <div class="scroll" tabindex="0" role="region" aria-label="Normen"><table><thead><tr><th>Norm</th><th>Instrument</th><th>Aanbieder</th><th>Zorgsoort</th><th class="num">Grens</th>
            <th class="num">Stand</th><th class="num">Gebruikt</th><th class="num">Prognose</th><th>Status</th></tr></thead>
            <tbody>\(normRows.isEmpty ? "<tr><td colspan=\"9\">Geen normen in dit gebied en deze periode.</td></tr>" : normRows)</tbody></table></div>
            <h2>Besteding per zorgsoort</h2>
            <table><tbody>\(spendRows(report.bestedingPerZorgsoort))
            <tr><th colspan="2">Totaal</th><th class="num">\(money(report.totaleBesteding))</th></tr></tbody></table>
            <h2>Besteding per aanbieder</h2>
            <table><tbody>\(spendRows(report.bestedingPerAanbieder))</tbody></table>
            <h2>Gebruik per zorgsoort</h2>
            <div class="scroll" tabindex="0" role="region" aria-label="Gebruik per zorgsoort"><table><thead><tr><th>Zorgsoort</th><th class="num">Instroom</th><th class="num">Uitstroom</th><th class="num">Stand</th>
            <th class="num">Unieke cliënten</th><th class="num">Kosten</th><th class="num">Per cliënt</th><th class="num">Volume per cliënt</th></tr></thead>
            <tbody>\(careRows)</tbody></table></div>
            <p class="meta">Langer dan \(i.duurSignaalMaanden) maanden bij dezelfde aanbieder in zorg (stand, gerekend vanaf de instroom):
            \(e((i.zorgsoorten.map { "\($0.categorie) \($0.naam): \($0.langdurig)" } + ["totaal: \(i.totaal.langdurig)"]).joined(separator: "; ")))</p>
            <h2>Vergelijking</h2>
            <p class="meta">Elke periode tot dezelfde dag in die periode\(indexNotes.isEmpty ? "" : "; " + e(indexNotes)).</p>
            <div class="scroll" tabindex="0" role="region" aria-label="Vergelijking"><table><thead><tr><th>Zorgsoort</th><th>Periode</th><th class="num">Instroom</th><th class="num">Uitstroom</th>
            <th class="num">Stand</th><th class="num">Unieke cliënten</th><th class="num">Kosten</th></tr></thead>
            <tbody>\(comparisonRows)</tbody></table></div>
            <h2>Kostenconcentratie</h2>
            <table><thead><tr><th>Groep</th><th class="num">Cliënten</th><th class="num">Aandeel in de kosten</th></tr></thead>
            <tbody>\(concentration.isEmpty ? "<tr><td colspan=\"3\">Geen kosten in deze periode.</td></tr>" : concentration)</tbody></table>
            <h2>Trajecten</h2>
            <p>Beëindigd: \(e(i.trajecten.beeindigd)) · gemiddelde duur: \(i.trajecten.gemiddeldeDuurDagen.map { "\($0) dagen" } ?? "–")
            · binnen zes maanden beëindigd: \(e(i.trajecten.aandeelBinnenZesMaanden ?? "–"))</p>
            <h2>Redenen van beëindiging</h2><ul>\(reasons.isEmpty ? "<li>geen</li>" : reasons)</ul>
            <h2>Verwijzers</h2><ul>\(referrers.isEmpty ? "<li>geen</li>" : referrers)</ul>
            \(overBudget.isEmpty ? "" : "<h2>Bovenbegrotelijk opgenomen (stopregel 105%)</h2><ul>\(overBudget)</ul><p class=\"meta\">Pseudoniemen en toewijzingnummers staan in de CSV-versie van dit rapport, voor de gemeente.</p>")
            <h2>Aanbieders per instrument</h2><ul>\(instruments.isEmpty ? "<li>geen</li>" : instruments)</ul>
            <h2>Meldingen en stops</h2>
            <p>Meldingen: \(i.meldingenGevuurd) (opgelost \(i.meldingenOpgelost)) · stops opgelegd: \(i.stopsOpgelegd),
            opgeheven: \(i.stopsOpgeheven) · nieuwe cliënten tijdens een stop: \(e(i.instroomTijdensStop))
            · CPV: \(e(i.cpvToegekend)) toegekend, \(e(i.cpvAfgewezen)) afgewezen</p>
            </main></body></html>
            """
    }
}
