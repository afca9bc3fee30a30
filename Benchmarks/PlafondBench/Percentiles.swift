import Foundation

/// Percentiles of a small set of measured durations (hundreds, not millions: sorting is
/// exact and cheaper to read than a histogram).
struct Percentiles {
    private let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var count: Int { sorted.count }

    /// The nearest-rank percentile: the smallest value with at least `p`% at or below it.
    func at(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// "p50 / p99 / max" in milliseconds, for the tables.
    var summary: String {
        String(format: "%.1f / %.1f / %.1f", at(50) * 1000, at(99) * 1000, at(100) * 1000)
    }
}
