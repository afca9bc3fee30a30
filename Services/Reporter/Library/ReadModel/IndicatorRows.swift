import GRDB

// The rows `IndicatorQuery` reads from the indicator facts (`IndicatorFacts`). Months are
// `YYYY-MM`, days `YYYY-MM-DD`, money in cents.

/// The first and last day of an ended trajectory (`careEnd`).
struct Trajectory: Decodable, FetchableRecord {
    var begindatum: String
    var einddatum: String
}

/// A code (a reason, a kind of referrer) and how often it occurs.
struct CodeCount: Decodable, FetchableRecord {
    var code: String
    var n: Int64
}

/// Referrals per referrer type and, for the gemeente's own teams, per team.
struct ReferrerCount: Decodable, FetchableRecord {
    var code: String
    var team: String?
    var n: Int64
}
