import Contracts
import Domain
import Foundation
import Logging
import Messaging
import PropertyBased
import Storage
import Testing

@testable import MonitorService

/// Monitor applies a consumer batch at once (issue 21): lines judged against the norms'
/// state in memory, cells and values written when the batch ends. Whatever the batches,
/// the outcome must be the one of applying the same log line by line: the same events
/// in the outbox (alerts fired on the line that crossed and with its value, resolved by
/// a later line of the same batch, advice, intensity verdicts, inflow during a stop) and
/// the same figures.
@Suite struct BatchEquivalenceTests {
    static let providers = ["12345678", "87654321"]
    static let clock = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    static func makeCore() throws -> MonitorCore {
        try MonitorCore(database: .inMemory(), clock: { clock }, logger: Logger(label: "batch"))
    }

    /// Every kind of norm a line can move, and a stop in force so new clients are checked.
    static func prepare(_ core: MonitorCore) throws {
        _ = try core.importNorms(
            NormImportRequest(norms: [
                NormAddRequest(
                    name: "Ruimte", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: providers[0],
                    productCategorieen: ["45"], period: "2026", limit: 60_000),
                NormAddRequest(
                    name: "Signaal Q1", kind: .signaalplafond, gemeenten: ["0268"], aanbieder: nil, period: "2026-Q1",
                    limit: 40_000),
                NormAddRequest(
                    name: "Instroom", kind: .instroomtarget, gemeenten: ["0268"], aanbieder: providers[0],
                    period: "2026", limit: 3),
                NormAddRequest(
                    name: "Instroom regio", kind: .instroomtarget, gemeenten: ["0268", "0209"], aanbieder: nil,
                    period: "2026", limit: 4),
                NormAddRequest(
                    name: "Intensiteit", kind: .intensiteitsnorm, gemeenten: ["0268"], aanbieder: nil,
                    productCategorieen: ["45"], period: "2026", limit: 18),
            ]))
        _ = try core.imposeStop(StopImposeRequest(normID: 3, by: "wethouder", reason: "instroom te hoog"))
    }

    /// A log from generated integers: lines, credits of earlier lines, starts of care.
    static func log(_ steps: [Int]) throws -> [LoggedEvent] {
        var events: [LoggedEvent] = []
        var debits: [DeclaredLine] = []
        var credited: Set<Int64> = []
        func append(_ kind: EventKind, _ body: Data) {
            events.append(LoggedEvent(seq: Int64(events.count + 1), kind: kind.rawValue, body: body))
        }
        for value in steps {
            switch value % 8 {
            case 0...4:
                let month = Month(year: 2026, month: 1 + value / 8 % 5)!
                let hours = Int64(10 + value / 40 % 90)
                let line = DeclaredLine(
                    lineID: Int64(debits.count + 1), aanbieder: providers[value / 200 % 2],
                    gemeente: value / 400 % 3 == 0 ? "0209" : "0268", client: "p-\(value / 1_200 % 6)",
                    referentieNummer: "R\(debits.count + 1)", vorigReferentieNummer: nil,
                    toewijzingNummer: "T\(value % 5)", productCategorie: value / 7_200 % 4 == 0 ? "54" : "45",
                    // Some lines cover the next month too (a month of care without its volume).
                    productCode: nil, periodStart: month.firstDay,
                    periodEnd: value % 11 == 0 ? month.next.lastDay : month.lastDay, volume: hours,
                    eenheid: "04", tariffCents: 100, amountCents: hours * 100 + Int64(value % 3_000),
                    declaratieNummer: "D", receivedOn: month.next.firstDay)
                debits.append(line)
                append(.lineAccepted, try LineAccepted(line: line).encoded())
            case 5, 6:
                let open = debits.filter { !credited.contains($0.lineID) }
                guard !open.isEmpty else { continue }
                let line = open[value / 8 % open.count]
                credited.insert(line.lineID)
                append(.lineCredited, try LineCredited(line: line).encoded())
            default:
                let start = CareStarted(
                    // Clients of lines too: a start and a line of one month in one batch.
                    gemeente: "0268", aanbieder: providers[value / 8 % 2], client: "p-\(value / 16 % 10)",
                    toewijzingNummer: "T\(value % 7)", productCategorie: "45", productCode: nil,
                    begindatum: Day(iso: "2026-0\(1 + value / 64 % 5)-10")!, withdrawn: false)
                append(.careStarted, try start.encoded())
            }
        }
        return events
    }

    /// Everything a consumer of monitor's log or its admin socket sees, and the months of
    /// care and volumes a norm added later starts from.
    static func outcome(_ core: MonitorCore) throws -> [String] {
        let events = try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 100_000)
        let cells = try core.database.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT aanbieder || ' ' || client || ' ' || month || ' ' || gemeente || ' ' || categorie
                        || ' ' || productCode FROM clientVolumeCell ORDER BY 1
                    """)
                + String.fetchAll(
                    db,
                    sql: """
                        SELECT aanbieder || ' ' || client || ' ' || month || ' ' || eenheid || ' ' || volume || ' '
                            || cents FROM clientVolumeCell WHERE eenheid <> '' ORDER BY 1
                        """)
        }
        return cells + events.map { "\($0.kind) \(String(decoding: $0.body, as: UTF8.self))" }
            + (try core.normStatuses()).map {
                "\($0.norm.id) \($0.value) \($0.firing) \(String(describing: $0.forecast))"
            }
            + (try core.alerts(state: nil)).map { "\($0)" }
    }

    static func compare(_ events: [LoggedEvent], batchSizes: [Int]) throws {
        let single = try makeCore()
        let batched = try makeCore()
        try prepare(single)
        try prepare(batched)
        for event in events { try single.intakeSink(afterCommit: {}).apply([event]) }
        var index = 0
        var sizes = batchSizes.isEmpty ? [events.count] : batchSizes
        while index < events.count {
            let size = max(1, sizes.removeFirst())
            sizes.append(size)
            try batched.intakeSink(afterCommit: {}).apply(Array(events[index..<min(index + size, events.count)]))
            index += size
        }
        let expected = try outcome(single)
        let actual = try outcome(batched)
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) where a != e {
            Issue.record("batched: \(a)\nline by line: \(e)")
            break
        }
    }

    @Test func aLineThatCrossesAndALaterCreditInOneBatchFireAndResolveAsLineByLine() throws {
        let month = Month(year: 2026, month: 4)!
        func line(_ id: Int64, cents: Int64) -> DeclaredLine {
            DeclaredLine(
                lineID: id, aanbieder: Self.providers[0], gemeente: "0268", client: "p-1", referentieNummer: "R\(id)",
                vorigReferentieNummer: nil, toewijzingNummer: "T", productCategorie: "45", productCode: nil,
                periodStart: month.firstDay, periodEnd: month.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
                amountCents: cents, declaratieNummer: "D", receivedOn: month.next.firstDay)
        }
        let crossing = line(2, cents: 30_000)
        let events = [
            LoggedEvent(seq: 1, kind: "line.accepted", body: try LineAccepted(line: line(1, cents: 20_000)).encoded()),
            LoggedEvent(seq: 2, kind: "line.accepted", body: try LineAccepted(line: crossing).encoded()),
            LoggedEvent(seq: 3, kind: "line.credited", body: try LineCredited(line: crossing).encoded()),
        ]
        let core = try Self.makeCore()
        try Self.prepare(core)
        try core.intakeSink(afterCommit: {}).apply(events)
        let alerts = try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 1_000).filter {
            $0.kind.hasPrefix("alert.")
        }
        // 50,000 of 60,000 crosses 70% (fired with the crossing line's value); the credit
        // brings it back to 20,000 and resolves it in the same batch.
        let fired = try alerts.filter { $0.kind == "alert.firing" }.map { try AlertFiring.decoded(from: $0.body) }
        let resolved = try alerts.filter { $0.kind == "alert.resolved" }.map {
            try AlertResolved.decoded(from: $0.body)
        }
        #expect(fired.map { "\($0.norm.id) \($0.threshold) \($0.value)" }.contains("1 70 50000"))
        #expect(resolved.map { "\($0.norm.id) \($0.threshold) \($0.value)" }.contains("1 70 20000"))
        #expect(try core.normStatuses().first { $0.norm.id == 1 }?.firing == [])
        try Self.compare(events, batchSizes: [3])
    }

    @Test func randomBatchesGiveWhatLineByLineGives() async {
        await propertyCheck(
            count: 40,
            input: Gen.int(in: 0...100_000).array(of: 1...70), Gen.int(in: 1...25).array(of: 1...6)
        ) { steps, sizes in
            do {
                try Self.compare(try Self.log(steps), batchSizes: sizes)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
