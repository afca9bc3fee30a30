/// "(opnieuw) in zorg genomen": when a client arrives at a provider, for an instroomtarget
/// and for the check of arrivals during a referral stop.
///
/// Nijmegen's instroomtarget counts the youths a provider may take "(opnieuw) in zorg"
/// within a period: a client arrives in a month of care that follows at least `gapMonths`
/// months without care there (or none ever), so the first time and again after a long
/// enough break. A break shorter than the gap is the same episode of care.
public struct CareArrivals: Sendable, Equatable {
    /// `instroom_gap_months`: months without care after which care is new again.
    public let gapMonths: Int

    public init(gapMonths: Int = 12) {
        self.gapMonths = max(1, gapMonths)
    }

    /// Whether care in `month` is an arrival, given the client's months of care.
    public func isArrival(_ month: Month, careMonths: Set<Month>) -> Bool {
        !(1...gapMonths).contains { careMonths.contains(month.adding(months: -$0)) }
    }

    /// The client's arrival months among its months of care, oldest first.
    public func arrivals(_ careMonths: Set<Month>) -> [Month] {
        careMonths.sorted().filter { isArrival($0, careMonths: careMonths) }
    }

    /// The month a client counts in for a target over `period`: its first arrival inside
    /// the period (nil: it does not arrive there). `careMonths` are its months in the
    /// target's scope and `window(for:)`; one arrival per client and period at most.
    public func countedArrival(in period: Period, careMonths: Set<Month>) -> Month? {
        arrivals(careMonths).first { period.contains($0) }
    }

    /// Whether care seen now in `month` makes the client new: no care known in the same
    /// month or within the gap on either side. The later side matters because
    /// declarations come late: March declared after April does not make an April client new.
    public func arrivesNow(_ month: Month, knownCare: Set<Month>) -> Bool {
        !(-gapMonths...gapMonths).contains { knownCare.contains(month.adding(months: $0)) }
    }

    /// The months whose care can decide arrivals in `period`: from `gapMonths` before it.
    public func window(for period: Period) -> ClosedRange<Month> {
        period.start.month.adding(months: -gapMonths)...period.end.month
    }
}
