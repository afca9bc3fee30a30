import Foundation
import Testing

@testable import Runtime

/// Log lines carry `ts=` in RFC 3339 with the zone's offset, so lines from hosts in
/// different zones can be put side by side.
struct LogLineTimestampTests {
    // 2026-03-29 00:59:59.5 UTC: the last half second before Dutch summer time.
    let moment = Date(timeIntervalSince1970: 1_774_745_999.5)

    @Test func theOffsetIsWrittenOutAndNeverZ() throws {
        #expect(LogLineHandler.timestamp(moment, in: TimeZone(identifier: "UTC")!) == "2026-03-29T00:59:59.500+00:00")
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        #expect(LogLineHandler.timestamp(moment, in: amsterdam) == "2026-03-29T01:59:59.500+01:00")
        #expect(
            LogLineHandler.timestamp(moment.addingTimeInterval(1), in: amsterdam) == "2026-03-29T03:00:00.500+02:00")
        #expect(
            LogLineHandler.timestamp(moment, in: TimeZone(identifier: "America/St_Johns")!)
                == "2026-03-28T22:29:59.500-02:30")
    }

    @Test func whatTheTimestampSaysParsesBackToTheSameMoment() throws {
        let text = LogLineHandler.timestamp(moment, in: TimeZone(identifier: "Asia/Kolkata")!)
        let parsed = try Date(
            text,
            strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .colon))
        #expect(abs(parsed.timeIntervalSince(moment)) < 0.001, "\(text)")
    }
}
