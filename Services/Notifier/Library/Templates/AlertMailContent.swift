/// What an alert e-mail says, before it is put into words by the Dutch templates.
public struct AlertMailContent: Sendable, Equatable {
    public var alertID: String
    public var normName: String
    /// "signaalplafond", "bestedingsruimte", "instroomtarget" or "intensiteitsnorm".
    public var instrument: String
    public var providerName: String?
    public var providerAGB: String?
    /// Gemeente code(s) or the regio's name.
    public var gemeente: String
    public var categorie: String?
    public var thresholdPercent: Int
    public var spentCents: Int64
    public var limitCents: Int64
    public var percentageBasisPoints: Int64
    public var forecastCents: Int64?
    /// YYYY-MM-DD
    public var forecastCrossingDate: String?
    public var state: AlertMailState
    public var dashboardURL: String
    /// "actual" or "forecast".
    public var kind: String
    /// Whether `gemeente` names a regio (the mail then says "Regio", not "Gemeente").
    public var areaIsRegio: Bool = false
    /// The unit of an intensiteitsnorm's limit, e.g. "uur per cliënt per week".
    public var intensityUnit: String?

    public init(
        alertID: String, normName: String, instrument: String, providerName: String?, providerAGB: String?,
        gemeente: String, categorie: String?, thresholdPercent: Int, spentCents: Int64, limitCents: Int64,
        percentageBasisPoints: Int64, forecastCents: Int64?, forecastCrossingDate: String?, state: AlertMailState,
        dashboardURL: String, kind: String, areaIsRegio: Bool = false, intensityUnit: String? = nil
    ) {
        self.areaIsRegio = areaIsRegio
        self.intensityUnit = intensityUnit
        self.alertID = alertID
        self.normName = normName
        self.instrument = instrument
        self.providerName = providerName
        self.providerAGB = providerAGB
        self.gemeente = gemeente
        self.categorie = categorie
        self.thresholdPercent = thresholdPercent
        self.spentCents = spentCents
        self.limitCents = limitCents
        self.percentageBasisPoints = percentageBasisPoints
        self.forecastCents = forecastCents
        self.forecastCrossingDate = forecastCrossingDate
        self.state = state
        self.dashboardURL = dashboardURL
        self.kind = kind
    }
}

public enum AlertMailState: String, Sendable, Equatable {
    case firing, resolved, escalated, repeated
}

public enum AlertMailError: Error {
    case nothingToSay
}
