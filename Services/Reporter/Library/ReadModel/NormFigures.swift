import Contracts
import Domain

/// A norm with its figures as the dashboard and the API show them. Amounts are cents.
public struct NormFigures: Sendable, Equatable, Encodable {
    public struct MonthValue: Sendable, Equatable, Encodable {
        public var month: String
        public var value: Int64
        public var cumulative: Int64
    }

    public var id: Int64
    public var name: String
    public var instrument: NormKind
    public var aanbieder: String?
    /// The provider's name from the AGB register, when it has one.
    public var aanbiederNaam: String?
    public var gemeenten: [String]
    public var regio: String?
    public var productCategorieen: [String]
    public var productCodes: [String]
    public var period: String
    public var periodStart: Day
    public var periodEnd: Day
    public var limit: Int64
    public var spent: Int64
    /// Percentage of the limit used, in basis points (7250 = 72,50%).
    public var basisPoints: Int64
    /// The same percentage as a decimal string with a point ("72.50"), for scripts.
    public var percentage: String
    public var thresholds: [Int]
    public var firingThresholds: [Int]
    public var months: [MonthValue]
    /// Run-rate forecast for the end of the period, with its method and inputs.
    public var forecast: RunRateForecast?
    /// The PxQ forecast from the allocations beside it, from the same month on.
    public var pxqForecast: PxQForecast?
    /// Intensiteitsnorm: `spent` and `months` are then the amount that would be unlawful
    /// (care above the norm that is not incidental), `limit` is units per client and
    /// `basisPoints` is 0.
    public var intensity: Intensity?
    /// Whether monitor's forecast alert (the end of the period over the limit) fires.
    public var forecastFiring: Bool = false
    /// The referral stop's state, nil when there is neither a stop nor an advice.
    var stop: HandlingFacts.StopState?
    /// Ended norms count nothing more; their page and history stay.
    public var ended: Bool
    /// Firing alerts nobody acknowledged.
    public var unacknowledgedAlerts: Int = 0
    /// When notifier escalates the oldest unacknowledged alert (its `escalate_after`).
    public var escalatesOn: Day?
    /// Whether that day has come: the alert went to the escalation addresses already.
    public var escalated = false
    /// Clients who entered during the stop in force without an exemption.
    public var inflowDuringStop: Int = 0
    /// An intensiteitsnorm's weeks and duration signals since its last analysegesprek.
    var signals = SignalFacts()

    /// What needs attention, worked out from all of the above.
    public var attention: Attention { Attention(self) }

    public struct Intensity: Sendable, Equatable, Encodable {
        public var eenheid: String
        public var per: String
        /// Client-months above the norm, and those of them that are not incidental.
        public var clientMonthsAbove: Int64
        public var structuralClientMonths: Int64
        /// The weeks of care a year and the months in care the norm signals above, if set.
        public var openWeeks: Int?
        public var maxMonths: Int?

        init(clientMonthsAbove: Int64, structuralClientMonths: Int64, measure: IntensityMeasure) {
            eenheid = measure.eenheid
            per = measure.per.rawValue
            openWeeks = measure.openWeeks
            maxMonths = measure.maxMonths
            self.clientMonthsAbove = clientMonthsAbove
            self.structuralClientMonths = structuralClientMonths
        }
    }

    /// `count` is the value of a norm that counts clients (instroomtarget) instead of money.
    init(
        norm: NormDefinition, byMonth: [Month: Int64], firing: [Int], today: Day, count: Int64? = nil,
        intensity: Intensity? = nil, forecastSettings: RunRateForecast.Settings = .init()
    ) {
        id = norm.id
        name = norm.name
        instrument = norm.kind
        aanbieder = norm.scope.aanbieder
        gemeenten = norm.scope.gemeenten
        regio = norm.scope.regio
        productCategorieen = norm.scope.productCategorieen
        productCodes = norm.scope.productCodes
        period = norm.period.label
        periodStart = norm.period.start
        periodEnd = norm.period.end
        limit = norm.limit
        spent = count ?? byMonth.values.reduce(0, +)
        basisPoints = intensity == nil ? ThresholdLevels.basisPoints(value: spent, limit: norm.limit) : 0
        // Two digits after the point, without `String(format:)` (Foundation's formatter was
        // half of this initialiser's time on a list of thousands of norms).
        let magnitude = basisPoints.magnitude
        let hundredths = magnitude % 100
        percentage = "\(basisPoints < 0 ? "-" : "")\(magnitude / 100).\(hundredths < 10 ? "0" : "")\(hundredths)"
        thresholds = norm.thresholds
        firingThresholds = firing
        var cumulative: Int64 = 0
        months = byMonth.keys.sorted().map { month in
            cumulative += byMonth[month]!
            return MonthValue(month: month.description, value: byMonth[month]!, cumulative: cumulative)
        }
        self.intensity = intensity
        ended = norm.ended
        forecast =
            norm.kind.limitIsMoney
            ? RunRateForecast.make(
                byMonth: byMonth, period: norm.period, limit: norm.limit, today: today, settings: forecastSettings)
            : nil
    }

    /// An instroomtarget of one to four clients: the count, and the percentage it could be
    /// worked back from, are never published.
    public var isSuppressed: Bool {
        instrument == .instroomtarget && PublishedCount.text(spent) != String(spent)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, instrument, aanbieder, gemeenten, regio, productCategorieen, productCodes, period, periodStart,
            periodEnd, limit, spent, aanbiederNaam, basisPoints, percentage, thresholds, firingThresholds, months,
            forecast, pxqForecast, intensity,
            suppressed, forecastFiring, stop, escalatesOn, ended, unacknowledgedAlerts, inflowDuringStop, status,
            attention
    }

    /// As synthesized, except that a suppressed count goes out as `spent` and
    /// `basisPoints` null, `percentage` "<5" and `suppressed` true.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(instrument, forKey: .instrument)
        try c.encodeIfPresent(aanbieder, forKey: .aanbieder)
        try c.encodeIfPresent(aanbiederNaam, forKey: .aanbiederNaam)
        try c.encode(gemeenten, forKey: .gemeenten)
        try c.encodeIfPresent(regio, forKey: .regio)
        try c.encode(productCategorieen, forKey: .productCategorieen)
        try c.encode(productCodes, forKey: .productCodes)
        try c.encode(period, forKey: .period)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(limit, forKey: .limit)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(firingThresholds, forKey: .firingThresholds)
        try c.encode(months, forKey: .months)
        try c.encodeIfPresent(forecast, forKey: .forecast)
        try c.encodeIfPresent(pxqForecast, forKey: .pxqForecast)
        try c.encodeIfPresent(intensity, forKey: .intensity)
        try c.encode(forecastFiring, forKey: .forecastFiring)
        try c.encodeIfPresent(stop, forKey: .stop)
        try c.encode(ended, forKey: .ended)
        try c.encode(unacknowledgedAlerts, forKey: .unacknowledgedAlerts)
        try c.encodeIfPresent(escalatesOn, forKey: .escalatesOn)
        try c.encode(PublishedCount.text(Int64(inflowDuringStop)), forKey: .inflowDuringStop)
        try c.encode(attention.status.text, forKey: .status)
        try c.encode(attention, forKey: .attention)
        if isSuppressed {
            try c.encodeNil(forKey: .spent)
            try c.encodeNil(forKey: .basisPoints)
            try c.encode("<\(PublishedCount.threshold)", forKey: .percentage)
            try c.encode(true, forKey: .suppressed)
        } else {
            try c.encode(spent, forKey: .spent)
            try c.encode(basisPoints, forKey: .basisPoints)
            try c.encode(percentage, forKey: .percentage)
        }
    }
}
