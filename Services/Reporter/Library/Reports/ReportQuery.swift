import Contracts
import Domain
import Foundation
import GRDB
import Storage

extension ReporterDatabase {
    /// The report for an area and period, from one consistent read of the read model.
    public func report(
        area: ReportArea, period: Period, asOf: Day? = nil, compare: Report.ComparisonRequest = .init()
    ) async throws -> Report {
        let today = today()
        let asOf = Self.peildatum(asOf, period: period, today: today)
        return try await writer.read { db in
            // Figures only for the area's norms in the period, not for a whole country's.
            let definitions = try normDefinitions.all(db)
            let stops = try Self.stopsInForce(db)
            let names = try ProviderNames.all(db)
            let inReport = definitions.filter { norm in
                area.covers(norm) && norm.period.start <= period.end && period.start <= norm.period.end
            }
            let status = try NormListFacts.read(db, norms: inReport)
            let normLines = try inReport.map { norm in
                let whole = try figures(db, norm: norm, status: status, withPxQ: true)
                guard case .gemeente(let gemeente) = area, norm.scope.gemeenten != [gemeente],
                    norm.kind != .intensiteitsnorm
                else { return Self.line(whole, stop: stops.contains(norm.id)) }
                return try gemeenteLine(db, norm: norm, whole: whole, gemeente: gemeente, stop: stops.contains(norm.id))
            }
            let spend = { (column: String) -> [SpendSum] in
                try SpendSum.fetchAll(
                    db,
                    sql: "SELECT \(column) AS key, SUM(cents) AS amount FROM spendCell WHERE month BETWEEN ? AND ?"
                        + area.sqlClause(column: "gemeente") + " GROUP BY \(column) ORDER BY amount DESC, key",
                    arguments: StatementArguments(
                        [period.start.month.description, asOf.month.description] + (area.gemeenten ?? [])))
            }
            let categories = try spend("categorie").map { sum in
                Report.SpendLine(code: sum.key, naam: ProductCategorie(sum.key)?.name ?? sum.key, bedrag: sum.amount)
            }
            let providers = try spend("aanbieder").map { sum in
                Report.SpendLine(code: sum.key, naam: names[sum.key] ?? "AGB \(sum.key)", bedrag: sum.amount)
            }
            var comparisons: [(String, Period, Day, PriceIndex?)] = [
                ("vorige periode", period.previous, asOf.shifted(months: -period.months.count), compare.previousIndex)
            ]
            if let year = compare.baselineYear {
                let shift = (year - period.start.year) * 12
                comparisons.append(
                    ("basisjaar", period.inYear(year), asOf.shifted(months: shift), compare.baselineIndex))
            }
            let vergelijking = try comparisons.map { soort, compared, day, index in
                let figures = try IndicatorQuery(
                    db: db, period: compared, area: area, norms: definitions, asOf: day, arrivals: arrivals,
                    durationSignalMonths: durationSignalMonths
                ).run()
                return Report.Comparison(
                    soort: soort, periode: compared.label, peildatum: day,
                    prijsindex: index.map {
                        ($0.riseTenths < 0 ? "-" : "") + IndicatorQuery.oneDecimal(abs($0.riseTenths)) + "%"
                    },
                    zorgsoorten: figures.zorgsoorten.map { Self.atTodaysPrices($0, index) },
                    totaal: Self.atTodaysPrices(figures.totaal, index))
            }
            return Report(
                titel: "Jeugdhulp: bestedingen en gebruik, \(area.label), \(period.label)", gebied: area.label,
                gemeenten: area.gemeenten, periode: period.label, van: period.start, tot: period.end, opgesteld: today,
                peildatum: asOf,
                normen: normLines, totaleBesteding: categories.reduce(0) { $0 + $1.bedrag },
                bestedingPerZorgsoort: categories, bestedingPerAanbieder: providers,
                indicatoren: try IndicatorQuery(
                    db: db, period: period, area: area, norms: definitions, asOf: asOf, arrivals: arrivals,
                    durationSignalMonths: durationSignalMonths
                ).run(), vergelijking: vergelijking)
        }
    }

    /// An earlier period's costs at today's prices.
    static func atTodaysPrices(_ careType: Indicators.CareType, _ index: PriceIndex?) -> Indicators.CareType {
        guard let index else { return careType }
        var corrected = careType
        corrected.kosten = index.corrected(careType.kosten)
        corrected.kostenPerClient = careType.kostenPerClient.map(index.corrected)
        corrected.producten = careType.producten.map { product in
            var product = product
            product.kosten = index.corrected(product.kosten)
            return product
        }
        return corrected
    }

    /// Norms whose latest stop event is an imposed stop.
    static func stopsInForce(_ db: Database) throws -> Set<Int64> {
        var last: [Int64: EventKind] = [:]
        for entry in try StopEntry.fetchAll(
            db,
            sql: """
                SELECT normID, kind FROM timelineEntry WHERE kind IN (?, ?)
                ORDER BY at, producer, seq
                """, arguments: [StopImposed.kind, StopLifted.kind])
        {
            if let normID = entry.normID { last[normID] = entry.kind }
        }
        return Set(last.filter { $0.value == StopImposed.kind }.keys)
    }

    /// A norm over more gemeenten in one gemeente's report: its own spend (or new clients),
    /// its share of the limit with its own forecast when the norm is split, and the whole
    /// norm beside them. Not the regio's totals as if they were the gemeente's.
    func gemeenteLine(
        _ db: Database, norm: NormDefinition, whole: NormFigures, gemeente: String, stop: Bool
    ) throws -> Report.NormLine {
        var own = norm
        own.scope.gemeenten = [gemeente]
        let share = norm.shares?[gemeente]
        if let shares = norm.shares { own.limit = BudgetShares.split(norm.limit, shares: shares)[gemeente] ?? 0 }
        let byMonth = norm.kind.limitIsMoney ? try SpendCells.byMonth(db, norm: own) : [:]
        let count =
            norm.kind == .instroomtarget
            ? try CareMonths.arrivalsByMonth(db, norm: own, arrivals: arrivals).values.reduce(0, +) : nil
        let value = count ?? byMonth.values.reduce(0, +)
        var figures = NormFigures(
            norm: own, byMonth: byMonth,
            firing: share == nil
                ? []
                : ThresholdLevels.reached(value: value, limit: own.limit, thresholds: norm.thresholds)
                    .sorted(),
            today: today(), count: count, forecastSettings: forecastSettings)
        figures.aanbiederNaam = whole.aanbiederNaam
        var line = Self.line(figures, stop: stop)
        if share == nil {
            // No share of its own: spend without a limit to hold it against.
            line.grens = nil
            line.percentage = nil
            line.grensBereiktOp = nil
            line.status = "regio-norm, niet verdeeld"
        }
        let wholeLine = Self.line(whole, stop: stop)
        line.regio = Report.WholeNorm(
            gebied: norm.scope.regio.map { "regio \($0)" } ?? "alle gemeenten",
            aandeel: share.map { "\($0 / 100),\(String(format: "%02d", $0 % 100))%" }, grens: norm.limit,
            stand: wholeLine.stand, percentage: wholeLine.percentage, prognose: wholeLine.prognose)
        return line
    }

    static func line(_ norm: NormFigures, stop: Bool) -> Report.NormLine {
        let stand =
            norm.instrument == .instroomtarget ? PublishedCount.text(norm.spent) : String(norm.spent)
        let status = DutchFigures.status(norm).text
        var line = Report.NormLine(
            id: norm.id, naam: norm.name, instrument: norm.instrument, aanbieder: norm.aanbieder,
            aanbiederNaam: norm.aanbiederNaam,
            zorgsoort: DutchFigures.careType(norm.productCategorieen), periode: norm.period, grens: norm.limit,
            stand: stand,
            percentage: norm.intensity == nil ? DutchFigures.percentage(basisPoints: norm.basisPoints) : nil,
            prognose: norm.forecast?.projectedTotal, grensBereiktOp: norm.forecast?.crossingDate, status: status,
            stopVanKracht: stop)
        line.prognosePxQ = norm.pxqForecast?.projectedTotal
        return line
    }
}

/// A stop imposed or lifted, as the timeline keeps it.
private struct StopEntry: Decodable, FetchableRecord {
    var normID: Int64?
    var kind: EventKind
}
