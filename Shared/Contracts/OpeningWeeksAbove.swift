import Domain
import Foundation

/// `opening.weeks.above`: a client had care at a provider (or, under a per-child norm, at
/// all providers together) in more ISO weeks of a year than an intensiteitsnorm's
/// `openWeeks` (Nijmegen: "Daarom normeren we de openstelling tot maximaal 47 weken per
/// jaar"). Published once per norm, client and year, when the count first passes it: a
/// signal for the conversation, never a verdict (`OpeningWeeks` says why).
public struct OpeningWeeksAbove: EventBody {
    public static let kind = EventKind.openingWeeksAbove
    public var v: Int = 1
    public var normID: Int64
    /// Empty under a per-child norm.
    public var aanbieder: String
    /// The keyed pseudonym; never the BSN.
    public var client: String
    /// The ISO year (the year of the weeks' Thursdays).
    public var year: Int
    public var weeks: Int
    public var limit: Int
    public var at: Date

    public init(normID: Int64, aanbieder: String, client: String, year: Int, weeks: Int, limit: Int, at: Date) {
        self.normID = normID
        self.aanbieder = aanbieder
        self.client = client
        self.year = year
        self.weeks = weeks
        self.limit = limit
        self.at = at
    }
}
