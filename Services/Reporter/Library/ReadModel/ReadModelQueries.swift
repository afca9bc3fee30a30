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
        try await writer.read { db in
            let included = try normDefinitions.all(db).filter(include)
            let status = try NormListFacts.read(db, norms: included)
            let today = self.today()
            return try included.map { try figures(db, norm: $0, status: status, today: today) }
        }
    }

    /// The norms `include` picks that need attention (a firing alert, a stop or its
    /// advice), most urgent first. Only those norms' figures are worked out.
    public func normsNeedingAttention(where include: @escaping @Sendable (NormDefinition) -> Bool) async throws
        -> [NormFigures]
    {
        try await writer.read { db in
            let candidates = try attentionCandidates(db, all: normDefinitions.all(db), where: include)
            let status = try NormListFacts.read(db, norms: candidates)
            let today = self.today()
            return needingAttention(try candidates.map { try figures(db, norm: $0, status: status, today: today) })
        }
    }

    /// The norms `include` picks that may need attention: a firing alert, a stop, a signal.
    func attentionCandidates(
        _ db: Database, all: [NormDefinition], where include: (NormDefinition) -> Bool
    ) throws -> [NormDefinition] {
        let open = try HandlingFacts.normsWithSomethingOpen(db)
        return all.filter { open.contains($0.id) && include($0) }
    }

    /// Those of `figures` that need attention, most urgent first.
    func needingAttention(_ figures: [NormFigures]) -> [NormFigures] {
        var needing: [NormFigures] = []
        var attention: [Attention] = []
        for norm in figures {
            let urgency = norm.attention
            guard urgency.needsAttention else { continue }
            needing.append(norm)
            attention.append(urgency)
        }
        // Positions are sorted, not the figures: moving thousands of large structs
        // while sorting was a tenth of a country's start page.
        return needing.indices.sorted { a, b in
            Attention.isMoreUrgent(attention[a], needing[a].id, than: attention[b], needing[b].id)
        }.map { needing[$0] }
    }

    /// What happened, newest first: to one norm, or to all.
    func timeline(normID: Int64?) async throws -> [Timeline.Entry] {
        try await writer.read { try Timeline.entries($0, normID: normID) }
    }

    public func norm(id: Int64) async throws -> NormFigures? {
        try await writer.read { db in
            guard let norm = try NormDefinitionTables.find(db, id: id) else { return nil }
            return try figures(db, norm: norm, status: try NormListFacts.read(db, norms: [norm]), withPxQ: true)
        }
    }

    /// `status`: the norm's alerts, stop and provider name, read once for a list of norms
    /// (`NormListFacts`). `withPxQ`: the PxQ forecast too, for one norm's page and the
    /// report; lists of norms (the overview, 10,000 of them for a country) leave it out.
    /// `today`: worked out once for a list (a calendar in Amsterdam's zone per norm was 3%
    /// of the start page at 100×).
    func figures(
        _ db: Database, norm: NormDefinition, status: NormListFacts, withPxQ: Bool = false, today: Day? = nil
    ) throws -> NormFigures {
        let today = today ?? self.today()
        let firing = status.firing(normID: norm.id)
        var figures = try valueFigures(db, norm: norm, firing: firing, status: status, today: today)
        figures.stop = status.stop(normID: norm.id)
        figures.aanbiederNaam = status.providerName(norm.scope.aanbieder)
        figures.unacknowledgedAlerts = firing.unacknowledged
        if figures.unacknowledgedAlerts > 0, let oldest = firing.oldestUnacknowledged,
            let fired = try? Date(oldest, strategy: .iso8601)
        {
            let day = Day(date: fired.addingTimeInterval(escalateAfter), timeZone: Day.amsterdam)
            figures.escalatesOn = day
            figures.escalated = day <= today
        }
        if figures.stop != nil { figures.inflowDuringStop = status.inflowDuringStop(normID: norm.id) }
        if norm.kind == .intensiteitsnorm { figures.signals = status.signals(normID: norm.id) }
        if norm.kind.limitIsMoney {
            figures.forecastFiring = firing.forecast
            if withPxQ, let through = figures.forecast?.basisMonths.last.flatMap(Month.init) {
                let byMonth = Dictionary(
                    uniqueKeysWithValues: figures.months.compactMap { m in Month(m.month).map { ($0, m.value) } })
                figures.pxqForecast = try AllocationFacts.pxq(db, norm: norm, byMonth: byMonth, through: through)
            }
        }
        return figures
    }

    /// The norm's value, months and forecast, and its firing alerts on that value.
    private func valueFigures(
        _ db: Database, norm: NormDefinition, firing: NormListFacts.Firing, status: NormListFacts, today: Day
    ) throws -> NormFigures {
        if norm.kind == .intensiteitsnorm {
            let above = try IntensityFigures.monthsAbove(db, normID: norm.id)
            return NormFigures(
                norm: norm, byMonth: try IntensityFigures.unlawfulByMonth(db, normID: norm.id),
                firing: firing.intensity,
                today: today,
                intensity: .init(
                    clientMonthsAbove: above.all, structuralClientMonths: above.structural,
                    measure: norm.intensity ?? IntensityMeasure())
            )
        }
        let byMonth = norm.kind.limitIsMoney ? try status.spendByMonth(db, norm: norm) : [:]
        // Counts per month stay unpublished: most are below 5.
        let count =
            norm.kind == .instroomtarget
            ? try CareMonths.arrivalsByMonth(db, norm: norm, arrivals: arrivals).values.reduce(0, +) : nil
        return NormFigures(
            norm: norm, byMonth: byMonth, firing: firing.actual, today: today, count: count,
            forecastSettings: forecastSettings)
    }
}
