/// Dutch digit grouping: a point between thousands, `10.000` and `€ 1.234,56`.
public enum DutchGrouping {
    /// `1234567` → `1.234.567`, `-5000` → `-5.000`.
    public static func text<Number: BinaryInteger>(_ value: Number) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + String(grouped.reversed())
    }
}
