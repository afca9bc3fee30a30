import Contracts
import Domain

/// What a norm asks of the people who watch it, worked out from everything the read
/// model knows: firing alerts of every kind, the forecast, the stop and its advice,
/// unacknowledged alerts, inflow during a stop, an intensiteitsnorm's weeks and duration
/// signals not yet discussed in an analysegesprek. Pure: figures in, verdict out.
///
/// A norm is "binnen de drempels" only when none of these holds; the reading of alerts of
/// kind `actual` alone once showed a norm heading for 110% in green.
public struct Attention: Sendable, Equatable, Encodable {
    /// Ordered by how much it asks: a stop in force is followed up, an over-limit norm acted on.
    public enum Level: Int, Sendable, Comparable, Encodable {
        case ended = 0
        case ok = 1
        case stopInForce = 2
        case warning = 3
        case over = 4

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    /// The most pressing reason first; empty when there is nothing to do.
    public var reasons: [String]
    /// How far the larger of spend and forecast is over (or under) the limit, in basis
    /// points of the limit (11000 = 110%): the start page's order, furthest over first.
    public var urgencyBasisPoints: Int64

    public init(_ norm: NormFigures) {
        var reasons: [(Level, String)] = []
        // An indicative forecast (too few complete months) asks for no attention yet.
        let projected = norm.forecast.flatMap { $0.indicative ? nil : $0.projectedTotal } ?? 0
        if norm.ended {
            level = .ended
            self.reasons = ["beëindigd: telt niet meer mee"]
            urgencyBasisPoints = 0
            return
        }
        if norm.intensity != nil {
            if !norm.firingThresholds.isEmpty { reasons.append((.over, "zorg niet incidenteel boven de norm")) }
        } else if let highest = norm.firingThresholds.max() {
            reasons.append(
                highest >= 100 ? (.over, "grens overschreden") : (.warning, "drempel \(highest)% bereikt"))
        }
        if norm.intensity == nil, norm.forecastFiring || (norm.limit > 0 && projected > norm.limit) {
            let when = norm.forecast?.crossingDate.map { " (grens bereikt op \(DutchDate.text($0)))" } ?? ""
            reasons.append((.warning, "prognose boven de grens\(when)"))
        }
        switch norm.stop {
        case .advised?: reasons.append((.warning, "stopadvies: een besluit is nodig"))
        case .liftAdvised?: reasons.append((.warning, "advies: de stop kan worden opgeheven"))
        case .imposed?: reasons.append((.stopInForce, "toeleidingsstop van kracht"))
        case nil: break
        }
        if norm.inflowDuringStop > 0 {
            reasons.append(
                (.warning, "\(PublishedCount.text(Int64(norm.inflowDuringStop))) nieuwe cliënt(en) tijdens de stop"))
        }
        // Signals ask for a conversation, not a measure: a warning until one is recorded.
        if norm.signals.weeks > 0 {
            let weeks = norm.intensity?.openWeeks.map { "de \($0) weken" } ?? "de weken"
            reasons.append(
                (
                    .warning,
                    "\(PublishedCount.text(Int64(norm.signals.weeks))) cliënt(en) boven \(weeks) zorg per jaar: bespreken in het analysegesprek"
                ))
        }
        if norm.signals.duration > 0 {
            let months = norm.intensity?.maxMonths.map { "de \($0) maanden" } ?? "de maanden"
            reasons.append(
                (
                    .warning,
                    "\(PublishedCount.text(Int64(norm.signals.duration))) cliënt(en) langer in zorg dan \(months) van de norm: bespreken in het analysegesprek"
                ))
        }
        if norm.unacknowledgedAlerts > 0 {
            let escalation =
                norm.escalatesOn.map { ", \(norm.escalated ? "geëscaleerd op" : "escalatie op") \(DutchDate.text($0))" }
                ?? ""
            reasons.append((.warning, "\(norm.unacknowledgedAlerts) melding(en) niet bevestigd\(escalation)"))
        }
        let ordered = reasons.enumerated().sorted { ($0.element.0, -$0.offset) > ($1.element.0, -$1.offset) }
        level = ordered.first?.element.0 ?? .ok
        self.reasons = ordered.map(\.element.1)
        let value = norm.instrument.limitIsMoney ? max(norm.spent, projected) : norm.spent
        urgencyBasisPoints =
            norm.intensity == nil && norm.limit > 0 ? ThresholdLevels.basisPoints(value: value, limit: norm.limit) : 0
    }

    /// Whether the norm belongs on the start page's list of what needs attention.
    public var needsAttention: Bool { level > .ok }

    /// The status in a few words, with the dashboard's style class; reports use the same words.
    public var status: (text: String, css: String) {
        switch level {
        case .ended: ("beëindigd", "status-ended")
        case .ok: ("binnen de drempels", "status-ok")
        case .stopInForce: ("toeleidingsstop van kracht", "status-stop")
        case .warning: (reasons.first ?? "aandacht nodig", "status-warn")
        case .over: (reasons.first ?? "grens overschreden", "status-over")
        }
    }

    /// Most urgent first: furthest over the limit, then the heavier level, then the norm's
    /// id. On verdicts worked out once per norm: a sort of thousands of norms that built
    /// them in each comparison spent more on the Dutch reasons than on the figures.
    static func isMoreUrgent(_ x: Attention, _ xID: Int64, than y: Attention, _ yID: Int64) -> Bool {
        if x.urgencyBasisPoints != y.urgencyBasisPoints { return x.urgencyBasisPoints > y.urgencyBasisPoints }
        if x.level != y.level { return x.level > y.level }
        return xID < yID
    }

    enum CodingKeys: String, CodingKey { case level, reasons, urgencyBasisPoints }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(String(describing: level), forKey: .level)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(urgencyBasisPoints, forKey: .urgencyBasisPoints)
    }
}
