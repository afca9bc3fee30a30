import Contracts

extension Components.Schemas.Report {
    /// The periodic report with English names, as `/api/rapport?formaat=json` and the
    /// dashboard's `/rapport?formaat=json` give it.
    init(_ report: Report) {
        self.init(
            title: report.titel, area: report.gebied, municipalities: report.gemeenten, period: report.periode,
            from: report.van.iso, to: report.tot.iso, madeOn: report.opgesteld.iso, asOf: report.peildatum.iso,
            norms: report.normen.map(Components.Schemas.ReportNorm.init), totalSpend: report.totaleBesteding,
            spendPerCareType: report.bestedingPerZorgsoort.map {
                .init(code: $0.code, name: $0.naam, amount: $0.bedrag)
            },
            spendPerProvider: report.bestedingPerAanbieder.map {
                .init(code: $0.code, name: $0.naam, amount: $0.bedrag)
            },
            indicators: .init(report.indicatoren),
            comparisons: report.vergelijking.map { comparison in
                .init(
                    kind: comparison.soort == "basisjaar" ? .baselineYear : .previousPeriod, period: comparison.periode,
                    asOf: comparison.peildatum.iso, priceIndexPercentage: DutchDecimal.number(comparison.prijsindex),
                    careTypes: comparison.zorgsoorten.map(Components.Schemas.CareType.init),
                    total: .init(comparison.totaal))
            })
    }
}

extension Components.Schemas.ReportNorm {
    init(_ line: Report.NormLine) {
        self.init(
            id: line.id, name: line.naam, instrument: .init(line.instrument), provider: line.aanbieder,
            providerName: line.aanbiederNaam, careType: line.zorgsoort, period: line.periode, limit: line.grens,
            value: .init(reportValue: line.stand, of: line.instrument),
            percentage: DutchDecimal.number(line.percentage),
            forecast: line.prognose, pxqForecast: line.prognosePxQ, limitReachedOn: line.grensBereiktOp?.iso,
            status: line.status,
            stopInForce: line.stopVanKracht,
            whole: line.regio.map { whole in
                .init(
                    area: whole.gebied, sharePercentage: DutchDecimal.number(whole.aandeel), limit: whole.grens,
                    value: .init(reportValue: whole.stand, of: line.instrument),
                    percentage: DutchDecimal.number(whole.percentage), forecast: whole.prognose)
            })
    }
}

extension Components.Schemas.Count {
    /// A report line's value: clients as published for an instroomtarget, otherwise cents
    /// (spent, or the unlawful amount), which are never suppressed.
    init(reportValue text: String, of instrument: NormKind) {
        if instrument == .instroomtarget {
            self.init(published: text)
        } else {
            self = .case1(Int64(text) ?? 0)
        }
    }
}
