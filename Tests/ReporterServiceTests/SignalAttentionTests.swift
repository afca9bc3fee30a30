import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Storage
import Testing

@testable import ReporterService

/// An intensiteitsnorm's weeks and duration signals ask for an analysegesprek: they put
/// the norm on the attention list until one is recorded, and only the signals after it count.
@Suite struct SignalAttentionTests {
    let at = Date(timeIntervalSince1970: 1_775_000_000)

    func norm(_ id: Int64) -> NormDefinition {
        NormDefinition(
            id: id, name: "Ambulant intensief \(id)", kind: .intensiteitsnorm,
            scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]),
            period: .year(2026), limit: 8, intensity: IntensityMeasure(openWeeks: 47, maxMonths: 12))
    }

    func event(_ seq: Int64, _ body: some EventBody) throws -> LoggedEvent {
        LoggedEvent(seq: seq, kind: type(of: body).kind.rawValue, body: try body.encoded())
    }

    func weeks(_ seq: Int64, norm: Int64, client: String) throws -> LoggedEvent {
        try event(
            seq,
            OpeningWeeksAbove(
                normID: norm, aanbieder: "12345678", client: client, year: 2026, weeks: 48, limit: 47, at: at))
    }

    func duration(_ seq: Int64, norm: Int64, client: String) throws -> LoggedEvent {
        try event(
            seq,
            CareDurationAbove(
                normID: norm, aanbieder: "12345678", client: client, arrival: Month("2025-01")!, months: 13, limit: 12,
                at: at))
    }

    func analysis(_ seq: Int64, norm: Int64) throws -> LoggedEvent {
        try event(
            seq,
            AnalysisRecorded(
                analysisID: seq,
                request: AnalysisRecordRequest(
                    normID: norm, day: Day(iso: "2026-06-01")!, participants: "aanbieder", conclusion: "besproken",
                    plan: "", followUp: nil, by: "cm"), at: at))
    }

    func reasons(_ core: ReporterCore, _ id: Int64) async throws -> [String] {
        try #require(try await core.database.norm(id: id)).attention.reasons
    }

    func onAttentionList(_ core: ReporterCore) async throws -> [Int64] {
        try await core.database.normsNeedingAttention(where: { _ in true }).map(\.id)
    }

    @Test func signalsWaitForTheAnalysegesprekAndOnlyLaterOnesCountAfterIt() async throws {
        let core = ReporterCore(database: try .inMemory())
        let sink = core.monitorSink()
        var events = [
            try event(1, NormChanged(change: .added, norm: norm(1), by: "test", at: at)),
            try event(2, NormChanged(change: .added, norm: norm(2), by: "test", at: at)),
        ]
        for client in 1...6 { events.append(try weeks(Int64(2 + client), norm: 1, client: "c\(client)")) }
        events.append(try duration(9, norm: 1, client: "c1"))
        // Another norm's signal and analysegesprek leave norm 1's alone.
        events.append(try analysis(10, norm: 2))
        try sink.apply(events)

        let weeksReason = "6 cliënt(en) boven de 47 weken zorg per jaar: bespreken in het analysegesprek"
        let durationReason =
            "<5 cliënt(en) langer in zorg dan de 12 maanden van de norm: bespreken in het analysegesprek"
        #expect(try await reasons(core, 1) == [weeksReason, durationReason])
        #expect(try await core.database.norm(id: 1)?.attention.level == .warning)
        #expect(try await reasons(core, 2).isEmpty)
        #expect(try await onAttentionList(core) == [1])

        // The conversation is recorded: nothing waits, the norm leaves the list.
        try sink.apply([try analysis(11, norm: 1)])
        #expect(try await reasons(core, 1).isEmpty)
        #expect(try await core.database.norm(id: 1)?.attention.level == .ok)
        #expect(try await onAttentionList(core).isEmpty)

        // A signal after it is the next conversation's.
        try sink.apply([try weeks(12, norm: 1, client: "c7"), try duration(13, norm: 2, client: "c8")])
        #expect(
            try await reasons(core, 1) == [
                "<5 cliënt(en) boven de 47 weken zorg per jaar: bespreken in het analysegesprek"
            ])
        #expect(try await onAttentionList(core).sorted() == [1, 2])
        // Read for a long list (all at once) or norm by norm, a norm's signals are the same.
        let (oneByOne, atOnce) = try await core.database.writer.read { db in
            let norms = try NormDefinitionTables.all(db)
            return (
                try NormListFacts.read(db, norms: norms),
                try NormListFacts.read(
                    db, norms: Array(repeating: norms[0], count: NormListFacts.readOneByOneUpTo + 1))
            )
        }
        for id in [Int64(1), 2] { #expect(oneByOne.signals(normID: id) == atOnce.signals(normID: id)) }
        #expect(atOnce.signals(normID: 1).weeks == 1 && atOnce.signals(normID: 2).duration == 1)
        // A replayed event counts once (the timeline keeps one entry per producer and seq).
        try sink.apply([try weeks(12, norm: 1, client: "c7")])
        #expect(try await core.database.norm(id: 1)?.signals.weeks == 1)
    }
}
