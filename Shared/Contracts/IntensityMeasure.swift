import Domain

/// What an intensiteitsnorm limits: units of one Eenheid per client per week or month
/// (e.g. at most 18 hours a week of pre-school day treatment), and when an excess stops
/// being incidental (default: above the norm in 2 of 3 consecutive months).
public struct IntensityMeasure: Sendable, Equatable, Codable {
    public enum Per: String, Sendable, Codable, CaseIterable {
        case week
        case maand
    }

    /// COD Eenheid of the limit: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82/84 stuks.
    public var eenheid: String
    public var per: Per
    /// Months in the window that decides whether an excess is incidental.
    public var windowMonths: Int
    /// Months above the norm within one window that make the excess structural.
    public var monthsAbove: Int
    /// Judge each child over all providers in the norm's scope together (the norm is about
    /// what a child receives), instead of per provider (what each provider may deliver,
    /// the default).
    public var perChild: Bool
    /// At most this many ISO weeks a year with care per client (Nijmegen's VDB: 47), or
    /// nil. A signal for the conversation, never a verdict (`OpeningWeeks` says why).
    public var openWeeks: Int?
    /// At most this many months in care at one provider, counted from the client's arrival
    /// there (`CareArrivals`), or nil: Nijmegen's "intensiteit en/of duur". A signal.
    public var maxMonths: Int?

    public init(
        eenheid: String = "04", per: Per = .week, windowMonths: Int = 3, monthsAbove: Int = 2, perChild: Bool = false,
        openWeeks: Int? = nil, maxMonths: Int? = nil
    ) {
        self.eenheid = eenheid
        self.per = per
        self.windowMonths = windowMonths
        self.monthsAbove = monthsAbove
        self.perChild = perChild
        self.openWeeks = openWeeks
        self.maxMonths = maxMonths
    }

    private enum CodingKeys: String, CodingKey {
        case eenheid, per, windowMonths, monthsAbove, perChild, openWeeks, maxMonths
    }

    /// `perChild` is read as false, `openWeeks` and `maxMonths` as nil when absent (norms and events from
    /// before 0.19.0)...
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        eenheid = try container.decode(String.self, forKey: .eenheid)
        per = try container.decode(Per.self, forKey: .per)
        windowMonths = try container.decode(Int.self, forKey: .windowMonths)
        monthsAbove = try container.decode(Int.self, forKey: .monthsAbove)
        perChild = try container.decodeIfPresent(Bool.self, forKey: .perChild) ?? false
        openWeeks = try container.decodeIfPresent(Int.self, forKey: .openWeeks)
        maxMonths = try container.decodeIfPresent(Int.self, forKey: .maxMonths)
    }

    /// ...and written only when set, so a per-provider norm's JSON is what it always was.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eenheid, forKey: .eenheid)
        try container.encode(per, forKey: .per)
        try container.encode(windowMonths, forKey: .windowMonths)
        try container.encode(monthsAbove, forKey: .monthsAbove)
        if perChild { try container.encode(true, forKey: .perChild) }
        try container.encodeIfPresent(openWeeks, forKey: .openWeeks)
        try container.encodeIfPresent(maxMonths, forKey: .maxMonths)
    }

    /// Minutes and hours are compared in minutes, so a provider declaring in minutes is
    /// measured against an hourly norm; any other unit only against itself.
    public func scale(of lineEenheid: String) -> Int64? {
        let minutes: [String: Int64] = ["01": 1, "04": 60]
        if minutes[eenheid] != nil { return minutes[lineEenheid] }
        return lineEenheid == eenheid ? 1 : nil
    }

    /// The limit in the unit lines are measured in (minutes for time units).
    public func scaledLimit(_ limit: Int64) -> Int64 {
        limit * (scale(of: eenheid) ?? 1)
    }

    /// What the norm allows for one client in a month of which `days` were in care:
    /// the monthly limit, or the weekly limit times days / 7 (rounded down).
    public func allowed(limit: Int64, days: Int) -> Int64 {
        switch per {
        case .maand: return scaledLimit(limit)
        case .week: return scaledLimit(limit) * Int64(days) / 7
        }
    }

    /// Dutch name of the unit, for messages and pages.
    public var unitName: String {
        ["01": "minuten", "04": "uur", "14": "etmalen", "16": "dagdelen", "82": "stuks", "84": "stuks"][eenheid]
            ?? "eenheden \(eenheid)"
    }
}
