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

    /// Parses exactly `YYYY-MM`. Read for every stored month a line touches, so by hand.
    public init?(_ text: String) {
        var text = text
        let parsed = text.withUTF8 { bytes -> (year: Int, month: Int)? in
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
            var year = 0
            var month = 0
            for index in [0, 1, 2, 3, 5, 6] {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                if index < 4 { year = year * 10 + digit } else { month = month * 10 + digit }
            }
            return (year, month)
        }
        guard let parsed else { return nil }
        self.init(year: parsed.year, month: parsed.month)
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

    /// `YYYY-MM`, written for every month a line binds or publishes, so by hand.
    public var description: String {
        guard (0...9999).contains(year) else { return String(firstDay.iso.prefix(7)) }
        return String(unsafeUninitializedCapacity: 7) { out in
            out[0] = UInt8(ascii: "0") + UInt8(year / 1000)
            out[1] = UInt8(ascii: "0") + UInt8(year / 100 % 10)
            out[2] = UInt8(ascii: "0") + UInt8(year / 10 % 10)
            out[3] = UInt8(ascii: "0") + UInt8(year % 10)
            out[4] = UInt8(ascii: "-")
            out[5] = UInt8(ascii: "0") + UInt8(month / 10)
            out[6] = UInt8(ascii: "0") + UInt8(month % 10)
            return 7
        }
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
