import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// Referral stops: people impose and lift them; the rules advise; entries are watched.
@Suite struct StopTests {
    let base = MonitorCoreTests()
    let april = Month(year: 2026, month: 3)!

    func core(exempt: Set<String> = []) throws -> MonitorCore {
        try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) }, exemptReferrers: exempt,
            logger: Logger(label: "test"))
    }

    func started(_ seq: Int64, client: String, toewijzing: String = "1", day: String = "2026-04-01") throws
        -> LoggedEvent
    {
        let start = CareStarted(
            gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: toewijzing,
            productCategorie: "45", productCode: "45A03", begindatum: Day(iso: day)!, withdrawn: false)
        return LoggedEvent(seq: seq, kind: CareStarted.kind.rawValue, body: try start.encoded())
    }

    func referred(_ seq: Int64, client: String, type: String) throws -> LoggedEvent {
        let referral = ReferralRequested(
            gemeente: "0268", aanbieder: "12345678", client: client, referentieAanbieder: "R-\(client)",
            productCategorie: "45", productCode: "45A03", toewijzingIngangsdatum: Day(iso: "2026-03-01")!,
            verwijzerType: type)
        return LoggedEvent(seq: seq, kind: ReferralRequested.kind.rawValue, body: try referral.encoded())
    }

    func kinds(_ core: MonitorCore) throws -> [String] { try base.outbox(core).map(\.kind) }

    @Test func onlyAPersonImposesAStopAndOnlyWhereTheInstrumentAllowsOne() throws {
        let core = try core()
        _ = try base.addNorm(core)
        _ = try core.addNorm(
            NormAddRequest(
                name: "Signaal", kind: .signaalplafond, gemeenten: ["0268"], aanbieder: "12345678", period: "2026",
                limit: 1_000))
        #expect(throws: MonitorError.self) { try core.imposeStop(StopImposeRequest(normID: 2, by: "J", reason: "x")) }
        #expect(throws: MonitorError.self) { try core.imposeStop(StopImposeRequest(normID: 1, by: "", reason: "x")) }
        let imposed = try core.imposeStop(
            StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek 3 maart"))
        #expect(imposed.aanbieder == "12345678")
        #expect(throws: MonitorError.self) { try core.imposeStop(StopImposeRequest(normID: 1, by: "J", reason: "x")) }
        let lifted = try core.liftStop(StopLiftRequest(normID: 1, by: "J. de Vries", reason: "plan van aanpak werkt"))
        #expect(lifted.stopID == imposed.stopID)
        #expect(try kinds(core).filter { $0.hasPrefix("stop.") } == ["stop.imposed", "stop.lifted"])
    }

    @Test func newClientsDuringAStopAreFlaggedUnlessExempt() throws {
        let core = try core(exempt: ["04"])
        _ = try base.addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try started(1, client: "p-known")])  // in care before the stop
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "overschrijding dreigt"))
        try sink.apply([
            try started(2, client: "p-known", toewijzing: "2"),  // not new: no flag
            try started(3, client: "p-new"),  // new, not exempt: flagged
            try started(4, client: "p-new", toewijzing: "3"),  // flagged once per stop
        ])
        try core.exempt(ExemptRequest(toewijzingNummer: "77", reason: .cpv, by: "CPV"))
        try sink.apply([
            try started(5, client: "p-cpv", toewijzing: "77"),  // exempt allocation
            // exempt referrer
            try referred(6, client: "p-gi", type: "04"), try started(7, client: "p-gi", toewijzing: "78"),
            // huisarts: flagged
            try referred(8, client: "p-ha", type: "02"), try started(9, client: "p-ha", toewijzing: "79"),
        ])
        let flagged = try base.outbox(core).filter { $0.kind == "inflow.during.stop" }.map {
            try InflowDuringStop.decoded(from: $0.body)
        }
        #expect(flagged.map(\.client) == ["p-new", "p-ha"])
        #expect(flagged.last?.verwijzerType == "02")
    }

    @Test func theRulesAdviseImposingOnceAndLiftingWhenTheOverrunIsGone() throws {
        let core = try core()
        _ = try base.addNorm(core)  // bestedingsruimte 100,000
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try base.event(1, accepted: base.line(1, cents: 110_000))])
        try sink.apply([try base.event(2, accepted: base.line(2, cents: 1_000))])
        let advised = try base.outbox(core).filter { $0.kind == "stop.advised" }.map {
            try StopAdvised.decoded(from: $0.body)
        }
        #expect(advised.map(\.advice) == [.impose])
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J", reason: "advies gevolgd"))
        try sink.apply([try base.event(3, credited: base.line(1, cents: 110_000))])
        let all = try base.outbox(core).filter { $0.kind == "stop.advised" }.map {
            try StopAdvised.decoded(from: $0.body).advice
        }
        #expect(all == [.impose, .lift])
    }
}
