import Domain

/// A cap as the municipality set it: what it limits, for whom, over which period.
public struct NormDefinition: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var kind: NormKind
    public var scope: NormScope
    public var period: Period
    /// Cents for money norms, clients for an instroomtarget, units for an intensiteitsnorm.
    public var limit: Int64
    /// Percentages of the limit at which an alert fires, ascending.
    public var thresholds: [Int]
    public var stopRule: StopRule
    public var version: Int
    public var ended: Bool
    /// For an intensiteitsnorm: the unit, per week or month, and the incidental rule.
    public var intensity: IntensityMeasure?
    /// A regio's norm split over its gemeenten: basis points per gemeente (adding up to
    /// 10000). Each gemeente then sees its part of the limit beside its own spend.
    public var shares: [String: Int]?

    public static let defaultThresholds = [70, 90, 100]

    public init(
        id: Int64, name: String, kind: NormKind, scope: NormScope, period: Period, limit: Int64,
        thresholds: [Int] = NormDefinition.defaultThresholds, stopRule: StopRule = .forecastAbove100,
        version: Int = 1, ended: Bool = false, intensity: IntensityMeasure? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.scope = scope
        self.period = period
        self.limit = limit
        self.thresholds = thresholds.sorted()
        self.stopRule = stopRule
        self.version = version
        self.ended = ended
        self.intensity = kind == .intensiteitsnorm ? (intensity ?? IntensityMeasure()) : nil
    }

    /// Whether a line counts for this norm: in scope and cared for inside the period.
    public func counts(_ line: DeclaredLine) -> Bool {
        !ended && period.contains(line.periodStart) && scope.matches(line)
    }
}

/// When the system advises a referral stop.
public enum StopRule: String, Sendable, Codable, CaseIterable {
    /// Forecast for the end of the period above 100% of the limit.
    case forecastAbove100
    /// Holland Rijnland's rule: forecast above 105% means a full stop on admissions.
    case forecastAbove105
}
