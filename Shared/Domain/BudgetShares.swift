/// A regio's budget split over its gemeenten: explicit percentages, or "naar rato" of a
/// key such as the number of youth inhabitants (Holland Rijnland: "Inbreng vanuit de
/// gemeenten naar rato jeugdhulpbudget"). Shares are basis points (5500 = 55%) that add up
/// to 10000; amounts are split so they add up to the whole to the cent.
public enum BudgetShares {
    public static let whole = 10_000

    /// Basis points in proportion to `weights` (largest remainder, ties to the lower
    /// gemeente code); nil when a weight is negative or all are zero.
    public static func naarRato(_ weights: [String: Int64]) -> [String: Int]? {
        let total = weights.values.reduce(0, +)
        guard total > 0, !weights.values.contains(where: { $0 < 0 }) else { return nil }
        return largestRemainder(weights.mapValues { Int128($0) * Int128(whole) }, divisor: Int128(total))
            .mapValues { Int($0) }
    }

    /// Whether `shares` cover exactly `gemeenten` and add up to the whole.
    public static func isValid(_ shares: [String: Int], for gemeenten: [String]) -> Bool {
        Set(shares.keys) == Set(gemeenten) && shares.values.allSatisfy { $0 >= 0 }
            && shares.values.reduce(0, +) == whole
    }

    /// Each gemeente's part of `amount` (cents or clients), adding up to `amount` exactly.
    public static func split(_ amount: Int64, shares: [String: Int]) -> [String: Int64] {
        largestRemainder(shares.mapValues { Int128(amount) * Int128($0) }, divisor: Int128(whole))
            .mapValues { Int64($0) }
    }

    /// Floors of `numerators / divisor`, the remainder handed out one by one to the
    /// largest fractions so the parts add up to the rounded whole.
    static func largestRemainder(_ numerators: [String: Int128], divisor: Int128) -> [String: Int128] {
        var parts = numerators.mapValues { $0 / divisor }
        let target = numerators.values.reduce(0, +) / divisor
        var left = target - parts.values.reduce(0, +)
        let order = numerators.keys.sorted {
            let (a, b) = (numerators[$0]! % divisor, numerators[$1]! % divisor)
            return a != b ? a > b : $0 < $1
        }
        for key in order where left > 0 {
            parts[key]! += 1
            left -= 1
        }
        return parts
    }
}
