import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import IJW
import Logging
import Messaging
import Storage
import Testing

@testable import IntakeService

/// Starts, stops and requests for allocations, with their retourcodes.
@Suite struct CareIntakeTests {
    let today = Day(iso: "2026-05-10")!
    let april3 = Day(iso: "2026-04-03")!
    let april20 = Day(iso: "2026-04-20")!

    /// 0268 sends its allocations (9019 applies); 0209 does not.
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

    func codes(_ answer: String) -> [String] {
        answer.components(separatedBy: "RetourCode>").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.components(separatedBy: "<")[0]
        }
    }

    func start(
        _ intake: IntakeProcessor, _ id: String, _ begin: Day, gemeente: String = "0209", status: String = "1",
        toewijzing: String = "5001"
    ) -> String {
        send(
            intake,
            CareFixture.start(
                identificatie: id, dagtekening: today, ontvanger: gemeente,
                products: [.init(toewijzing: toewijzing, begindatum: begin, status: status)]))
    }

    func stop(_ intake: IntakeProcessor, _ id: String, _ begin: Day, end: Day, reden: String = "31") -> String {
        send(
            intake,
            CareFixture.stop(
                identificatie: id, dagtekening: today, ontvanger: "0209",
                products: [.init(toewijzing: "5001", begindatum: begin, einddatum: end, reden: reden)]))
    }

    func kinds(_ intake: IntakeProcessor) throws -> [String] {
        try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 100).map(\.kind)
    }

    @Test func aStartIsTakenPublishedWithoutTheBSNAndAnsweredWithAValidJW306() throws {
        let intake = try processor()
        let answer = start(intake, "S1", april3)
        #expect(codes(answer).isEmpty)  // IV028: approved, a header without RetourCodes
        #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: "JW306") == nil)
        let events = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10)
        #expect(events.map(\.kind) == ["care.started"])
        #expect(!String(decoding: events[0].body, as: UTF8.self).contains("999900006"))
        #expect(start(intake, "S1", april3) == answer)  // identical resend
        #expect(RetourClasses(start(intake, "S2", april3)) == .refused("9074"))  // same key again
        #expect(RetourClasses(start(intake, "S3", april20)) == .refused("9326"))  // the first start was not stopped
    }

    @Test func stopsFollowTheirStartsAndANewStartMayFollowAnyStop() throws {
        let intake = try processor()
        // TR382: no start with this key.
        #expect(RetourClasses(stop(intake, "T0", april3, end: april20)) == .refused("9069"))
        _ = start(intake, "T1", april3)
        let answer = stop(intake, "T2", april3, end: Day(iso: "2026-04-10")!, reden: "20")
        #expect(codes(answer).isEmpty)
        #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: "JW308") == nil)
        #expect(codes(start(intake, "T3", april20)).isEmpty)  // after a temporary stop (OP379)
        #expect(codes(stop(intake, "T4", april20, end: Day(iso: "2026-05-01")!, reden: "31")).isEmpty)
        #expect(
            RetourClasses(stop(intake, "T5", april20, end: Day(iso: "2026-05-02")!, reden: "32")) == .refused("9415"))
        #expect(codes(start(intake, "T6", Day(iso: "2026-05-05")!)).isEmpty)  // after a final stop (OP379)
        let stopped = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 100)
            .filter { $0.kind == "care.stopped" }.map { try CareStopped.decoded(from: $0.body) }
        #expect(stopped.map(\.temporary) == [true, false])
    }

    @Test func aStartMustBelongToAnAllocationWhereAllocationsComeToPlafond() throws {
        let intake = try processor()
        #expect(RetourClasses(start(intake, "A1", april3, gemeente: "0268")) == .refused("9019"))
        let allocation = JW301Fixture(
            identificatie: "TW-1", dagtekening: Day(iso: "2026-01-02")!,
            products: [.init(toewijzing: "5001", ingangsdatum: Day(iso: "2026-01-01")!)])
        _ = send(intake, allocation.data)
        #expect(codes(start(intake, "A2", april3, gemeente: "0268")).isEmpty)
    }

    @Test func aRefusedMessageKeepsNothingOfItsOtherProducts() throws {
        let intake = try processor()
        let both = CareFixture.start(
            identificatie: "B1", dagtekening: today, ontvanger: "0209",
            products: [
                .init(toewijzing: "6001", begindatum: april3),
                .init(toewijzing: "6002", begindatum: april3, status: "3"),  // withdraws what was never sent
            ])
        #expect(RetourClasses(send(intake, both)) == .refused("9063", others: 1))
        #expect(try kinds(intake).isEmpty)
        #expect(codes(start(intake, "B2", april3, toewijzing: "6001")).isEmpty)  // nothing of B1 was kept
    }

    @Test func withdrawingAStartRemovesIt() throws {
        let intake = try processor()
        _ = start(intake, "W1", april3)
        #expect(codes(start(intake, "W2", april3, status: "3")).isEmpty)
        #expect(codes(start(intake, "W3", april20)).isEmpty)  // no open start any more
    }

    @Test func aRequestForAnAllocationCarriesTheReferrer() throws {
        let intake = try processor()
        let request = CareFixture.request(
            identificatie: "R1", dagtekening: today, referentie: "AANVRAAG-7", verwijzerType: "02", ingangsdatum: today)
        let answer = send(intake, request)
        #expect(codes(answer).isEmpty)
        #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: "JW316") == nil)
        let event = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10)[0]
        let referral = try ReferralRequested.decoded(from: event.body)
        #expect(referral.verwijzerType == "02" && referral.referentieAanbieder == "AANVRAAG-7")
        let again = CareFixture.request(
            identificatie: "R2", dagtekening: today, referentie: "AANVRAAG-7", verwijzerType: "02", ingangsdatum: today)
        #expect(RetourClasses(send(intake, again)) == .refused("9347"))  // TR347
        #expect(referral.verwijzerTeam == nil)  // a huisarts is a person: only the type is kept
    }

    /// The gemeente's own team (type 01) is kept by name, for the referrer shares and the
    /// exception routes; a name with a BSN in it is not kept, so the event carries none.
    @Test func aGemeenteTeamIsKeptByNameButNeverABSN() throws {
        let intake = try processor()
        for (i, naam) in ["  Regieteam   Oost ", "Wijkteam 999900006"].enumerated() {
            let request = CareFixture.request(
                identificatie: "T\(i)", dagtekening: today, referentie: "TEAM-\(i)", verwijzerType: "01",
                ingangsdatum: today, verwijzerNaam: naam)
            #expect(codes(send(intake, request)).isEmpty)
        }
        let events = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10)
        let teams = try events.map { try ReferralRequested.decoded(from: $0.body).verwijzerTeam }
        #expect(teams == ["Regieteam Oost", nil])
        #expect(!events.contains { String(decoding: $0.body, as: UTF8.self).contains("999900006") })
    }
}
