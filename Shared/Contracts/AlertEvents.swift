import Domain
import Foundation

/// Whether an alert is about the value now, about where the forecast says it will end,
/// or (intensiteitsnorm) about care above the norm that is not incidental; then the
/// alert's value is the amount in cents that would be unlawful.
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    case actual
    case forecast
    case intensity
}

/// What an alert says about its norm, so consumers need not look the norm up.
public struct AlertNorm: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var kind: NormKind
    public var aanbieder: String?
    /// The provider's name from the AGB register, when it has one (added later: optional).
    public var aanbiederNaam: String?
    public var gemeenten: [String]
    public var regio: String?
    public var productCategorieen: [String]
    /// An intensiteitsnorm's unit, "uur per cliënt per week" (added later: optional).
    public var limitUnit: String?

    public init(_ norm: NormDefinition, aanbiederNaam: String? = nil) {
        limitUnit = norm.intensity.map { "\($0.unitName) per cliënt per \($0.per.rawValue)" }
        id = norm.id
        name = norm.name
        kind = norm.kind
        aanbieder = norm.scope.aanbieder
        self.aanbiederNaam = aanbiederNaam
        gemeenten = norm.scope.gemeenten
        regio = norm.scope.regio
        productCategorieen = norm.scope.productCategorieen
    }
}

/// `alert.firing`: a threshold was crossed. One per norm, alert kind and threshold for
/// each crossing; the id is monitor's and stable across restarts and replays.
public struct AlertFiring: EventBody {
    public static let kind = EventKind.alertFiring
    public var v: Int = 1
    public var alertID: Int64
    public var norm: AlertNorm
    public var alertKind: AlertKind
    public var threshold: Int
    public var value: Int64
    public var limit: Int64
    public var basisPoints: Int64
    public var forecastValue: Int64?
    public var forecastCrossing: Day?
    public var firedAt: Date

    public init(
        alertID: Int64, norm: AlertNorm, alertKind: AlertKind, threshold: Int, value: Int64, limit: Int64,
        forecastValue: Int64?, forecastCrossing: Day?, firedAt: Date
    ) {
        self.alertID = alertID
        self.norm = norm
        self.alertKind = alertKind
        self.threshold = threshold
        self.value = value
        self.limit = limit
        self.basisPoints = ThresholdLevels.basisPoints(value: value, limit: limit)
        self.forecastValue = forecastValue
        self.forecastCrossing = forecastCrossing
        self.firedAt = firedAt
    }
}

/// `alert.resolved`: the value fell back below the threshold (a credit, a raised limit).
public struct AlertResolved: EventBody {
    public static let kind = EventKind.alertResolved
    public var v: Int = 1
    public var alertID: Int64
    public var norm: AlertNorm
    public var alertKind: AlertKind
    public var threshold: Int
    public var value: Int64
    public var limit: Int64
    public var resolvedAt: Date

    public init(
        alertID: Int64, norm: AlertNorm, alertKind: AlertKind, threshold: Int, value: Int64, limit: Int64,
        resolvedAt: Date
    ) {
        self.alertID = alertID
        self.norm = norm
        self.alertKind = alertKind
        self.threshold = threshold
        self.value = value
        self.limit = limit
        self.resolvedAt = resolvedAt
    }
}
