import Contracts
import Domain
import Foundation
import Logging
import Testing

@testable import MonitorService

/// A regio norm may carry each gemeente's share; monitor keeps it with the definition
/// (and so in `norm.changed` for the reporter) when it covers the regio exactly.
@Suite struct RegioShareNormTests {
    func core() throws -> MonitorCore {
        try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) },
            regions: ["R": ["0268", "0209"]], logger: Logger(label: "test"))
    }

    func request(shares: [String: Int]) -> NormAddRequest {
        NormAddRequest(
            name: "Begeleiding R", kind: .bestedingsruimte, gemeenten: [], regio: "R", aanbieder: "11111111",
            period: "2026", limit: 1_000_000, shares: shares)
    }

    @Test func sharesThatCoverTheRegioAreKeptWithTheNorm() throws {
        let core = try core()
        let status = try core.addNorm(request(shares: ["0268": 6_000, "0209": 4_000]))
        #expect(status.norm.shares == ["0268": 6_000, "0209": 4_000])
        let published = try MonitorCoreTests().outbox(core).filter { $0.kind == "norm.changed" }.map {
            try NormChanged.decoded(from: $0.body).norm.shares
        }
        #expect(published == [["0268": 6_000, "0209": 4_000]])
    }

    @Test func sharesThatMissAGemeenteOrDoNotAddUpAreRefused() throws {
        let core = try core()
        #expect(throws: MonitorError.self) { try core.addNorm(request(shares: ["0268": 10_000])) }
        #expect(throws: MonitorError.self) { try core.addNorm(request(shares: ["0268": 6_000, "0209": 3_000])) }
        #expect(try core.normStatuses().isEmpty)
    }
}
