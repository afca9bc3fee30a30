import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// What the dashboard and the API ask of the read model.
extension ReporterDatabase {
    func today() -> Day { Day.today(now: clock()) }

    public func norms() async throws -> [NormFigures] {
        try await norms { _ in true }
    }

    /// The figures of the norms `include` picks: chosen on the definitions, so a page for
    /// one gemeente or provider does not compute the figures of a whole country's norms.
    public func norms(where include: @escaping @Sendable (NormDefinition) -> Bool) async throws -> [NormFigures] {
        try await writer.read { db in try normDefinitions.all(db).filter(include).map { try figures(db, norm: $0) } }
    }

    /// The norms `include` picks that need attention (a firing alert, a stop or its
    /// advice), most urgent first. Only those norms' figures are worked out.
    public func normsNeedingAttention(where include: @escaping @Sendable (NormDefinition) -> Bool) async throws
        -> [NormFigures]
    {
        try await writer.read { db in
            let open = try HandlingFacts.normsWithSomethingOpen(db)
            return try normDefinitions.all(db).filter { open.contains($0.id) && include($0) }
                .map { norm in
                    let figures = try figures(db, norm: norm)
                    return (figures: figures, attention: figures.attention)
                }
                .filter(\.attention.needsAttention)
                .sorted { Attention.isMoreUrgent($0.attention, $0.figures.id, than: $1.attention, $1.figures.id) }
                .map(\.figures)
        }
    }

    /// What happened, newest first: to one norm, or to all.
    func timeline(normID: Int64?) async throws -> [Timeline.Entry] {
        try await writer.read { try Timeline.entries($0, normID: normID) }
    }

    public func norm(id: Int64) async throws -> NormFigures? {
        try await writer.read { db in
            guard let norm = try NormDefinitionTables.find(db, id: id) else { return nil }
            return try figures(db, norm: norm, withPxQ: true)
        }
    }

    /// `withPxQ`: the PxQ forecast too, for one norm's page and the report; lists of norms
    /// (the overview, 10,000 of them for a country) leave it out.
    func figures(_ db: Database, norm: NormDefinition, withPxQ: Bool = false) throws -> NormFigures {
        var figures = try valueFigures(db, norm: norm)
        figures.stop = try HandlingFacts.state(db, normID: norm.id)
        figures.aanbiederNaam = try ProviderNames.name(db, agb: norm.scope.aanbieder)
        figures.unacknowledgedAlerts = try HandlingFacts.unacknowledgedAlerts(db, normID: norm.id)
        if figures.unacknowledgedAlerts > 0, let oldest = try HandlingFacts.oldestUnacknowledged(db, normID: norm.id),
            let fired = try? Date(oldest, strategy: .iso8601)
        {
            let day = Day(date: fired.addingTimeInterval(escalateAfter), timeZone: Day.amsterdam)
            figures.escalatesOn = day
            figures.escalated = day <= today()
        }
        if figures.stop != nil { figures.inflowDuringStop = try HandlingFacts.inflowDuringStop(db, normID: norm.id) }
        if norm.kind.limitIsMoney {
            figures.forecastFiring =
                try Int.fetchOne(
                    try db.cachedStatement(
                        sql: "SELECT 1 FROM alert WHERE normID = ? AND state = 'firing' AND alertKind = 'forecast'"),
                    arguments: [norm.id]) != nil
            if withPxQ, let through = figures.forecast?.basisMonths.last.flatMap(Month.init) {
                let byMonth = Dictionary(
                    uniqueKeysWithValues: figures.months.compactMap { m in Month(m.month).map { ($0, m.value) } })
                figures.pxqForecast = try AllocationFacts.pxq(db, norm: norm, byMonth: byMonth, through: through)
            }
        }
        return figures
    }

    /// The norm's value, months and forecast, and its firing alerts on that value.
    private func valueFigures(_ db: Database, norm: NormDefinition) throws -> NormFigures {
        if norm.kind == .intensiteitsnorm {
            let firing = try Int.fetchAll(
                try db.cachedStatement(
                    sql: "SELECT threshold FROM alert WHERE normID = ? AND state = 'firing' AND alertKind = 'intensity'"
                ),
                arguments: [norm.id])
            let above = try IntensityFigures.monthsAbove(db, normID: norm.id)
            return NormFigures(
                norm: norm, byMonth: try IntensityFigures.unlawfulByMonth(db, normID: norm.id), firing: firing,
                today: today(),
                intensity: .init(
                    clientMonthsAbove: above.all, structuralClientMonths: above.structural,
                    measure: norm.intensity ?? IntensityMeasure())
            )
        }
        // Cached statements: this runs once per norm, 10,000 times for a country's overview.
        let firing = try Int.fetchAll(
            try db.cachedStatement(
                sql:
                    "SELECT threshold FROM alert WHERE normID = ? AND state = 'firing' AND alertKind = 'actual' ORDER BY threshold"
            ),
            arguments: [norm.id])
        let byMonth = norm.kind.limitIsMoney ? try SpendCells.byMonth(db, norm: norm) : [:]
        // Counts per month stay unpublished: most are below 5.
        let count =
            norm.kind == .instroomtarget
            ? try CareMonths.arrivalsByMonth(db, norm: norm, arrivals: arrivals).values.reduce(0, +) : nil
        return NormFigures(
            norm: norm, byMonth: byMonth, firing: firing, today: today(), count: count,
            forecastSettings: forecastSettings)
    }
}
