/// `norm.add`: define a new norm. Period is a label ("2026", "2026-H2", "2026-07") or
/// omitted for the current calendar year; thresholds default to 70, 90, 100.
public struct NormAddRequest: Codable, Sendable, Equatable {
    public var command = "norm.add"
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
    public var by: String?

    public init(
        name: String, kind: NormKind, gemeenten: [String], regio: String? = nil, aanbieder: String?,
        productCategorieen: [String] = [], productCodes: [String] = [], period: String?, limit: Int64,
        thresholds: [Int]? = nil, stopRule: StopRule? = nil, by: String? = nil
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
        self.by = by
    }
}

/// `norm.list`: every norm with its current figures.
public struct NormListRequest: Codable, Sendable, Equatable {
    public var command = "norm.list"
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

    public init(norm: NormDefinition, value: Int64, basisPoints: Int64, firing: [Int], forecast: RunRateForecast? = nil)
    {
        self.norm = norm
        self.value = value
        self.basisPoints = basisPoints
        self.firing = firing
        self.forecast = forecast
    }
}
