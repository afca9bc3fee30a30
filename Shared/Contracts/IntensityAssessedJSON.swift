import Domain
import Foundation

/// The JSON body of `intensity.assessed`, written by hand.
///
/// Monitor writes one for every change in what an intensiteitsnorm says about a client's
/// month, and at month-end that is a large share of its lines: Foundation's JSONEncoder
/// was the largest item of monitor's own work in the profile (docs/BENCHMARKS.md). The
/// bytes are exactly JSONEncoder's (sorted keys, ISO 8601 date), which
/// `IntensityAssessedJSONTests` checks over random bodies; a text that would need
/// escaping, or a date before 1970 or after 9999, is left to JSONEncoder.
enum IntensityAssessedJSON {
    static func encode(_ event: IntensityAssessed) throws -> Data {
        if let bytes = write(event) { return Data(bytes) }
        return try EventCoding.encoder.encode(event)
    }

    static func write(_ event: IntensityAssessed) -> [UInt8]? {
        guard plain(event.aanbieder), plain(event.client), let at = iso8601(event.at) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"aanbieder":""#.utf8)
        out.append(contentsOf: event.aanbieder.utf8)
        out.append(contentsOf: #"","at":""#.utf8)
        out.append(contentsOf: at)
        out.append(contentsOf: #"","client":""#.utf8)
        out.append(contentsOf: event.client.utf8)
        out.append(contentsOf: #"","month":""#.utf8)
        out.append(contentsOf: event.month.description.utf8)
        out.append(contentsOf: #"","normID":"#.utf8)
        out.append(contentsOf: String(event.normID).utf8)
        out.append(contentsOf: #","used":"#.utf8)
        out.append(contentsOf: String(event.used).utf8)
        out.append(contentsOf: #","v":"#.utf8)
        out.append(contentsOf: String(event.v).utf8)
        out.append(contentsOf: #","verdict":{"above":"#.utf8)
        out.append(contentsOf: String(event.verdict.above).utf8)
        out.append(contentsOf: #","allowed":"#.utf8)
        out.append(contentsOf: String(event.verdict.allowed).utf8)
        out.append(contentsOf: #","amountAboveCents":"#.utf8)
        out.append(contentsOf: String(event.verdict.amountAboveCents).utf8)
        if let approved = event.verdict.approved {
            out.append(contentsOf: #","approved":"#.utf8)
            out.append(contentsOf: String(approved).utf8)
        }
        out.append(contentsOf: #","structural":"#.utf8)
        out.append(contentsOf: (event.verdict.structural ? "true" : "false").utf8)
        out.append(contentsOf: "}}".utf8)
        return out
    }

    /// Printable ASCII without a quote or backslash: written as is by JSONEncoder.
    private static func plain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// `2026-12-04T03:07:33Z`: whole seconds in UTC, as JSONEncoder's `.iso8601` writes a
    /// date (the fraction is dropped). Nil outside the years 1970–9999.
    static func iso8601(_ date: Date) -> [UInt8]? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let total = Int64(seconds)
        let days = total / 86_400
        let second = total % 86_400
        let (year, month, day) = civil(daysSince1970: days)
        var out: [UInt8] = []
        out.reserveCapacity(20)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(UInt8(ascii: "-"))
        digits(month, 2)
        out.append(UInt8(ascii: "-"))
        digits(day, 2)
        out.append(UInt8(ascii: "T"))
        digits(second / 3_600, 2)
        out.append(UInt8(ascii: ":"))
        digits(second % 3_600 / 60, 2)
        out.append(UInt8(ascii: ":"))
        digits(second % 60, 2)
        out.append(UInt8(ascii: "Z"))
        return out
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    private static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
