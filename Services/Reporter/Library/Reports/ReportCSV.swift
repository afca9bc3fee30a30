import Contracts
import Domain
import Foundation

/// The report as a CSV that Dutch spreadsheets open as they are: UTF-8 with a byte-order
/// mark, semicolons between fields, a decimal comma and no thousands separator in
/// amounts (euros), one titled section after another.
enum ReportCSV {
    static let byteOrderMark = "\u{FEFF}"

    static func render(_ report: Report) -> Data {
        var rows: [[String]] = [
            ["Rapportage", report.gebied, report.periode],
            ["Periode", report.van.iso, report.tot.iso],
            ["Opgesteld", report.opgesteld.iso],
            ["Peildatum", report.peildatum.iso, "stand uit zorgmaand", report.indicatoren.standMaand ?? ""],
            [],
            ["Normen"],
            [
                "Norm", "Naam", "Instrument", "Aanbieder", "Zorgsoort", "Periode", "Grens", "Stand", "Gebruikt (%)",
                "Prognose eind periode (EUR)", "Grens bereikt op", "Status", "Toeleidingsstop",
            ],
        ]
        // A gemeente's report on regio norms: the whole norm beside the gemeente's figures.
        let wholeColumns = report.normen.contains { $0.regio != nil }
        if wholeColumns { rows[rows.count - 1] += ["Gebied", "Aandeel", "Grens gebied", "Stand gebied"] }
        for norm in report.normen {
            var row = [
                String(norm.id), norm.naam, DutchFigures.instrument(norm.instrument),
                norm.aanbieder.map { ProviderName.label(agb: $0, naam: norm.aanbiederNaam) } ?? "alle",
                norm.zorgsoort, norm.periode, limit(norm), stand(norm),
                norm.percentage.map { String($0.dropLast()) } ?? "", norm.prognose.map(euros) ?? "",
                norm.grensBereiktOp?.iso ?? "", norm.status, norm.stopVanKracht ? "ja" : "nee",
            ]
            if wholeColumns, let whole = norm.regio {
                var total = norm
                (total.grens, total.stand) = (whole.grens, whole.stand)
                row += [whole.gebied, whole.aandeel.map { String($0.dropLast()) } ?? "", limit(total), stand(total)]
            } else if wholeColumns {
                row += ["", "", "", ""]
            }
            rows.append(row)
        }
        rows += [[], ["Besteding per zorgsoort"], ["Zorgsoort", "Naam", "Bedrag (EUR)"]]
        rows += report.bestedingPerZorgsoort.map { [$0.code, $0.naam, euros($0.bedrag)] }
        rows.append(["Totaal", "", euros(report.totaleBesteding)])
        rows += [[], ["Besteding per aanbieder"], ["Aanbieder", "Naam", "Bedrag (EUR)"]]
        rows += report.bestedingPerAanbieder.map { [$0.code, $0.naam, euros($0.bedrag)] }
        let indicators = report.indicatoren
        rows += [
            [], ["Gebruik per zorgsoort"],
            [
                "Zorgsoort", "Naam", "Instroom", "Uitstroom", "Stand", "Unieke cliënten", "Kosten (EUR)",
                "Kosten per cliënt (EUR)", "Volume per cliënt",
            ],
        ]
        for careType in indicators.zorgsoorten + [indicators.totaal] {
            rows.append([
                careType.categorie, careType.naam, careType.instroom, careType.uitstroom, careType.stand,
                careType.uniekeClienten, euros(careType.kosten), careType.kostenPerClient.map(euros) ?? "",
                careType.volumeText == "–" ? "" : careType.volumeText,
            ])
        }
        rows += [
            [], ["Gebruik per product"],
            ["Zorgsoort", "Product", "Instroom", "Uitstroom", "Stand", "Unieke cliënten", "Kosten (EUR)"],
        ]
        for careType in indicators.zorgsoorten {
            rows += careType.producten.map {
                [
                    careType.categorie, ProductText.name($0.code), $0.instroom, $0.uitstroom, $0.stand,
                    $0.uniekeClienten, euros($0.kosten),
                ]
            }
        }
        rows += [
            [], ["Langer dan \(indicators.duurSignaalMaanden) maanden bij dezelfde aanbieder in zorg"],
            ["Zorgsoort", "Naam", "Cliënten"],
        ]
        rows += (indicators.zorgsoorten + [indicators.totaal]).map { [$0.categorie, $0.naam, $0.langdurig] }
        rows += [
            [], ["Vergelijking"],
            ["Zorgsoort", "Periode", "Instroom", "Uitstroom", "Stand", "Unieke cliënten", "Kosten (EUR)"],
        ]
        rows += ReportComparisonRows.rows(report, amount: euros)
        rows += [[], ["Kostenconcentratie"], ["Duurste cliënten (%)", "Cliënten", "Aandeel in de kosten"]]
        rows += indicators.kostenconcentratie.map { [String($0.percentage), $0.clienten, $0.aandeel] }
        rows += [
            [], ["Trajecten"], ["Beëindigd", "Gemiddelde duur (dagen)", "Aandeel binnen zes maanden"],
            [
                indicators.trajecten.beeindigd, indicators.trajecten.gemiddeldeDuurDagen.map(String.init) ?? "",
                indicators.trajecten.aandeelBinnenZesMaanden ?? "",
            ],
            [], ["Redenen van beëindiging"], ["Reden", "Aantal"],
        ]
        rows += indicators.redenenBeeindiging.map { [$0.code, $0.aantal] }
        rows += [[], ["Verwijzers"], ["Verwijzer", "Team", "Aantal", "Aandeel"]]
        rows += indicators.verwijzers.map { [$0.code, $0.team ?? "", $0.aantal, $0.aandeel] }
        if !indicators.bovenbegrotelijk.isEmpty {
            rows += [
                [], ["Bovenbegrotelijk opgenomen (stopregel 105%)"],
                ["Norm", "Vanaf", "Tot", "Pseudoniem", "Toewijzingnummer", "Begindatum", "Product", "Gemeente"],
            ]
            for list in indicators.bovenbegrotelijk {
                let norm = [list.norm, list.vanaf?.iso ?? "", list.tot?.iso ?? ""]
                rows +=
                    list.clienten.isEmpty
                    ? [norm + ["", "", "", "", ""]]
                    : list.clienten.map {
                        norm + [$0.client, $0.toewijzingNummer, $0.begindatum.iso, $0.productCode ?? "", $0.gemeente]
                    }
            }
        }
        rows += [[], ["Aanbieders per instrument"], ["Instrument", "Aanbieders"]]
        rows += indicators.aanbiedersPerInstrument.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] }
        rows += [
            [], ["Meldingen en stops"],
            [
                "Meldingen", "Opgelost", "Stops opgelegd", "Stops opgeheven", "Nieuwe cliënten tijdens een stop",
                "CPV toegekend", "CPV afgewezen",
            ],
            [
                String(indicators.meldingenGevuurd), String(indicators.meldingenOpgelost),
                String(indicators.stopsOpgelegd), String(indicators.stopsOpgeheven), indicators.instroomTijdensStop,
                indicators.cpvToegekend, indicators.cpvAfgewezen,
            ],
        ]
        let text = rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        return Data((byteOrderMark + text).utf8)
    }

    /// Euros with a decimal comma and no thousands separator: 1234,56 (negative: -12,50).
    static func euros(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        return "\(sign)\(magnitude / 100),\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    static func limit(_ norm: Report.NormLine) -> String {
        guard let grens = norm.grens else { return "" }
        return norm.instrument.limitIsMoney ? euros(grens) : String(grens)
    }

    static func stand(_ norm: Report.NormLine) -> String {
        switch norm.instrument {
        case .instroomtarget: norm.stand
        default: Int64(norm.stand).map(euros) ?? norm.stand
        }
    }

    static func field(_ text: String) -> String { CSVCell.render(text) }
}
