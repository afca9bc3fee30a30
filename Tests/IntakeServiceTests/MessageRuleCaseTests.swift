import Domain
import Fixtures
import Foundation
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// One case per rule of the table on JW301, JW305, JW307 and JW315: after the same
/// history, a valid message is approved (a retour without RetourCodes) and the same
/// message changed to break exactly that rule gets exactly the rule's code at the rule's
/// level (IV028): a header rule in the header alone; a product rule on the product, with
/// 0200 on the header and the Client; both answers validate against the retour's XSD.
@Suite struct MessageRuleCaseTests {
    struct Case: CustomStringConvertible {
        var rule: String
        var before: [Data] = []
        var valid: Data
        var broken: Data
        var code: String
        var schema: String
        var description: String { rule }

        /// The classes' codes IV028 asks for: header rules (0001, 8848, S300) in the
        /// header alone, the others on the one product of the message.
        var expected: RetourClasses {
            ["0001", "8848", "S300"].contains(code)
                ? RetourClasses(header: [code])
                : RetourClasses(header: ["0200"], products: [[code]], client: ["0200"])
        }
    }

    static let today = Day(iso: "2026-05-10")!
    static let april3 = Day(iso: "2026-04-03")!
    static let good = "999900006"
    static let other = "999900018"

    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970 * 86_400 + 43_200))
        var logger = Logger(label: "rule-cases")
        logger.logLevel = .error
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "cases"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"], requireAuthentication: false, clock: { now }, logger: logger)
    }

    func send(_ intake: IntakeProcessor, _ data: Data) -> String {
        String(
            decoding: intake.process([IncomingRequest(envelope: [], document: data, authenticatedAs: nil)])[0],
            as: UTF8.self)
    }

    func codes(_ answer: String) -> [String] {
        answer.components(separatedBy: "RetourCode>").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.components(separatedBy: "<")[0]
        }
    }

    // MARK: messages

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func start(
        _ id: String, toewijzing: String = "5001", begin: Day = april3, status: String = "1",
        gemeente: String = "0209", dagtekening: Day = today, bsn: String = good
    ) -> Data {
        CareFixture.start(
            identificatie: id, dagtekening: dagtekening, ontvanger: gemeente, bsn: bsn,
            products: [.init(toewijzing: toewijzing, begindatum: begin, status: status)])
    }

    static func stop(
        _ id: String, begin: Day = april3, end: String, reden: String = "31", status: String = "1"
    ) -> Data {
        CareFixture.stop(
            identificatie: id, dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: begin, einddatum: day(end), reden: reden, status: status)])
    }

    static func request(
        _ id: String, referentie: String = "AANVRAAG-1", type: String = "02", gemeente: String = "0209"
    ) -> String {
        String(
            decoding: CareFixture.request(
                identificatie: id, dagtekening: today, ontvanger: gemeente, referentie: referentie,
                verwijzerType: type, ingangsdatum: today), as: UTF8.self)
    }

    /// The request with its product twice, the second with this reference and code.
    static func twoProducts(_ id: String, secondReferentie: String, secondCode: String) -> Data {
        let one = request(id)
        let product = one.components(separatedBy: "<jw315:AangevraagdeProducten>")[1]
            .components(separatedBy: "</jw315:AangevraagdeProducten>")[0]
        let second = product.replacingOccurrences(of: "AANVRAAG-1", with: secondReferentie)
            .replacingOccurrences(of: "45A03", with: secondCode)
        return Data(one.replacingOccurrences(of: product, with: product + second).utf8)
    }

    static func allocation(
        _ id: String, bsn: String = good, decided: Day? = nil, _ products: [JW301Fixture.Product]
    ) -> Data {
        JW301Fixture(
            identificatie: id, dagtekening: today, bsn: bsn,
            products: products.map {
                var product = $0
                product.toewijzingsdatum = product.toewijzingsdatum ?? decided
                return product
            }
        ).data
    }

    static func product(
        _ number: String = "5001", code: String? = "45A03", end: String? = "2026-12-31",
        omvang: (Int64, String, String)? = nil, budget: Int64? = nil, reden: String? = nil,
        start: String = "2026-01-01",
        reference: String? = nil
    ) -> JW301Fixture.Product {
        .init(
            toewijzing: number, code: code, ingangsdatum: day(start), einddatum: end.map(day), omvang: omvang,
            budgetCents: budget, redenWijziging: reden, referentieAanbieder: reference)
    }

    static func replacing(_ data: Data, _ old: String, _ new: String) -> Data {
        Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    // MARK: the cases

    static let cases: [Case] = {
        let s1 = start("S1")
        let temporary = stop("T1", end: "2026-04-10", reden: "20")
        let final = stop("T1", end: "2026-04-10", reden: "31")
        let base = request("V1")
        return [
            Case(
                rule: "CS058", before: [s1], valid: start("S2", status: "3"), broken: start("S2", status: "2"),
                code: "0001", schema: "JW306"),
            Case(
                rule: "TR063", before: [s1], valid: start("S2", status: "3"),
                broken: start("S2", begin: day("2026-04-04"), status: "3"), code: "9063", schema: "JW306"),
            Case(
                rule: "TR071", before: [s1, final, start("S2", begin: day("2026-04-20"))],
                valid: start("S3", begin: day("2026-04-20"), status: "3"), broken: start("S3", status: "3"),
                code: "9071", schema: "JW306"),
            Case(
                rule: "TR074", before: [s1, temporary], valid: start("S2", begin: day("2026-04-20")),
                broken: start("S2"), code: "9074", schema: "JW306"),
            Case(
                rule: "TR326", before: [s1], valid: start("S2", toewijzing: "5002", begin: day("2026-04-20")),
                broken: start("S2", begin: day("2026-04-20")), code: "9326", schema: "JW306"),
            Case(
                rule: "TR019", before: [allocation("TW1", [product()])], valid: start("S1", gemeente: "0268"),
                broken: start("S1", toewijzing: "5009", gemeente: "0268"), code: "9019", schema: "JW306"),
            Case(
                rule: "TR134 (JW305)", valid: start("S1", begin: day("2026-05-10")),
                broken: start("S1", begin: day("2026-05-11")), code: "0001", schema: "JW306"),
            Case(
                rule: "TR135", valid: start("S1", dagtekening: day("2026-05-10")),
                broken: start("S1", dagtekening: day("2026-05-11")), code: "8848", schema: "JW306"),
            Case(
                rule: "TR378", valid: start("S1"), broken: start("S1", gemeente: "0363"), code: "S300",
                schema: "JW306"),
            Case(
                rule: "CS002", valid: start("S1"), broken: start("S1", bsn: "999900007"), code: "0001",
                schema: "JW306"),
            Case(
                rule: "TR382", before: [s1], valid: stop("T2", end: "2026-04-10"),
                broken: stop("T2", begin: day("2026-04-04"), end: "2026-04-10"), code: "9069", schema: "JW308"),
            Case(
                rule: "TR413", before: [s1, temporary], valid: stop("T2", end: "2026-04-12"),
                broken: stop("T2", end: "2026-04-12", reden: "20"), code: "9413", schema: "JW308"),
            Case(
                rule: "TR414", before: [s1, temporary], valid: stop("T2", end: "2026-04-10"),
                broken: stop("T2", end: "2026-04-09"), code: "9414", schema: "JW308"),
            Case(
                rule: "TR415", before: [s1, final], valid: stop("T2", end: "2026-04-10", status: "3"),
                broken: stop("T2", end: "2026-04-12", reden: "32"), code: "9415", schema: "JW308"),
            Case(
                rule: "TR134 (JW307)", before: [s1], valid: stop("T2", end: "2026-05-10"),
                broken: stop("T2", end: "2026-05-11"), code: "0001", schema: "JW308"),
            Case(
                rule: "TR347", before: [Data(base.utf8)], valid: Data(request("V2", referentie: "AANVRAAG-2").utf8),
                broken: Data(request("V2").utf8), code: "9347", schema: "JW316"),
            Case(
                rule: "TR347 (another gemeente)", before: [Data(base.utf8)],
                valid: Data(request("V2", referentie: "AANVRAAG-2", gemeente: "0268").utf8),
                broken: Data(request("V2", gemeente: "0268").utf8), code: "9347", schema: "JW316"),
            Case(
                rule: "TR383", valid: twoProducts("V1", secondReferentie: "AANVRAAG-2", secondCode: "45A04"),
                broken: twoProducts("V1", secondReferentie: "AANVRAAG-1", secondCode: "45A04"), code: "0001",
                schema: "JW316"),
            Case(
                rule: "TR386", valid: twoProducts("V1", secondReferentie: "AANVRAAG-2", secondCode: "45A04"),
                broken: twoProducts("V1", secondReferentie: "AANVRAAG-2", secondCode: "45A03"), code: "0001",
                schema: "JW316"),
            Case(
                rule: "CD067", valid: Data(base.utf8),
                broken: Data(base.replacingOccurrences(of: "<ijw:Naam>Verwijzer</ijw:Naam>", with: "").utf8),
                code: "0001", schema: "JW316"),
            Case(
                rule: "CD068", valid: Data(request("V1", type: "01").utf8),
                broken: Data(
                    request("V1", type: "01").replacingOccurrences(
                        of: "</ijw:Naam>", with: "</ijw:Naam><ijw:ZorgverlenerCode>12345678</ijw:ZorgverlenerCode>"
                    ).utf8), code: "0001", schema: "JW316"),
            Case(
                rule: "CD041 (JW315)", valid: Data(base.utf8),
                broken: Data(
                    base.replacingOccurrences(
                        of:
                            "<jw315:Omvang><ijw:Volume>6</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></jw315:Omvang>",
                        with: ""
                    ).utf8), code: "0001", schema: "JW316"),
            Case(
                rule: "TR332", before: [allocation("TW1", [product()])],
                valid: allocation("TW2", bsn: other, decided: day("2026-05-01"), [product("5002")]),
                broken: allocation("TW2", bsn: other, decided: day("2026-05-01"), [product()]), code: "9332",
                schema: "JW302"),
            Case(
                rule: "TR379", before: [Data(request("V1", gemeente: "0268").utf8)],
                valid: allocation("TW1", [product(reference: "AANVRAAG-1")]),
                broken: allocation("TW1", bsn: other, [product(reference: "AANVRAAG-1")]), code: "9379",
                schema: "JW302"),
            Case(
                rule: "TR379 (another gemeente's request)", before: [Data(request("V1").utf8)],
                valid: allocation("TW1", [product(reference: "AANVRAAG-2")]),
                broken: allocation("TW1", [product(reference: "AANVRAAG-1")]), code: "9379", schema: "JW302"),
            Case(
                rule: "TR302", valid: allocation("TW1", [product(), product("5002", code: "45A04")]),
                broken: allocation("TW1", [product(), product("5002")]), code: "0001", schema: "JW302"),
            Case(
                rule: "CS335", valid: allocation("TW1", [product(end: "2026-01-01", reden: "13")]),
                broken: allocation("TW1", [product(end: "2026-01-02", reden: "13")]), code: "0001", schema: "JW302"),
            Case(
                rule: "CS336", valid: allocation("TW1", [product()]), broken: allocation("TW1", [product(reden: "01")]),
                code: "0001", schema: "JW302"),
            Case(
                rule: "CD080", valid: allocation("TW1", [product(omvang: (6, "04", "4"))]),
                broken: allocation("TW1", [product(code: nil, omvang: (6, "04", "4"))]), code: "0001",
                schema: "JW302"),
            Case(
                rule: "CS338", valid: allocation("TW1", [product(omvang: (7, "14", "2"))]),
                broken: allocation("TW1", [product(omvang: (1, "14", "1"))]), code: "0001", schema: "JW302"),
            Case(
                rule: "CD075", valid: allocation("TW1", [product(code: nil, budget: 10_000)]),
                broken: allocation("TW1", [product(code: nil, end: nil, budget: 10_000)]), code: "0001",
                schema: "JW302"),
            Case(
                rule: "TR134 (JW301)", valid: allocation("TW1", decided: today, [product()]),
                broken: allocation("TW1", decided: day("2026-05-11"), [product()]), code: "0001", schema: "JW302"),
        ]
    }()

    @Test(arguments: cases)
    func theValidMessagePassesAndTheBrokenOneGetsExactlyTheRulesCode(_ item: Case) throws {
        for (name, document, expected) in [
            ("valid", item.valid, RetourClasses(header: [])), ("broken", item.broken, item.expected),
        ] {
            let intake = try processor()
            for earlier in item.before {
                let answer = send(intake, earlier)
                #expect(codes(answer).isEmpty, "\(item.rule): history refused: \(answer)")
            }
            let answer = send(intake, document)
            #expect(RetourClasses(answer) == expected, "\(item.rule), \(name): \(answer)")
            #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: item.schema) == nil, "\(item.rule)")
        }
    }
}
