/// Dutch notation: `€ 1.234,56`, a point between thousands and a comma before cents.
extension Money {
    /// Prints `€ 1.234,56`, `€ -0,05`, `€ 0,00`.
    public var dutch: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "€ \(cents < 0 ? "-" : "")\(DutchGrouping.text(magnitude / 100)),\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Parses `€ 1.234,56`, `1.234,56`, `€ -12,00`, `-€ 12,00`, `12`, `12,5`; nil for
    /// anything else, including amounts that do not fit in Int64 cents.
    public init?(dutch text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if rest.hasPrefix("-") {
            negative = true
            rest = rest.dropFirst()
        }
        if rest.hasPrefix("€") {
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\u{00A0}" })
        }
        if rest.hasPrefix("-") {
            guard !negative else { return nil }
            negative = true
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        // Thousands points are optional but, when present, must group by three.
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        if groups.count > 1 {
            guard groups.first!.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard let euros = Int64(groups.joined()) else { return nil }
        var fractionCents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(fraction)
            else { return nil }
            fractionCents = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(fractionCents)
        guard !overflow2 else { return nil }
        self.init(cents: negative ? -total : total)
    }
}
