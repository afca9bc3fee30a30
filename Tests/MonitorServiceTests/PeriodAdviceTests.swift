import Contracts
import Domain
import Foundation
import Logging
import Messaging
import Testing

@testable import MonitorService

/// A signaalplafond exceeded by more than 10% in a period that has ended advises a
/// bestedingsruimte for the next period, once.
@Suite struct PeriodAdviceTests {
    let base = MonitorCoreTests()
    /// 2027-02-01: the year 2026 has ended; its declarations still arrive.
    let february2027 = Date(timeIntervalSince1970: 1_801_440_000)

    func core(_ database: MonitorDatabase, at date: Date) throws -> MonitorCore {
        try MonitorCore(database: database, clock: { date }, logger: Logger(label: "test"))
    }

    func advised(_ core: MonitorCore) throws -> [BestedingsruimteAdvised] {
        try base.outbox(core).filter { $0.kind == BestedingsruimteAdvised.kind.rawValue }.map {
            try BestedingsruimteAdvised.decoded(from: $0.body)
        }
    }

    func signaalplafond(_ core: MonitorCore, period: String) throws {
        _ = try core.addNorm(
            NormAddRequest(
                name: "Orthopedagogische behandeling", kind: .signaalplafond, gemeenten: ["0268"],
                aanbieder: "12345678", productCategorieen: ["45"], period: period, limit: 100_000))
    }

    @Test func moreThanTheMarginAboveAnEndedSignaalplafondAdvisesABestedingsruimteOnce() throws {
        let monitor = try core(try .inMemory(), at: february2027)
        try signaalplafond(monitor, period: "2026")
        let sink = monitor.intakeSink(afterCommit: {})
        // 110% is not more than 10% above: no advice yet.
        try sink.apply([try base.event(1, accepted: base.line(1, cents: 110_000))])
        #expect(try advised(monitor).isEmpty)
        // A late declaration for 2026 brings it to 110.01%.
        try sink.apply([try base.event(2, accepted: base.line(2, cents: 10))])
        let advice = try advised(monitor)
        #expect(advice.map(\.value) == [110_010])
        #expect(advice.first?.basisPoints == 11_001)
        #expect(advice.first?.period == "2026")
        try sink.apply([try base.event(3, accepted: base.line(3, cents: 50_000))])
        #expect(try advised(monitor).count == 1)
    }

    @Test func aPeriodStillRunningGivesNoAdviceTheSweepAtStartGivesItWhenItEnded() throws {
        let database = try MonitorDatabase.inMemory()
        let november = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30
        let running = try core(database, at: november)
        try signaalplafond(running, period: "2026")
        try running.intakeSink(afterCommit: {}).apply([try base.event(1, accepted: base.line(1, cents: 150_000))])
        #expect(try advised(running).isEmpty)
        // Monitor restarts after new year without any new line: the sweep gives the advice.
        let restarted = try core(database, at: february2027)
        #expect(try advised(restarted).map(\.value) == [150_000])
        _ = try core(database, at: february2027)
        #expect(try advised(restarted).count == 1)
    }
}
