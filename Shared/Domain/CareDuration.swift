/// How long a client has been in care at a provider: Nijmegen normeert "intensiteit en/of
/// duur" — how much help one youth may receive, in hours and in length. The length counts
/// from the client's arrival (`CareArrivals`: the first time, or back after the gap), so a
/// short break within one episode does not restart it and a long one does.
extension CareArrivals {
    /// Months in care through `month`, counting the arrival's month and `month`; nil when
    /// the client has no care in `month`.
    public func monthsInCare(_ careMonths: Set<Month>, at month: Month) -> Int? {
        guard careMonths.contains(month),
            let arrival = arrivals(careMonths.filter { $0 <= month }).last
        else { return nil }
        return arrival.months(until: month) + 1
    }
}
