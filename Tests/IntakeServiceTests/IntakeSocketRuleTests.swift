import Domain
import Fixtures
import Foundation
import IJW
import Testing

/// Every rule intake checks, through the real socket, each answer validated against its
/// XSD. One running intake; the cases build on each other's stored history, as a
/// provider's messages do.
@Suite(.serialized) struct IntakeSocketRuleTests {
    let april = Month(year: 2026, month: 4)!
    let today = RunningIntake.today
    let good = "999900006"
    let other = "999900018"

    struct Case {
        var rule: String
        var document: Data
        /// The code the answer must carry; nil: an approved retour, a header without RetourCodes (IV028).
        var code: String?
        var schema: String
    }

    func declaration(
        _ id: String, gemeente: String = "0209", bsn: String = "999900006", periode: Month? = nil,
        number: String? = nil, dagtekening: Day? = nil, _ lines: [JW323Fixture.Line]
    ) -> Data {
        JW323Fixture(
            ontvanger: gemeente, identificatie: id, dagtekening: dagtekening ?? today,
            declaratieNummer: number ?? "DN-\(id)",
            periode: periode ?? april, clients: [(bsn, lines)]
        ).data
    }

    func line(
        _ ref: String, toewijzing: String = "7001", categorie: String = "45", code: String = "45A03",
        volume: Int64 = 4, eenheid: String = "04", tariff: Int64 = 1_250, amount: Int64? = nil,
        previous: String? = nil, credit: Bool = false, month: Month? = nil
    ) -> JW323Fixture.Line {
        .init(
            referentie: ref, vorigeReferentie: previous, toewijzing: toewijzing, categorie: categorie,
            productCode: code, month: month ?? april, volume: volume, eenheid: eenheid, tariefCents: tariff,
            bedragCents: amount, debetCredit: credit ? "C" : "D")
    }

    /// One JW301 per allocation: the same product twice with overlapping periods in one
    /// message is stacking (TR302).
    func allocations() -> [Data] {
        let jan1 = Day(iso: "2026-01-01")!
        let products: [JW301Fixture.Product] = [
            .init(
                toewijzing: "5001", ingangsdatum: jan1, einddatum: Day(iso: "2026-12-31")!, omvang: (6, "04", "4")),
            .init(toewijzing: "5002", categorie: "41", code: "41A01", ingangsdatum: Day(iso: "2026-04-15")!),
            .init(toewijzing: "5003", code: "45A07", ingangsdatum: jan1),
            .init(toewijzing: "5004", ingangsdatum: jan1, einddatum: Day(iso: "2026-04-20")!),
            .init(toewijzing: "5005", ingangsdatum: jan1, omvang: (10, "04", "6")),
            // A budget goes with an end and without a code or Omvang (CD041, CD075, CD077).
            .init(
                toewijzing: "5006", code: nil, ingangsdatum: jan1, einddatum: Day(iso: "2026-12-31")!,
                budgetCents: 1_000),
            .init(toewijzing: "5007", ingangsdatum: jan1),
            .init(toewijzing: "5008", ingangsdatum: jan1),
        ]
        return products.map {
            JW301Fixture(identificatie: "TW-\($0.toewijzing)", dagtekening: Day(iso: "2026-01-02")!, products: [$0])
                .data
        }
    }

    /// The gemeente withdraws one allocation (RedenWijziging 13, "Verwijderd").
    func withdrawal(_ id: String, toewijzing: String) -> Data {
        JW301Fixture(
            identificatie: id, dagtekening: today,
            products: [
                .init(
                    toewijzing: toewijzing, ingangsdatum: Day(iso: "2026-01-01")!, einddatum: Day(iso: "2026-01-01")!,
                    redenWijziging: "13")
            ]
        ).data
    }

    var cases: [Case] {
        let d = { (id: String, lines: [JW323Fixture.Line]) in declaration(id, lines) }
        let d0268 = { (id: String, bsn: String, lines: [JW323Fixture.Line]) in
            declaration(id, gemeente: "0268", bsn: bsn, lines)
        }
        let start = { (id: String, gemeente: String, toewijzing: String, begin: String) in
            CareFixture.start(
                identificatie: id, dagtekening: today, ontvanger: gemeente,
                products: [.init(toewijzing: toewijzing, begindatum: Day(iso: begin)!)])
        }
        let stop = { (id: String, begin: String, end: String, reden: String) in
            CareFixture.stop(
                identificatie: id, dagtekening: today, ontvanger: "0209",
                products: [
                    .init(toewijzing: "7100", begindatum: Day(iso: begin)!, einddatum: Day(iso: end)!, reden: reden)
                ])
        }
        let request = { (id: String, reference: String) in
            CareFixture.request(
                identificatie: id, dagtekening: today, referentie: reference, verwijzerType: "02", ingangsdatum: today)
        }
        let accepted = allocations().map { Case(rule: "allocation accepted", document: $0, code: nil, schema: "JW302") }
        return accepted + [
            Case(
                rule: "allocation from a code that is no gemeente intake knows",
                document: JW301Fixture(
                    afzender: "0363", identificatie: "TW-X", dagtekening: today,
                    products: [.init(toewijzing: "1", ingangsdatum: today)]
                ).data, code: "S300", schema: "JW302"),
            Case(rule: "all granted", document: d("D01", [line("R01")]), code: "8001", schema: "JW325"),
            Case(
                rule: "BSN 11-test", document: declaration("D02", bsn: "123456789", [line("R02")]), code: "0001",
                schema: "JW325"),
            Case(
                rule: "a month declared before it has ended",
                document: declaration(
                    "D03", periode: Month(year: 2026, month: 5)!, [line("R03", month: Month(year: 2026, month: 5)!)]),
                code: "0001", schema: "JW325"),
            Case(
                rule: "Dagtekening after the system date",
                document: declaration("D03b", dagtekening: Day(iso: "2026-05-11")!, [line("R03b")]), code: "8848",
                schema: "JW325"),
            Case(
                rule: "amount ≠ volume × tariff", document: d("D04", [line("R04", amount: 4_999)]), code: "9346",
                schema: "JW325"),
            Case(
                rule: "unknown gemeente", document: declaration("D05", gemeente: "0363", [line("R05")]), code: "S300",
                schema: "JW325"),
            Case(rule: "message id reused", document: d("D01", [line("R06")]), code: "9056", schema: "JW325"),
            Case(
                rule: "declaration number reused", document: declaration("D07", number: "DN-D01", [line("R07")]),
                code: "9333", schema: "JW325"),
            Case(
                rule: "reference reused", document: d("D08", [line("R01", toewijzing: "7008")]), code: "8021",
                schema: "JW325"),
            Case(
                rule: "credit without debit", document: d("D09", [line("R09", previous: "NOPE", credit: true)]),
                code: "8017", schema: "JW325"),
            Case(
                rule: "credit accepted", document: d("D10", [line("R10", previous: "R01", credit: true)]), code: "8001",
                schema: "JW325"),
            Case(
                rule: "credited twice", document: d("D11", [line("R11", previous: "R01", credit: true)]), code: "9390",
                schema: "JW325"),
            Case(
                rule: "two debits for one allocation, product and period in one message",
                document: d("D12", [line("R12", toewijzing: "7012"), line("R12b", toewijzing: "7012")]), code: "0001",
                schema: "JW325"),
            Case(
                rule: "debit accepted", document: d("D12c", [line("R12c", toewijzing: "7013")]), code: "8001",
                schema: "JW325"),
            Case(
                rule: "second debit without credit", document: d("D12d", [line("R12d", toewijzing: "7013")]),
                code: "9389", schema: "JW325"),
            Case(
                rule: "no allocation", document: d0268("D13", good, [line("R13", toewijzing: "9999")]), code: "9338",
                schema: "JW325"),
            Case(
                rule: "allocation of another client", document: d0268("D14", other, [line("R14", toewijzing: "5001")]),
                code: "8187", schema: "JW325"),
            Case(
                rule: "before the allocation starts",
                document: d0268("D15", good, [line("R15", toewijzing: "5002", categorie: "41", code: "41A01")]),
                code: "9307", schema: "JW325"),
            Case(
                rule: "after the allocation ends", document: d0268("D16", good, [line("R16", toewijzing: "5004")]),
                code: "9308", schema: "JW325"),
            Case(
                rule: "category differs",
                document: d0268("D17", good, [line("R17", toewijzing: "5001", categorie: "41")]), code: "9339",
                schema: "JW325"),
            Case(
                rule: "product code differs",
                document: d0268("D18", good, [line("R18", toewijzing: "5001", code: "45A04")]), code: "9340",
                schema: "JW325"),
            Case(
                rule: "unit differs",
                document: d0268("D19", good, [line("R19", toewijzing: "5001", eenheid: "14", tariff: 20)]),
                code: "9341", schema: "JW325"),
            Case(
                rule: "one line above the volume for its month",
                document: d0268("D20", good, [line("R20", toewijzing: "5001", volume: 7)]), code: "9321",
                schema: "JW325"),
            Case(
                rule: "within the total volume",
                document: d0268(
                    "D21", good, [line("R21", toewijzing: "5005", volume: 6, month: Month(year: 2026, month: 3)!)]),
                code: "8001", schema: "JW325"),
            Case(
                rule: "all lines together above the total volume",
                document: d0268("D21b", good, [line("R21b", toewijzing: "5005", volume: 5)]), code: "9322",
                schema: "JW325"),
            Case(
                rule: "above the budget", document: d0268("D22", good, [line("R22", toewijzing: "5006")]), code: "9369",
                schema: "JW325"),
            Case(
                rule: "tariff differs from the contract",
                document: d0268("D23", good, [line("R23", toewijzing: "5003", code: "45A07")]), code: "0611",
                schema: "JW325"),
            Case(
                rule: "start accepted", document: start("C01", "0209", "7100", "2026-04-03"), code: nil,
                schema: "JW306"),
            Case(
                rule: "same start again", document: start("C02", "0209", "7100", "2026-04-03"), code: "9074",
                schema: "JW306"),
            Case(
                rule: "start while the current one runs", document: start("C03", "0209", "7100", "2026-04-20"),
                code: "9326", schema: "JW306"),
            Case(
                rule: "start without allocation", document: start("C04", "0268", "9999", "2026-04-03"), code: "9019",
                schema: "JW306"),
            Case(
                rule: "start after the Dagtekening", document: start("C05", "0209", "7109", "2026-06-01"), code: "0001",
                schema: "JW306"),
            Case(
                rule: "stop without start", document: stop("C06", "2026-04-04", "2026-04-10", "31"), code: "9069",
                schema: "JW308"),
            Case(
                rule: "final stop", document: stop("C07", "2026-04-03", "2026-04-30", "31"), code: nil,
                schema: "JW308"),
            Case(
                rule: "stop after a final stop", document: stop("C08", "2026-04-03", "2026-05-01", "32"), code: "9415",
                schema: "JW308"),
            Case(rule: "request accepted", document: request("C09", "AANVRAAG-1"), code: nil, schema: "JW316"),
            Case(rule: "same request again", document: request("C10", "AANVRAAG-1"), code: "9347", schema: "JW316"),
            Case(
                rule: "a declaration period before the latest declared (TR318)",
                document: declaration(
                    "D40", periode: Month(year: 2026, month: 3)!,
                    [line("R40", toewijzing: "7040", month: Month(year: 2026, month: 3)!)]),
                code: "8214", schema: "JW325"),
        ]
    }

    @Test func everyRuleAnswersWithItsCodeInAValidMessage() async throws {
        let intake = try RunningIntake()
        for item in cases {
            let answer = try await intake.send(item.document)
            let text = String(decoding: answer, as: UTF8.self)
            if let code = item.code {
                #expect(text.contains("RetourCode>\(code)<"), "\(item.rule): expected \(code) in\n\(text)")
            } else {
                #expect(!text.contains("RetourCode"), "\(item.rule): expected no RetourCodes in\n\(text)")
            }
            #expect(try SharedFiles.schemaProblems(answer, schema: item.schema) == nil, "\(item.rule): invalid answer")
        }
    }

    @Test func anIdenticalResendThroughTheSocketGetsTheSameBytes() async throws {
        let intake = try RunningIntake()
        let document = declaration("RS1", [line("RS-R1")])
        let first = try await intake.send(document)
        #expect(try await intake.send(document) == first)
        #expect(String(decoding: first, as: UTF8.self).contains("RetourCode>8001<"))
    }
}
