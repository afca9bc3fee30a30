import Contracts
import Foundation
import Testing

@testable import MonitorService

/// The AGB register: names beside codes, published for reporter and notifier.
@Suite struct ProviderRegisterTests {
    let base = MonitorCoreTests()

    @Test func namesArePublishedOnceAndAlertsCarryThem() throws {
        let core = try base.makeCore()
        let register = [
            ProviderName(agb: "12345678", naam: "De Linde"), ProviderName(agb: "87654321", naam: "Het Kompas"),
        ]
        #expect(try core.nameProviders(ProviderImportRequest(providers: register, by: "P. Jansen")) == 2)
        // The same names again change nothing and publish nothing.
        #expect(try core.nameProviders(ProviderImportRequest(providers: register, by: "P. Jansen")) == 0)
        let named = try base.outbox(core).filter { $0.kind == ProviderNamed.kind.rawValue }
        #expect(try named.map { try ProviderNamed.decoded(from: $0.body).naam } == ["De Linde", "Het Kompas"])
        #expect(try core.providerNames().map(\.naam) == ["De Linde", "Het Kompas"])
        _ = try base.addNorm(core)
        try core.intakeSink(afterCommit: {}).apply([try base.event(1, accepted: base.line(1, cents: 75_000))])
        let firing = try #require(try base.outbox(core).first { $0.kind == AlertFiring.kind.rawValue })
        #expect(try AlertFiring.decoded(from: firing.body).norm.aanbiederNaam == "De Linde")
    }

    @Test func aBadCodeOrEmptyNameRefusesTheWholeImport() throws {
        let core = try base.makeCore()
        for bad in [ProviderName(agb: "1234", naam: "Kort"), ProviderName(agb: "12345678", naam: "  ")] {
            #expect(throws: MonitorError.self) {
                try core.nameProviders(
                    ProviderImportRequest(providers: [ProviderName(agb: "11111111", naam: "Goed"), bad], by: nil))
            }
        }
        #expect(try core.providerNames().isEmpty)
    }

    @Test func theRegisterFileIsReadAsAGemeenteExportsIt() throws {
        let csv = "\u{FEFF}AGB code;naam\r\n30010000;De Linde\r\n30010037;\"Zorg \"\"Samen\"\"; Nijmegen\"\r\n\r\n"
        #expect(
            try ProviderRegisterCSV.parse(csv) == [
                ProviderName(agb: "30010000", naam: "De Linde"),
                ProviderName(agb: "30010037", naam: "Zorg \"Samen\"; Nijmegen"),
            ])
        #expect(throws: ProviderRegisterCSV.Problem.self) { try ProviderRegisterCSV.parse("AGB code;naam\n123;X\n") }
        #expect(throws: ProviderRegisterCSV.Problem.self) {
            try ProviderRegisterCSV.parse("30010000;A\n30010000;B\n")
        }
    }
}
