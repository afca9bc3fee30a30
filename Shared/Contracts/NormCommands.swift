/// `norm.add`: define a new norm. Period is a label ("2026", "2026-H2", "2026-07") or
/// omitted for the current calendar year; thresholds default to 70, 90, 100.
public struct NormAddRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normAdd
    public typealias Reply = NormStatus
    public private(set) var command = Self.command
    public var name: String
    public var kind: NormKind
    public var gemeenten: [String]
    public var regio: String?
    public var aanbieder: String?
    public var productCategorieen: [String]
    public var productCodes: [String]
    public var period: String?
    public var limit: Int64
    public var thresholds: [Int]?
    public var stopRule: StopRule?
    /// Intensiteitsnorm only; the default is hours per week, structural at 2 of 3 months.
    public var intensity: IntensityMeasure?
    /// Basis points per gemeente (`--aandelen`, `--naar-rato`); nil: not split.
    public var shares: [String: Int]?
    public var by: String?

    public init(
        name: String, kind: NormKind, gemeenten: [String], regio: String? = nil, aanbieder: String?,
        productCategorieen: [String] = [], productCodes: [String] = [], period: String?, limit: Int64,
        thresholds: [Int]? = nil, stopRule: StopRule? = nil, intensity: IntensityMeasure? = nil,
        shares: [String: Int]? = nil, by: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.gemeenten = gemeenten
        self.regio = regio
        self.aanbieder = aanbieder
        self.productCategorieen = productCategorieen
        self.productCodes = productCodes
        self.period = period
        self.limit = limit
        self.thresholds = thresholds
        self.stopRule = stopRule
        self.intensity = intensity
        self.shares = shares
        self.by = by
    }
}

/// `norm.list`: every norm with its current figures.
public struct NormListRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normList
    public typealias Reply = [NormStatus]
    public private(set) var command = Self.command
    public init() {}
}

/// One norm as monitor sees it now.
public struct NormStatus: Codable, Sendable, Equatable {
    public var norm: NormDefinition
    public var value: Int64
    public var basisPoints: Int64
    public var firing: [Int]
    /// Where the value is heading by the end of the period, with its method and inputs.
    public var forecast: RunRateForecast?
    /// Intensiteitsnorm: the latest client-months above the norm (at most 50); the value
    /// is then the amount in cents that would be unlawful.
    public var intensityMonths: [IntensityMonthStatus]?

    public init(
        norm: NormDefinition, value: Int64, basisPoints: Int64, firing: [Int], forecast: RunRateForecast? = nil,
        intensityMonths: [IntensityMonthStatus]? = nil
    ) {
        self.norm = norm
        self.value = value
        self.basisPoints = basisPoints
        self.firing = firing
        self.forecast = forecast
        self.intensityMonths = intensityMonths
    }
}

/// `alert.list`: alerts as monitor holds them, newest first; `state` filters.
public struct AlertListRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.alertList
    public typealias Reply = [AlertStatus]
    public private(set) var command = Self.command
    public var state: String?
    public init(state: String? = nil) { self.state = state }
}

/// One alert as `plafond alert list` shows it.
public struct AlertStatus: Codable, Sendable, Equatable {
    public var id: Int64
    public var normID: Int64
    public var normName: String
    public var alertKind: AlertKind
    public var threshold: Int
    public var state: String
    public var value: Int64
    public var limit: Int64
    public var firedAt: String
    public var resolvedAt: String?

    public init(
        id: Int64, normID: Int64, normName: String, alertKind: AlertKind, threshold: Int, state: String, value: Int64,
        limit: Int64, firedAt: String, resolvedAt: String?
    ) {
        self.id = id
        self.normID = normID
        self.normName = normName
        self.alertKind = alertKind
        self.threshold = threshold
        self.state = state
        self.value = value
        self.limit = limit
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
    }
}
