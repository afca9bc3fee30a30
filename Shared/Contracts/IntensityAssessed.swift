import Domain
import Foundation

/// `intensity.assessed`: a client's month of care at a provider was judged (again)
/// against an intensiteitsnorm and the verdict changed: above the norm, by how much and at
/// what cost, and whether the excess is structural. Published when a month comes above
/// the norm, when its excess changes and when it falls back (then `above` is 0).
public struct IntensityAssessed: EventBody {
    public static let kind = EventKind.intensityAssessed
    public var v: Int = 1
    public var normID: Int64
    public var aanbieder: String
    /// The keyed pseudonym; never the BSN.
    public var client: String
    public var month: Month
    /// In the measure's unit (minutes for a norm in hours or minutes).
    public var used: Int64
    public var verdict: IntensityVerdict
    public var at: Date

    public init(
        normID: Int64, aanbieder: String, client: String, month: Month, used: Int64, verdict: IntensityVerdict,
        at: Date
    ) {
        self.normID = normID
        self.aanbieder = aanbieder
        self.client = client
        self.month = month
        self.used = used
        self.verdict = verdict
        self.at = at
    }

    /// JSONEncoder's bytes, written faster: one per changed verdict (see IntensityAssessedJSON).
    public func encoded() throws -> Data { try IntensityAssessedJSON.encode(self) }
}

/// A client's month above an intensiteitsnorm, as `plafond norm show` lists it.
public struct IntensityMonthStatus: Sendable, Equatable, Codable {
    public var aanbieder: String
    public var client: String
    public var month: Month
    public var used: Int64
    public var verdict: IntensityVerdict

    public init(aanbieder: String, client: String, month: Month, used: Int64, verdict: IntensityVerdict) {
        self.aanbieder = aanbieder
        self.client = client
        self.month = month
        self.used = used
        self.verdict = verdict
    }
}
