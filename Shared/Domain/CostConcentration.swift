/// How concentrated the costs are: the share of all costs that goes to the costliest 1%,
/// 5% or 10% of clients. Culemborg's analysis found "slechts 12 jeugdigen verantwoordelijk
/// … voor bijna een kwart van het jeugdhulp budget"; this is that figure, for any area.
public enum CostConcentration {
    public struct Group: Sendable, Equatable {
        /// The top percentage of clients, e.g. 5.
        public var percent: Int
        /// Clients in the group: the percentage of all clients, rounded up, at least one.
        public var clients: Int
        /// Their costs as a share of all costs, in tenths of a percent (234 = 23,4%).
        public var shareTenths: Int64

        public init(percent: Int, clients: Int, shareTenths: Int64) {
            self.percent = percent
            self.clients = clients
            self.shareTenths = shareTenths
        }
    }

    /// The groups for `percents` from each client's total costs (cents; credits already
    /// netted). Clients without positive costs do not count; nil when no one has costs.
    public static func groups(costs: [Int64], percents: [Int] = [1, 5, 10]) -> [Group]? {
        let positive = costs.filter { $0 > 0 }.sorted(by: >)
        let total = positive.reduce(0, +)
        guard total > 0 else { return nil }
        return percents.map { percent in
            let size = max(1, (positive.count * percent + 99) / 100)
            let top = positive.prefix(size).reduce(0, +)
            return Group(
                percent: percent, clients: size, shareTenths: Int64((Int128(top) * 1000 / Int128(total))))
        }
    }
}
