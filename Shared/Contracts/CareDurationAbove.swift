import Domain
import Foundation

/// `care.duration.above`: a client has been in care at a provider for longer than an
/// intensiteitsnorm's `maxMonths`, counted from the arrival there (the first time, or back
/// after the gap): Nijmegen's "Normering maximale intensiteit en/of duur". Published once
/// per norm, client and arrival; a signal for the analysegesprek, never a verdict.
public struct CareDurationAbove: EventBody {
    public static let kind = EventKind.careDurationAbove
    public var v: Int = 1
    public var normID: Int64
    public var aanbieder: String
    /// The keyed pseudonym; never the BSN.
    public var client: String
    /// The month the client arrived at the provider.
    public var arrival: Month
    /// Months in care through the month that passed the norm, both counted.
    public var months: Int
    public var limit: Int
    public var at: Date

    public init(
        normID: Int64, aanbieder: String, client: String, arrival: Month, months: Int, limit: Int, at: Date
    ) {
        self.normID = normID
        self.aanbieder = aanbieder
        self.client = client
        self.arrival = arrival
        self.months = months
        self.limit = limit
        self.at = at
    }
}
