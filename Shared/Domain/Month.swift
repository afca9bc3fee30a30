/// A calendar month (`2026-04`): the unit of a declaration period and of spend.
public struct Month: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        guard text.utf8.count == 7, let first = Day(iso: text + "-01") else { return nil }
        self = first.month
    }

    /// Months since year 0, for arithmetic.
    private var ordinal: Int { year * 12 + (month - 1) }

    private init(ordinal: Int) {
        self.init(uncheckedYear: ordinal / 12, month: ordinal % 12 + 1)
    }

    public func adding(months: Int) -> Month { Month(ordinal: ordinal + months) }
    public var next: Month { adding(months: 1) }
    public var previous: Month { adding(months: -1) }

    /// How many months from `self` to `other` (positive when `other` is later).
    public func months(until other: Month) -> Int { other.ordinal - ordinal }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: dayCount)! }
    public var dayCount: Int { Day.daysIn(year: year, month: month) }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        String(firstDay.iso.prefix(7))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
