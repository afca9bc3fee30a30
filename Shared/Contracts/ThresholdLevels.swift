/// Pure arithmetic on how far a value has come towards a limit, in integers only.
///
/// Products are taken in `Int128` so no realistic or unrealistic amount can overflow.
public enum ThresholdLevels {
    /// Basis points of the limit used (7000 = 70.00%), rounded down; 0 for a zero limit.
    public static func basisPoints(value: Int64, limit: Int64) -> Int64 {
        guard limit > 0 else { return 0 }
        return Int64(clamping: Int128(value) * 10_000 / Int128(limit))
    }

    /// The thresholds (percent) that `value` has reached: value × 100 ≥ limit × t.
    public static func reached(value: Int64, limit: Int64, thresholds: [Int]) -> Set<Int> {
        guard limit > 0 else { return [] }
        return Set(thresholds.filter { Int128(value) * 100 >= Int128(limit) * Int128($0) })
    }
}
