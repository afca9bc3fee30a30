import Domain

/// A second forecast beside the run-rate: price × quantity from the allocations.
///
/// Holland Rijnland's practice: "Het product wordt prognostisch berekend op basis van
/// verblijfsdagen, trajectdagen, behandeldagen etc. … rekening houdend met gemiddelde
/// doorlooptijden en vermoedelijke uitstroom." The declared spend up to the run-rate's last
/// complete month stays as it is; every later day of the period adds, for each allocation
/// in force that day, its allocated volume at its tariff: clients in care × their volume ×
/// tariff, minus the outflow the allocations' end dates predict. All in integer cents.
///
/// Where the two forecasts differ, the inputs say why: the run-rate follows what was
/// declared (care delivered below the allocation), PxQ follows what was allocated
/// (allocations ending, clients starting later).
public struct PxQForecast: Sendable, Equatable, Codable {
    public var method = "pxq"
    /// The first month projected (after the run-rate's last complete month).
    public var fromMonth: String
    /// Declared through the month before `fromMonth`.
    public var declared: Int64
    /// Clients with an allocation in force on the first projected day.
    public var clientsInCare: Int
    /// Those allocations for one whole month at their tariff.
    public var allocatedPerMonth: Int64
    /// The projected months had every allocation in force then run to the period's end.
    public var gross: Int64
    /// Allocations that end before the period does, and what their ends take off `gross`.
    public var endingAllocations: Int
    public var expectedOutflow: Int64
    /// Allocations in scope without a known tariff or length: not in the projection.
    public var withoutTariff: Int
    /// declared + gross − expectedOutflow.
    public var projectedTotal: Int64

    /// One allocation as the projection needs it: when it runs and what it costs.
    public struct Allocation: Sendable, Equatable {
        public enum Rate: Sendable, Equatable {
            /// Cents per day, per week or per month of care (volume × tariff).
            case perDay(Int64)
            case perWeek(Int64)
            case perMonth(Int64)
            /// A total (volume × tariff, or a budget) over the allocation's whole run.
            case total(Int64)
        }

        public var client: String
        public var start: Day
        public var end: Day?
        /// nil when no tariff is known for its product and unit.
        public var rate: Rate?

        public init(client: String, start: Day, end: Day?, rate: Rate?) {
            self.client = client
            self.start = start
            self.end = end
            self.rate = rate
        }
    }

    /// Nil without a month to project from (no complete month yet, or none left).
    public static func make(
        byMonth: [Month: Int64], period: Period, throughMonth lastComplete: Month, allocations: [Allocation]
    ) -> PxQForecast? {
        let first = lastComplete.next
        guard first <= period.end.month else { return nil }
        let firstDay = first.firstDay
        let declared = byMonth.filter { $0.key <= lastComplete }.values.reduce(0, +)
        var counted: [Allocation] = []
        var withoutTariff = 0
        for allocation in allocations where allocation.start <= period.end && (allocation.end ?? period.end) >= firstDay
        {
            // A total without an end has no length to spread it over.
            if allocation.rate == nil || (allocation.end == nil && allocation.rate.map(isTotal) == true) {
                withoutTariff += 1
            } else {
                counted.append(allocation)
            }
        }
        var gross: Int64 = 0
        var net: Int64 = 0
        var ending = 0
        for allocation in counted {
            let from = max(allocation.start, firstDay)
            let end = min(allocation.end ?? period.end, period.end)
            net += cost(allocation, from: from, through: end)
            gross += cost(allocation, from: from, through: period.end)
            if let own = allocation.end, own < period.end { ending += 1 }
        }
        let inForce = counted.filter { $0.start <= firstDay }
        let perMonth = inForce.reduce(Int64(0)) { $0 + cost($1, from: firstDay, through: first.lastDay) }
        return PxQForecast(
            fromMonth: first.description, declared: declared, clientsInCare: Set(inForce.map(\.client)).count,
            allocatedPerMonth: perMonth, gross: gross, endingAllocations: ending, expectedOutflow: gross - net,
            withoutTariff: withoutTariff, projectedTotal: declared + net)
    }

    private static func isTotal(_ rate: Allocation.Rate) -> Bool {
        if case .total = rate { return true }
        return false
    }

    /// The allocation's cost for the days `from` through `through`, month by month (a
    /// monthly rate is split by the days of each month), rounded down to the cent.
    public static func cost(_ allocation: Allocation, from: Day, through: Day) -> Int64 {
        guard from <= through, let rate = allocation.rate else { return 0 }
        switch rate {
        case .perDay(let cents):
            return cents * Int64(days(from, through))
        case .perWeek(let cents):
            return cents * Int64(days(from, through)) / 7
        case .total(let cents):
            guard let end = allocation.end else { return 0 }
            let length = Int64(days(allocation.start, end))
            return cents * Int64(days(from, through)) / length
        case .perMonth(let cents):
            var total: Int64 = 0
            var month = from.month
            while month <= through.month {
                let first = max(month.firstDay, from)
                let last = min(month.lastDay, through)
                total += cents * Int64(days(first, last)) / Int64(days(month.firstDay, month.lastDay))
                month = month.next
            }
            return total
        }
    }

    static func days(_ from: Day, _ through: Day) -> Int { through.daysSince1970 - from.daysSince1970 + 1 }
}
