import Contracts
import Domain
import Foundation
import Testing

/// The hand-written body of `intensity.assessed` must be byte for byte what JSONEncoder
/// writes, for any verdict, date and text (texts that need escaping go to JSONEncoder), and
/// read back as the same event (to the second: the date format has no fraction).
struct IntensityAssessedJSONTests {
    @Test func handWrittenBodyIsJSONEncodersBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var random = SplitMix(seed: 0x1A7E)
        let texts = ["12345678", "p-3-4417", "", "x\"y", "back\\slash", "ëlf", "a/b"]
        // Whole and fractional seconds, month and leap-day edges, the epoch, a late year.
        let dates = [
            0, 951_782_400, 1_709_164_799.999, 1_780_000_000, 1_780_000_000.5, 4_102_444_799, 253_402_300_799,
        ].map(Date.init(timeIntervalSince1970:))
        for i in 0..<2_000 {
            func pick() -> String { texts[Int(random.next() % UInt64(texts.count))] }
            let at =
                i < dates.count
                ? dates[i] : Date(timeIntervalSince1970: Double(random.next() % 4_000_000_000) + 0.25 * Double(i % 4))
            let event = IntensityAssessed(
                normID: Int64(random.next() % 100_000), aanbieder: pick(), client: pick(),
                month: Month(year: 2024 + i % 4, month: 1 + i % 12)!, used: Int64(random.next() % 100_000) - 500,
                verdict: IntensityVerdict(
                    allowed: Int64(random.next() % 5_000), above: Int64(random.next() % 5_000),
                    amountAboveCents: Int64(random.next() % 10_000_000), structural: random.next() % 2 == 0,
                    // A CPV approval's covered units in every third verdict, absent otherwise.
                    approved: i % 3 == 0 ? Int64(random.next() % 2_000) : nil),
                at: at)
            let expected = try encoder.encode(event)
            let written = try event.encoded()
            #expect(written == expected, "event \(i): \(String(decoding: written, as: UTF8.self))")
            let read = try decoder.decode(IntensityAssessed.self, from: written)
            #expect(read.verdict == event.verdict && read.client == event.client && read.month == event.month)
            #expect(read.at == Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down)), "event \(i)")
        }
    }
}
