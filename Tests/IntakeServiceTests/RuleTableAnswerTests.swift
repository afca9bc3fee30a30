import Contracts
import Domain
import Fixtures
import Foundation
import IJW
import Logging
import Messaging
import Storage
import Testing

@testable import IntakeService

/// Answers that were wrong against the standard's rule table (issue 17, point 3), each
/// through intake's processor with an in-memory store and checked against its XSD. The
/// comment on each test says what intake answered before.
@Suite struct RuleTableAnswerTests {
    let today = Day(iso: "2026-05-10")!
    let april = Month(year: 2026, month: 4)!
    let april3 = Day(iso: "2026-04-03")!

    /// 0268 sends its allocations; 0209 does not.
    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"], requireAuthentication: false, clock: { now }, logger: Logger(label: "test"))
    }

    func send(_ intake: IntakeProcessor, _ data: Data) -> String {
        String(
            decoding: intake.process([IncomingRequest(envelope: [], document: data, authenticatedAs: nil)])[0],
            as: UTF8.self)
    }

    /// Every RetourCode in the answer, in document order.
    func codes(_ answer: String) -> [String] {
        answer.components(separatedBy: "RetourCode>").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.components(separatedBy: "<")[0]
        }
    }

    func valid(_ answer: String, _ schema: String) throws -> Bool {
        try SharedFiles.schemaProblems(Data(answer.utf8), schema: schema) == nil
    }

    func declaration(_ id: String, number: String? = nil, _ lines: [JW323Fixture.Line]) -> Data {
        JW323Fixture(
            ontvanger: "0209", identificatie: id, dagtekening: today, declaratieNummer: number ?? "DN-\(id)",
            periode: april, clients: [("999900006", lines)]
        ).data
    }

    func line(_ ref: String, toewijzing: String = "7001") -> JW323Fixture.Line {
        .init(referentie: ref, toewijzing: toewijzing, month: april, volume: 4, tariefCents: 1_250)
    }

    func allocation(
        _ id: String, bsn: String = "999900006", toewijzing: String = "5001", decided: String = "2026-01-02",
        at time: String = "09:00:00", einddatum: String? = nil
    ) -> Data {
        JW301Fixture(
            identificatie: id, dagtekening: Day(iso: "2026-03-01")!, bsn: bsn,
            products: [
                .init(
                    toewijzing: toewijzing, ingangsdatum: Day(iso: "2026-01-01")!,
                    einddatum: einddatum.flatMap(Day.init(iso:)), toewijzingsdatum: Day(iso: decided)!,
                    toewijzingstijd: time)
            ]
        ).data
    }

    func stop(
        _ intake: IntakeProcessor, _ id: String, end: String, reden: String, status: String = "1"
    ) -> String {
        send(
            intake,
            CareFixture.stop(
                identificatie: id, dagtekening: today, ontvanger: "0209",
                products: [
                    .init(
                        toewijzing: "5001", begindatum: april3, einddatum: Day(iso: end)!, reden: reden, status: status)
                ]))
    }

    func start(_ intake: IntakeProcessor, _ id: String, status: String = "1") -> String {
        send(
            intake,
            CareFixture.start(
                identificatie: id, dagtekening: today, ontvanger: "0209",
                products: [.init(toewijzing: "5001", begindatum: april3, status: status)]))
    }

    /// TR333/IV087. Before: header-only answer with 9333 in the header.
    @Test func aReusedDeclarationNumberIsRefusedInTheDeclarationClassWithNothingGranted() throws {
        let intake = try processor()
        _ = send(intake, declaration("M1", number: "DN-1", [line("R1")]))
        let answer = send(intake, declaration("M2", number: "DN-1", [line("R2", toewijzing: "7002")]))
        #expect(codes(answer) == ["0200", "9333"])
        #expect(answer.contains("<jw325:TotaalToegekendBedrag><ijw:TotaalBedrag>0</ijw:TotaalBedrag>"))
        #expect(try valid(answer, "JW325"))
        // Counted as not received: the line's reference is still free.
        #expect(codes(send(intake, declaration("M3", [line("R2", toewijzing: "7002")]))) == ["0200", "8001"])
    }

    /// TR318/OP284/IV090: a DeclaratiePeriode before the latest one this provider declared
    /// to this gemeente is refused in the Declaratie class (8214, nothing granted); the
    /// latest month again, a later month after a gap, and another gemeente are not.
    /// Before: every order of periods was accepted.
    @Test func aDeclarationPeriodBeforeTheLatestDeclaredIsRefused8214() throws {
        let intake = try processor()
        let march = Month(year: 2026, month: 3)!
        let january = Month(year: 2026, month: 1)!
        func declaration(_ id: String, _ month: Month, gemeente: String = "0209", toewijzing: String) -> Data {
            JW323Fixture(
                ontvanger: gemeente, identificatie: id, dagtekening: today, declaratieNummer: "DN-\(id)",
                periode: month,
                clients: [
                    (
                        "999900006",
                        [
                            .init(
                                referentie: "R-\(id)", toewijzing: toewijzing, month: month, volume: 4,
                                tariefCents: 1_250)
                        ]
                    )
                ]
            ).data
        }
        #expect(codes(send(intake, declaration("M1", january, toewijzing: "7001"))) == ["0200", "8001"])
        // A gap (February) is allowed: intake cannot know whether care was delivered then.
        #expect(codes(send(intake, declaration("M2", march, toewijzing: "7002"))) == ["0200", "8001"])
        // The latest month again: a second declaration for it (IV090).
        #expect(codes(send(intake, declaration("M3", march, toewijzing: "7003"))) == ["0200", "8001"])
        let behind = send(intake, declaration("M4", Month(year: 2026, month: 2)!, toewijzing: "7004"))
        #expect(codes(behind) == ["0200", "8214"])
        #expect(behind.contains("<jw325:TotaalToegekendBedrag><ijw:TotaalBedrag>0</ijw:TotaalBedrag>"))
        #expect(try valid(behind, "JW325"))
        // Another gemeente has its own sequence; the refused one counts as not sent, so its
        // line may come again in the latest period (IV090: belated care in a later period).
        #expect(!codes(send(intake, declaration("M5", january, gemeente: "0268", toewijzing: "7005"))).contains("8214"))
        #expect(codes(send(intake, declaration("M6", march, toewijzing: "7004"))) == ["0200", "8001"])
    }

    /// Before: a JW305 carrying JW315's BerichtCode 446 was answered with a JW316.
    @Test func theAnswerTypeFollowsTheMessageReadNotItsBerichtCode() throws {
        let intake = try processor()
        let document = String(
            decoding: CareFixture.start(
                identificatie: "S1", dagtekening: today, ontvanger: "0209",
                products: [.init(toewijzing: "5001", begindatum: april3)]), as: UTF8.self
        )
        .replacingOccurrences(of: "<jw305:BerichtCode>438<", with: "<jw305:BerichtCode>446<")
        let answer = send(intake, Data(document.utf8))
        #expect(answer.contains("<jw306:Bericht"))
        #expect(codes(answer) == ["0001"])
        #expect(try valid(answer, "JW306"))
    }

    /// JW323.xsd requires both. Before: read as absent, answered with an invented "0" that
    /// JW325.xsd refuses.
    @Test func aDeclarationLineWithoutToewijzingNummerOrProductCodeIsRefused0001() throws {
        let intake = try processor()
        let full = String(decoding: declaration("M1", [line("R1")]), as: UTF8.self)
        for cut in [
            "<jw323:ToewijzingNummer>7001</jw323:ToewijzingNummer>", "<jw323:ProductCode>45A03</jw323:ProductCode>",
        ] {
            let answer = send(intake, Data(full.replacingOccurrences(of: cut, with: "").utf8))
            #expect(codes(answer) == ["0001"])
            #expect(!answer.contains("DeclaratieAntwoord"))
            #expect(try valid(answer, "JW325"))
        }
    }

    /// LDT_Nummer allows 9 digits. Before: more than 8 was a structure error.
    @Test func aToewijzingNummerOfNineDigitsIsTaken() throws {
        let intake = try processor()
        let answer = send(intake, allocation("TW1", toewijzing: "123456789"))
        #expect(codes(answer).isEmpty)
        #expect(try valid(answer, "JW302"))
    }

    /// TR332. Before: the allocation silently moved to the other client.
    @Test func anAllocationNumberGivenToAnotherClientIsRefused9332() throws {
        let intake = try processor()
        _ = send(intake, allocation("TW1"))
        let answer = send(intake, allocation("TW2", bsn: "999900018", decided: "2026-02-01"))
        #expect(RetourClasses(answer) == .refused("9332"))
        #expect(try valid(answer, "JW302"))
        let held = try intake.database.writer.read {
            try AllocationStore.find($0, gemeente: "0268", aanbieder: "12345678", toewijzingNummer: "5001")
        }
        #expect(held?.bsn == "999900006")
    }

    /// IV013. Before: the allocation received last won.
    @Test func theAllocationDecidedLastWinsWhateverTheOrderOfArrival() throws {
        let intake = try processor()
        _ = send(intake, allocation("TW-NEW", decided: "2026-02-01", at: "10:00:00", einddatum: "2026-06-30"))
        let late = send(intake, allocation("TW-OLD", decided: "2026-02-01", at: "09:59:59", einddatum: "2026-12-31"))
        #expect(codes(late).isEmpty)
        let held = try intake.database.writer.read {
            try AllocationStore.find($0, gemeente: "0268", aanbieder: "12345678", toewijzingNummer: "5001")
        }
        #expect(held?.einddatum == Day(iso: "2026-06-30"))
        let recorded = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10)
        #expect(recorded.count == 1)  // the older decision is not published as the current allocation
    }

    /// CS058/OP033x2. Before: taken as a correction.
    @Test func statusAanlevering2IsRefused0001() throws {
        let intake = try processor()
        _ = start(intake, "S1")
        let answer = start(intake, "S2", status: "2")
        #expect(codes(answer) == ["0001"])
        #expect(try valid(answer, "JW306"))
    }

    /// OP377/OP378. Before: 9074 for any second stop.
    @Test func aFinalStopMayFollowATemporaryStopButNotASecondTemporaryOne() throws {
        let intake = try processor()
        _ = start(intake, "S1")
        #expect(codes(stop(intake, "T1", end: "2026-04-10", reden: "20")).isEmpty)
        #expect(RetourClasses(stop(intake, "T2", end: "2026-04-12", reden: "20")) == .refused("9413"))  // TR413
        #expect(RetourClasses(stop(intake, "T3", end: "2026-04-09", reden: "31")) == .refused("9414"))  // TR414
        // TR074: the same stop.
        #expect(RetourClasses(stop(intake, "T4", end: "2026-04-10", reden: "20")) == .refused("9074"))
        let final = stop(intake, "T5", end: "2026-04-30", reden: "31")
        #expect(codes(final).isEmpty)
        #expect(try valid(final, "JW308"))
        #expect(RetourClasses(stop(intake, "T6", end: "2026-05-01", reden: "32")) == .refused("9415"))  // TR415
    }

    /// OP379. Before: 9415.
    @Test func aNewStartMayFollowAFinalStop() throws {
        let intake = try processor()
        _ = start(intake, "S1")
        _ = stop(intake, "T1", end: "2026-04-10", reden: "31")
        let again = CareFixture.start(
            identificatie: "S2", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: Day(iso: "2026-04-20")!)])
        #expect(codes(send(intake, again)).isEmpty)
    }

    /// TR063 and TR071. Before: 9019 for both.
    @Test func withdrawingWhatWasNeverSentIs9063AndAStartWithAStopIs9071() throws {
        let intake = try processor()
        #expect(RetourClasses(start(intake, "S0", status: "3")) == .refused("9063"))
        #expect(RetourClasses(stop(intake, "T0", end: "2026-04-10", reden: "31", status: "3")) == .refused("9063"))
        _ = start(intake, "S1")
        _ = stop(intake, "T1", end: "2026-04-10", reden: "31")
        let answer = start(intake, "S2", status: "3")
        #expect(RetourClasses(answer) == .refused("9071"))
        #expect(try valid(answer, "JW306"))
    }

    /// TR382. Before: 9019 for a stop whose start is unknown.
    @Test func aStopWhoseKeyDiffersFromItsStartIs9069() throws {
        let intake = try processor()
        _ = start(intake, "S1")
        let other = CareFixture.stop(
            identificatie: "T1", dagtekening: today, ontvanger: "0209",
            products: [
                .init(toewijzing: "5001", begindatum: Day(iso: "2026-04-04")!, einddatum: Day(iso: "2026-04-10")!)
            ])
        #expect(RetourClasses(send(intake, other)) == .refused("9069"))
    }

    /// IV028. Before: an approved retour carried 0200 in its header.
    @Test func anApprovedRetourIsAHeaderWithoutRetourCodes() throws {
        let intake = try processor()
        let answer = start(intake, "S1")
        #expect(!answer.contains("RetourCode"))
        #expect(try valid(answer, "JW306"))
    }

    /// TR383. Before: the second product was 9074.
    @Test func aReferentieAanbiederTwiceInOneRequestIsRefused0001() throws {
        let intake = try processor()
        let one = String(
            decoding: CareFixture.request(
                identificatie: "V1", dagtekening: today, ontvanger: "0209", referentie: "AANVRAAG-1",
                verwijzerType: "02",
                ingangsdatum: today), as: UTF8.self)
        let product = one.components(separatedBy: "<jw315:AangevraagdeProducten>")[1]
            .components(separatedBy: "</jw315:AangevraagdeProducten>")[0]
        let twice = one.replacingOccurrences(of: product, with: product + product)
        let answer = send(intake, Data(twice.utf8))
        #expect(codes(answer) == ["0001"])
        #expect(try valid(answer, "JW316"))
    }
}

extension RuleTableAnswerTests {
    /// TR381 with a product code list for 0209: a line or product whose code is not in
    /// the list for its category gets S329.
    @Test func aProductCodeOutsideTheGemeentesListIsS329() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        let intake = IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"), knownGemeenten: ["0209"],
            productCodes: try ProductCodeList.parse("0209;45;45A03\n"), requireAuthentication: false,
            clock: { now }, logger: Logger(label: "test"))
        var misfit = line("R2", toewijzing: "7002")
        misfit.productCode = "45A04"
        let answer = send(intake, declaration("M1", [line("R1"), misfit]))
        // Header 0200; the line S329 under its Client (0200); the DeclaratieAntwoord 0200.
        #expect(codes(answer) == ["0200", "S329", "0200", "0200"])
        #expect(answer.contains("<ijw:ReferentieNummer>R2</ijw:ReferentieNummer>"))
        #expect(!answer.contains("<ijw:ReferentieNummer>R1</ijw:ReferentieNummer>"))
        #expect(try valid(answer, "JW325"))
        let start = String(
            decoding: CareFixture.start(
                identificatie: "S1", dagtekening: today, ontvanger: "0209",
                products: [.init(toewijzing: "5001", begindatum: april3)]), as: UTF8.self
        ).replacingOccurrences(of: "<ijw:Categorie>45</ijw:Categorie>", with: "<ijw:Categorie>41</ijw:Categorie>")
        let refused = send(intake, Data(start.utf8))
        #expect(RetourClasses(refused) == .refused("S329"))
        #expect(try valid(refused, "JW306"))
    }
}

extension RuleTableAnswerTests {
    /// CD067: a huisarts (02) without a ZorgverlenerCode must be named. Before: taken.
    @Test func aRequestBreakingAFieldConditionIsRefused0001() throws {
        let intake = try processor()
        let named = CareFixture.request(
            identificatie: "V1", dagtekening: today, ontvanger: "0209", referentie: "AANVRAAG-1", verwijzerType: "02",
            ingangsdatum: today)
        #expect(codes(send(intake, named)).isEmpty)
        let unnamed = String(
            decoding: CareFixture.request(
                identificatie: "V2", dagtekening: today, ontvanger: "0209", referentie: "AANVRAAG-2",
                verwijzerType: "02", ingangsdatum: today), as: UTF8.self
        ).replacingOccurrences(of: "<ijw:Naam>Verwijzer</ijw:Naam>", with: "")
        let answer = send(intake, Data(unnamed.utf8))
        #expect(codes(answer) == ["0001"])
        #expect(try valid(answer, "JW316"))
    }
}
