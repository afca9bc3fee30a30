/// The four instruments (normerende maatregelen) a municipality can put on a provider.
public enum NormKind: String, Sendable, Codable, CaseIterable {
    /// Soft EUR cap: crossing it starts an analysis, never a referral stop.
    case signaalplafond
    /// Hard EUR cap: analysis, then possibly a referral stop imposed by a person.
    case bestedingsruimte
    /// Maximum number of new clients in the period.
    case instroomtarget
    /// Maximum care per client per week or month.
    case intensiteitsnorm

    /// Whether the limit is an amount of money (in cents).
    public var limitIsMoney: Bool {
        self == .signaalplafond || self == .bestedingsruimte
    }

    /// Whether the norm's value is projected to the end of its period (spend, or the
    /// count of new clients).
    public var hasForecast: Bool {
        limitIsMoney || self == .instroomtarget
    }

    /// Whether the rules allow a referral stop to follow an overrun.
    public var allowsStop: Bool {
        self == .bestedingsruimte || self == .instroomtarget
    }
}
