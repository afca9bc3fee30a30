import Foundation

/// A calendar date without a time or zone, as iJw dates are (`2026-04-30`).
///
/// Arithmetic is pure integer arithmetic on days since 1970-01-01 (the civil-from-days
/// algorithm), so it needs no Calendar and behaves the same on every machine.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1…12; `month` gives the calendar month as a `Month`.
    public let monthNumber: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.monthNumber = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(daysSince1970 days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        monthNumber = m
        day = d
    }

    public var daysSince1970: Int {
        let month = monthNumber
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(date: Date, timeZone: TimeZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        self.init(daysSince1970: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    public static let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600)!

    /// Today in the Netherlands (or another zone), for "not in the future" checks.
    public static func today(in timeZone: TimeZone = Day.amsterdam, now: Date = Date()) -> Day {
        Day(date: now, timeZone: timeZone)
    }

    /// `YYYY-MM-DD`, written as ten digits and dashes: intake writes several per line it
    /// stores, and joining small strings was a visible part of its time.
    public var iso: String {
        // Days counted from 1970 can fall outside the years `init?(year:month:day:)` allows.
        guard (0...9999).contains(year) else {
            return "\(year)-" + (monthNumber < 10 ? "0" : "") + "\(monthNumber)-" + (day < 10 ? "0" : "") + "\(day)"
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { out in
            func digits(_ value: Int, _ count: Int, at offset: Int) {
                var rest = value
                for index in stride(from: offset + count - 1, through: offset, by: -1) {
                    out[index] = UInt8(48 + rest % 10)
                    rest /= 10
                }
            }
            digits(year, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            digits(monthNumber, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return String(decoding: out, as: UTF8.self)
        }
    }

    public var description: String { iso }

    public var month: Month { Month(uncheckedYear: year, month: monthNumber) }

    public func adding(days: Int) -> Day { Day(daysSince1970: daysSince1970 + days) }

    /// 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
    public var weekday: Int { ((daysSince1970 % 7 + 7 + 3) % 7) + 1 }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.monthNumber, lhs.day) < (rhs.year, rhs.monthNumber, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
