import Contracts
import Foundation
import Messaging
import Testing

@testable import ReporterService

/// The norm definitions are decoded when the norm table changes, not by the next request
/// (with 10,000 norms that request took 225–295 ms).
@Suite struct NormDefinitionWarmingTests {
    let norm = ReadModelTests().norm

    func normChanged(seq: Int64, version: Int) throws -> LoggedEvent {
        var norm = norm
        norm.version = version
        return LoggedEvent(
            seq: seq, kind: NormChanged.kind.rawValue,
            body: try NormChanged(change: .added, norm: norm, by: "test", at: Date(timeIntervalSince1970: 0))
                .encoded())
    }

    func alertFiring(seq: Int64) throws -> LoggedEvent {
        LoggedEvent(
            seq: seq, kind: AlertFiring.kind.rawValue,
            body: try AlertFiring(
                alertID: seq, norm: AlertNorm(norm), alertKind: .actual, threshold: 70, value: 72_500,
                limit: 100_000, forecastValue: nil, forecastCrossing: nil, firedAt: Date(timeIntervalSince1970: 0)
            ).encoded())
    }

    /// Waits (bounded) for the background decoding the consumer started.
    func loads(_ database: ReporterDatabase, reaching expected: Int) async throws -> Int {
        for _ in 0..<500 where database.normDefinitions.loads < expected {
            try await Task.sleep(for: .milliseconds(10))
        }
        return database.normDefinitions.loads
    }

    @Test func aNormChangeIsDecodedBeforeAnyoneAsks() async throws {
        let core = ReporterCore(database: try .inMemory())
        try core.monitorSink().apply([try normChanged(seq: 1, version: 1)])
        #expect(try await loads(core.database, reaching: 1) == 1)

        // The request finds them decoded.
        let page = try await core.database.norms(where: { _ in true }, page: 1, perPage: 10)
        #expect(page.items.map(\.id) == [norm.id])
        #expect(core.database.normDefinitions.loads == 1)

        // A new version is decoded again; the request sees the new one without decoding.
        try core.monitorSink().apply([try normChanged(seq: 2, version: 2)])
        #expect(try await loads(core.database, reaching: 2) == 2)
        _ = try await core.database.norms(where: { _ in true }, page: 1, perPage: 10)
        #expect(core.database.normDefinitions.loads == 2)
    }

    @Test func aBatchWithoutANormChangeLeavesTheCacheAlone() async throws {
        let core = ReporterCore(database: try .inMemory())
        try core.monitorSink().apply([try normChanged(seq: 1, version: 1)])
        #expect(try await loads(core.database, reaching: 1) == 1)
        try core.monitorSink().apply([try alertFiring(seq: 2), try alertFiring(seq: 3)])
        #expect(core.warmer.scheduled == 1)
        // Give a wrongly started decoding the time to show itself.
        try await Task.sleep(for: .milliseconds(200))
        #expect(core.database.normDefinitions.loads == 1)
        #expect(core.warmer.scheduled == 1)
    }
}
