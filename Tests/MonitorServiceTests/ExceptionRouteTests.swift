import Contracts
import Domain
import Foundation
import Logging
import Messaging
import Testing

@testable import MonitorService

/// Exception routes as configured: the Regieteams exempt by their name by default, as in
/// Nijmegen; a gemeente's own route by referrer type or team; a hand mark by any route's
/// name, and a clear refusal for a name that is no route.
@Suite struct ExceptionRouteTests {
    let stops = StopTests()

    func core(routes: ExceptionRoutes = .nijmegen) throws -> MonitorCore {
        try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) }, routes: routes,
            logger: Logger(label: "test"))
    }

    func referred(_ seq: Int64, client: String, type: String, team: String?) throws -> LoggedEvent {
        let referral = ReferralRequested(
            gemeente: "0268", aanbieder: "12345678", client: client, referentieAanbieder: "R-\(client)",
            productCategorie: "45", productCode: "45A03", toewijzingIngangsdatum: Day(iso: "2026-03-01")!,
            verwijzerType: type, verwijzerTeam: team)
        return LoggedEvent(seq: seq, kind: ReferralRequested.kind.rawValue, body: try referral.encoded())
    }

    func flagged(_ core: MonitorCore) throws -> [String] {
        try stops.base.outbox(core).filter { $0.kind == "inflow.during.stop" }.map {
            try InflowDuringStop.decoded(from: $0.body).client
        }
    }

    @Test func aRegieteamReferralEntersDuringAStopWithoutAHandMark() throws {
        let core = try core()
        _ = try stops.base.addNorm(core)
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "overschrijding dreigt"))
        try core.intakeSink(afterCommit: {}).apply([
            try referred(1, client: "p-regie", type: "01", team: "Regieteam Oost"),
            try stops.started(2, client: "p-regie", toewijzing: "81"),
            try referred(3, client: "p-wijk", type: "01", team: "Sociaal Wijkteam"),
            try stops.started(4, client: "p-wijk", toewijzing: "82"),
        ])
        #expect(try flagged(core) == ["p-wijk"])
    }

    @Test func aGemeentesOwnRoutesAndHandMarks() throws {
        let routes = ExceptionRoutes([
            .init(name: "Jeugdbescherming", verwijzerTypes: ["04"]), .init(name: "Expertteam", teams: ["Expertteam"]),
        ])
        let core = try core(routes: routes)
        _ = try stops.base.addNorm(core)
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "overschrijding dreigt"))
        // A hand mark by a configured name, in any case; CPV is no route of this gemeente.
        try core.exempt(
            ExemptRequest(toewijzingNummer: "90", reason: ExemptionReason(rawValue: "expertteam")!, by: "K"))
        #expect(throws: MonitorError.self) {
            try core.exempt(ExemptRequest(toewijzingNummer: "91", reason: .cpv, by: "K"))
        }
        try core.intakeSink(afterCommit: {}).apply([
            try referred(1, client: "p-gi", type: "04", team: nil),
            try stops.started(2, client: "p-gi", toewijzing: "83"),
            try referred(3, client: "p-et", type: "01", team: "Expertteam Zuid"),
            try stops.started(4, client: "p-et", toewijzing: "84"),
            try stops.started(5, client: "p-hand", toewijzing: "90"),
            // Regieteam is not this gemeente's route.
            try referred(6, client: "p-regie", type: "01", team: "Regieteam Oost"),
            try stops.started(7, client: "p-regie", toewijzing: "85"),
        ])
        #expect(try flagged(core) == ["p-regie"])
        // The refusal names the routes there are.
        do {
            try core.exempt(ExemptRequest(toewijzingNummer: "92", reason: .ret, by: "K"))
        } catch let error as MonitorError {
            #expect(error.message == "geen uitzonderingsroute \"RET\"; bekend: Expertteam, Jeugdbescherming")
        }
    }
}
