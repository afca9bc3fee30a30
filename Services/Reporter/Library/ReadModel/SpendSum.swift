import GRDB

/// One group of a `SUM(cents)` over spend cells: the grouping column's value as `key`,
/// the sum as `amount` (cents).
struct SpendSum: Decodable, FetchableRecord, Sendable {
    var key: String
    var amount: Int64
}
