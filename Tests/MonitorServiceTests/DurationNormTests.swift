import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import MonitorService

/// The duration norm as a signal: a client in care at a provider for longer than the
/// norm's months, counted from the arrival by the gap rule, is signalled once.
@Suite struct DurationNormTests {
    let intensity = IntensiteitsnormTests()

    func addNorm(_ core: MonitorCore) throws -> NormStatus {
        try core.addNorm(
            NormAddRequest(
                name: "VDB 18 uur per week, ten hoogste 6 maanden", kind: .intensiteitsnorm, gemeenten: ["0268"],
                aanbieder: nil, productCategorieen: ["45"], period: "2026", limit: 18,
                intensity: IntensityMeasure(maxMonths: 6)))
    }

    /// p-1: January–August 2026; p-2: December 2025 (before the norm's period) to June 2026;
    /// 10 hours a month each, far below 18 a week. In the order they are sent: p-1 through
    /// June and p-2 through May, then p-1's July and August, then p-2's June.
    func care() throws -> [LoggedEvent] {
        let p1 = (1...8).map { ("p-1", Month(year: 2026, month: $0)!) }
        let p2 = [("p-2", Month(year: 2025, month: 12)!)] + (1...6).map { ("p-2", Month(year: 2026, month: $0)!) }
        let months = p1.prefix(6) + p2.prefix(6) + p1.suffix(2) + p2.suffix(1)
        return try months.enumerated().map { index, care in
            let seq = Int64(index + 1)
            return try intensity.base.event(
                seq, accepted: intensity.line(seq, client: care.0, month: care.1, hours: 10))
        }
    }

    func signals(_ core: MonitorCore) throws -> [String] {
        try intensity.base.outbox(core).filter { $0.kind == CareDurationAbove.kind.rawValue }.map {
            let e = try CareDurationAbove.decoded(from: $0.body)
            return "\(e.client) sinds \(e.arrival): \(e.months) > \(e.limit)"
        }
    }

    @Test func theSeventhMonthInCareSignalsOncePerArrival() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        let events = try care()
        // p-1 through June: 6 months, at the norm; p-2 through May: December–May, 6 months.
        try sink.apply(Array(events.prefix(12)))
        #expect(try signals(core).isEmpty)
        // July is p-1's seventh month, June p-2's (counted from December 2025); August adds
        // nothing.
        try sink.apply(Array(events[12..<14]))
        try sink.apply([events[14]])
        #expect(try signals(core) == ["p-1 sinds 2026-01: 7 > 6", "p-2 sinds 2025-12: 7 > 6"])
        #expect(try core.normStatuses()[0].value == 0)
    }

    @Test func aNormAddedLaterSignalsTheSameClientsOnceAndAChangeNoMore() throws {
        let core = try MonitorCoreTests().makeCore()
        try core.intakeSink(afterCommit: {}).apply(try care())
        _ = try addNorm(core)
        #expect(Set(try signals(core)) == ["p-1 sinds 2026-01: 7 > 6", "p-2 sinds 2025-12: 7 > 6"])
        _ = try core.changeNorm(NormChangeRequest(id: 1, limit: 20))
        #expect(try signals(core).count == 2)
    }
}
