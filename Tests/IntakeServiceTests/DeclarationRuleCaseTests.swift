import Domain
import Fixtures
import Foundation
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// One case per JW323 line rule that needs intake's history or the gemeente's
/// allocations: after the same history, a valid declaration is granted whole (8001) and
/// the same declaration with its line changed to break exactly that rule comes back with
/// exactly the rule's code on that line; both answers validate against JW325.xsd.
@Suite struct DeclarationRuleCaseTests {
    struct Case: CustomStringConvertible {
        var rule: String
        var before: [Data] = []
        var valid: Data
        var broken: Data
        var code: String
        var description: String { rule }
    }

    static let today = Day(iso: "2026-05-10")!
    static let april = Month(year: 2026, month: 4)!
    static let good = "999900006"

    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970 * 86_400 + 43_200))
        var logger = Logger(label: "declaration-cases")
        logger.logLevel = .error
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "cases"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"], requireAuthentication: false, clock: { now }, logger: logger)
    }

    func codes(_ answer: String) -> [String] {
        answer.components(separatedBy: "RetourCode>").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.components(separatedBy: "<")[0]
        }
    }

    static func line(
        _ ref: String, toewijzing: String = "5001", categorie: String = "45", code: String = "45A03",
        period: Period = .month(april), volume: Int64 = 4, eenheid: String = "04", previous: String? = nil,
        credit: Bool = false
    ) -> DeclarationLine {
        DeclarationLine(
            referentieNummer: ref, vorigReferentieNummer: previous, toewijzingNummer: toewijzing,
            productCategorie: categorie, productCode: code, productPeriode: period, geleverdVolume: volume,
            eenheid: eenheid, productTarief: 1_250, ingediendBedrag: 1_250 * volume,
            debetCredit: credit ? .credit : .debet)
    }

    static func declaration(
        _ id: String, gemeente: String = "0268", bsn: String = good, _ line: DeclarationLine
    ) -> Data {
        JW323Writer.write(
            .balanced(
                afzender: "12345678", ontvanger: gemeente, identificatie: id, dagtekening: today,
                declaratieNummer: "DN-\(id)", periode: april, clients: [DeclaredClient(bsn: bsn, lines: [line])]))
    }

    static func allocation(_ id: String, _ products: [JW301Fixture.Product]) -> Data {
        JW301Fixture(identificatie: id, dagtekening: today, products: products).data
    }

    static func product(
        _ number: String = "5001", code: String? = "45A03", start: String = "2026-01-01", end: String? = "2026-12-31",
        omvang: (Int64, String, String)? = nil, budget: Int64? = nil, reden: String? = nil
    ) -> JW301Fixture.Product {
        .init(
            toewijzing: number, code: code, ingangsdatum: Day(iso: start)!, einddatum: end.flatMap(Day.init(iso:)),
            omvang: omvang, budgetCents: budget, redenWijziging: reden)
    }

    static func period(_ from: String, _ to: String) -> Period { Period(start: Day(iso: from)!, end: Day(iso: to)!)! }

    static let cases: [Case] = {
        let standard = allocation("TW1", [product()])
        let march = Period.month(Month(year: 2026, month: 3)!)
        return [
            Case(
                rule: "TR338", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", line("R1", toewijzing: "5009")), code: "9338"),
            Case(
                rule: "TR304", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", bsn: "999900018", line("R1")), code: "8187"),
            Case(
                rule: "TR307", before: [allocation("TW1", [product(start: "2026-03-01")])],
                valid: declaration("D1", line("R1", period: march)),
                broken: declaration("D1", line("R1", period: .month(Month(year: 2026, month: 2)!))), code: "9307"),
            Case(
                rule: "TR308", before: [allocation("TW1", [product(end: "2026-03-31")])],
                valid: declaration("D1", line("R1", period: march)), broken: declaration("D1", line("R1")),
                code: "9308"),
            Case(
                rule: "TR339", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", line("R1", categorie: "41")), code: "9339"),
            Case(
                rule: "TR340", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", line("R1", code: "45A04")), code: "9340"),
            Case(
                rule: "TR341", before: [standard], valid: declaration("D1", line("R1", eenheid: "01")),
                broken: declaration("D1", line("R1", eenheid: "14")), code: "9341"),
            Case(
                rule: "TR321", before: [allocation("TW1", [product(omvang: (6, "04", "4"))])],
                valid: declaration("D1", line("R1", volume: 6)), broken: declaration("D1", line("R1", volume: 7)),
                code: "9321"),
            Case(
                rule: "TR322",
                before: [
                    allocation("TW1", [product(omvang: (10, "04", "6"))]),
                    declaration("D0", line("R0", period: march, volume: 6)),
                ],
                valid: declaration("D1", line("R1", volume: 4)), broken: declaration("D1", line("R1", volume: 5)),
                code: "9322"),
            Case(
                rule: "TR369", before: [allocation("TW1", [product(code: nil, budget: 10_000)])],
                valid: declaration("D1", line("R1", volume: 8)), broken: declaration("D1", line("R1", volume: 9)),
                code: "9369"),
            Case(
                rule: "TR387", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", line("R1", period: period("2026-04-02", "2026-04-30"))), code: "9387"),
            Case(
                rule: "TR388", before: [standard], valid: declaration("D1", line("R1")),
                broken: declaration("D1", line("R1", period: period("2026-04-01", "2026-04-29"))), code: "9388"),
            Case(
                rule: "TR384",
                before: [
                    allocation("TW1", [product(), product("5002", code: "45A04")]),
                    allocation("TW2", [product(end: "2026-01-01", reden: "13")]),
                ],
                valid: declaration("D1", line("R1", toewijzing: "5002", code: "45A04")),
                broken: declaration("D1", line("R1")), code: "9384"),
            Case(
                rule: "TR389", before: [declaration("D0", gemeente: "0209", line("R0", toewijzing: "7001"))],
                valid: declaration("D1", gemeente: "0209", line("R1", toewijzing: "7002")),
                broken: declaration("D1", gemeente: "0209", line("R1", toewijzing: "7001")), code: "9389"),
            Case(
                rule: "TR314", before: [declaration("D0", gemeente: "0209", line("R0", toewijzing: "7001"))],
                valid: declaration("D1", gemeente: "0209", line("R1", toewijzing: "7002")),
                broken: declaration("D1", gemeente: "0209", line("R0", toewijzing: "7002")), code: "8021"),
            Case(
                rule: "TR323", before: [declaration("D0", gemeente: "0209", line("R0", toewijzing: "7001"))],
                valid: declaration(
                    "D1", gemeente: "0209", line("C1", toewijzing: "7001", previous: "R0", credit: true)),
                broken: declaration(
                    "D1", gemeente: "0209", line("C1", toewijzing: "7001", previous: "NOPE", credit: true)),
                code: "8017"),
            Case(
                rule: "TR390",
                before: [
                    declaration("D0", gemeente: "0209", line("R0", toewijzing: "7001")),
                    declaration("D1", gemeente: "0209", line("R1", toewijzing: "7002")),
                    declaration("D2", gemeente: "0209", line("C0", toewijzing: "7001", previous: "R0", credit: true)),
                ],
                valid: declaration(
                    "D3", gemeente: "0209", line("C1", toewijzing: "7002", previous: "R1", credit: true)),
                broken: declaration(
                    "D3", gemeente: "0209", line("C1", toewijzing: "7001", previous: "R0", credit: true)),
                code: "9390"),
        ]
    }()

    @Test(arguments: cases)
    func theValidDeclarationIsGrantedAndTheBrokenLineGetsExactlyTheRulesCode(_ item: Case) throws {
        // Granted: Header 0200, DeclaratieAntwoord 8001. Refused line: its code, its Client 0200,
        // the DeclaratieAntwoord 0200.
        for (name, document, expected) in [
            ("valid", item.valid, ["0200", "8001"]), ("broken", item.broken, ["0200", item.code, "0200", "0200"]),
        ] {
            let intake = try processor()
            for earlier in item.before {
                let answer = String(
                    decoding: intake.process([IncomingRequest(envelope: [], document: earlier, authenticatedAs: nil)])[
                        0], as: UTF8.self)
                #expect(!answer.contains("RetourCode>0001<"), "\(item.rule): history refused: \(answer)")
                #expect(!answer.contains("<jw325:Prestatie>"), "\(item.rule): history line refused: \(answer)")
            }
            let answer = intake.process([IncomingRequest(envelope: [], document: document, authenticatedAs: nil)])[0]
            let text = String(decoding: answer, as: UTF8.self)
            #expect(codes(text) == expected, "\(item.rule), \(name): \(text)")
            #expect(try SharedFiles.schemaProblems(answer, schema: "JW325") == nil, "\(item.rule)")
        }
    }
}
