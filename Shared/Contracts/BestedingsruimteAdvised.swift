import Domain
import Foundation

/// `bestedingsruimte.advised`: a signaalplafond was exceeded by more than the margin in a
/// period that has ended; the rules say that is a reason to agree a bestedingsruimte with
/// the provider for the next period. Advice only: people decide. Published once per norm.
public struct BestedingsruimteAdvised: EventBody {
    public static let kind = EventKind.bestedingsruimteAdvised
    public var v: Int = 1
    public var norm: AlertNorm
    public var period: String
    public var value: Int64
    public var limit: Int64
    public var basisPoints: Int64
    public var marginPercent: Int
    public var at: Date

    public init(norm: NormDefinition, value: Int64, marginPercent: Int, at: Date) {
        self.norm = AlertNorm(norm)
        self.period = norm.period.label
        self.value = value
        self.limit = norm.limit
        self.basisPoints = ThresholdLevels.basisPoints(value: value, limit: norm.limit)
        self.marginPercent = marginPercent
        self.at = at
    }

    /// The rule, pure: the period is over and the value is above limit × (100 + margin)%.
    public static func applies(norm: NormDefinition, value: Int64, marginPercent: Int, today: Day) -> Bool {
        norm.kind == .signaalplafond && today > norm.period.end
            && value * 100 > norm.limit * Int64(100 + marginPercent)
    }
}
