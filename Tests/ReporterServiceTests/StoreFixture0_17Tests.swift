import Contracts
import Foundation
import GRDB
import Testing

@testable import ReporterService

/// A read model written by release 0.17.0 opens and migrates to norms in columns; every
/// norm reads back as 0.17.0 decoded it, and the figures still come from the same rows.
///
/// `Fixtures/reporter-0.17.0.sqlite.gz` was written by `plafond demo` of release 0.17.0
/// (f5a63ba's build), stopped after its fourth month of care, copied with `VACUUM INTO`
/// and gzipped; `reporter-0.17.0-norms.json` holds its `norm.definition` blobs as they were.
@Suite struct StoreFixture0_17Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func unzippedCopy() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-fixture-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("reporter.sqlite").path
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = [
            "-c", "gzip -dc \"$0\" > \"$1\"", fixtures.appendingPathComponent("reporter-0.17.0.sqlite.gz").path, path,
        ]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        return (path, folder)
    }

    @Test func everyNormOfA0_17ReadModelReadsBackFromItsColumns() async throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try ReporterDatabase.open(path: path)
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("reporter-0.17.0-norms.json"))
        let expected = try JSONDecoder().decode([NormDefinition].self, from: data)
        #expect(expected.count == 30)
        let norms = try await database.writer.read { try database.normDefinitions.all($0) }
        #expect(norms == expected)
        for norm in expected {
            let figures = try #require(try await database.norm(id: norm.id))
            #expect(figures.name == norm.name && figures.instrument == norm.kind && figures.limit == norm.limit)
            #expect(figures.gemeenten == norm.scope.gemeenten && figures.thresholds == norm.thresholds)
        }
        let columns = try await database.writer.read { try $0.columns(in: "norm").map(\.name) }
        #expect(!columns.contains("definition"))
    }

    @Test func a0_17ReadModelKeepsItsFiguresAndAlerts() async throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try ReporterDatabase.open(path: path)
        let figures = try await database.norms()
        #expect(figures.count == 30)
        #expect(figures.contains { $0.spent > 0 })
        let alerts = try await database.alerts(state: nil, page: 1, perPage: 50)
        #expect(alerts.total == 3)
        #expect(alerts.items.allSatisfy { $0.firedAt.hasSuffix("Z") })
    }
}
