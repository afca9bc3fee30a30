/// A price correction, as a council compares costs of earlier years: the percentage prices
/// rose since then (tariff indexation, e.g. the OVA), in tenths of a percent so no
/// floating point touches money.
public struct PriceIndex: Sendable, Equatable, Codable {
    /// 32 = prices 3,2% higher now than in the compared period.
    public let riseTenths: Int64

    public init(riseTenths: Int64) {
        self.riseTenths = riseTenths
    }

    /// Parses "3,2", "3.2", "-0,5" or "4" (percent, at most one decimal).
    public init?(parsing text: String) {
        let normalized = String(text.map { $0 == "," ? "." : $0 })
        let parts = normalized.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole > -100, whole < 1000 else {
            return nil
        }
        var tenths = whole * 10
        if parts.count == 2 {
            guard parts[1].count == 1, let digit = Int64(parts[1]) else { return nil }
            tenths += parts[0].hasPrefix("-") ? -digit : digit
        }
        riseTenths = tenths
    }

    /// Cents of the compared period at today's prices, rounded half up.
    public func corrected(_ cents: Int64) -> Int64 {
        let scaled = Int128(cents) * Int128(1000 + riseTenths)
        return Int64((scaled + (scaled >= 0 ? 500 : -500)) / 1000)
    }
}
