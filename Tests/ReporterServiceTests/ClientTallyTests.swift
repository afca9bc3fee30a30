import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import ReporterService

/// The area's figures are counted client by client as SQLite hands the rows over in client
/// order (`ClientTally`): a client in two care types is one client in all, its first and
/// its last client count as any other, and its units add up across care types.
@Suite struct ClientTallyTests {
    @Test func aClientInTwoCareTypesIsOneClientInAll() async throws {
        let core = ReporterCore(database: try .inMemory())
        var events: [LoggedEvent] = []
        func add(_ line: DeclaredLine) throws {
            events.append(
                LoggedEvent(
                    seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line).encoded()))
        }
        let lines = IndicatorTests()
        // Five clients, each in ambulant care (45) in April and June and in day treatment
        // (41) in May; the stand's month is June, with care of type 45 only.
        for (i, client) in ["a", "b", "c", "d", "e"].enumerated() {
            let id = Int64(i * 10)
            try add(lines.line(id + 1, client: client, categorie: "45", month: 4, cents: 10_000, volume: 4))
            try add(lines.line(id + 2, client: client, categorie: "41", month: 5, cents: 30_000, volume: 3))
            try add(lines.line(id + 3, client: client, categorie: "45", month: 6, cents: 5_000, volume: 2))
        }
        try core.intakeSink().apply(events)
        let figures = try await core.database.indicators(
            period: Period(parsing: "2026-Q2")!, gemeente: "0268", asOf: Day(iso: "2026-06-30")!)
        let types = Dictionary(uniqueKeysWithValues: figures.zorgsoorten.map { ($0.categorie, $0) })
        let ambulant = try #require(types["45"])
        let day = try #require(types["41"])
        #expect([ambulant.uniekeClienten, ambulant.instroom, ambulant.stand] == ["5", "5", "5"])
        #expect([day.uniekeClienten, day.instroom, day.stand] == ["5", "5", "0"])
        #expect(ambulant.kosten == 75_000 && ambulant.volumePerClient == "6,0")
        #expect(day.kosten == 150_000 && day.volumePerClient == "3,0")
        // In all: five clients, not ten; each with 9 units and € 450,00.
        let all = figures.totaal
        #expect([all.uniekeClienten, all.instroom, all.stand] == ["5", "5", "5"])
        #expect(all.kosten == 225_000 && all.kostenPerClient == 45_000 && all.volumePerClient == "9,0")
        #expect(all.volumePerEenheid.map { "\($0.eenheid) \($0.clienten) \($0.perClient ?? "-")" } == ["04 5 9,0"])
        #expect(figures.kostenconcentratie.first?.clienten == "<5")
    }

    /// The whole installation (no gemeente): five clients in care since May 2025, each in
    /// ambulant care (45) in one gemeente and in day treatment (41) in another, both ended
    /// in June 2026. Counted once each in all, though twice over care types and gemeenten.
    @Test func theWholeInstallationCountsAClientOnceAcrossGemeentenAndCareTypes() async throws {
        let core = ReporterCore(database: try .inMemory())
        var events: [LoggedEvent] = []
        func add<E: EventBody>(_ body: E) throws {
            events.append(LoggedEvent(seq: Int64(events.count + 1), kind: E.kind.rawValue, body: try body.encoded()))
        }
        for client in ["a", "b", "c", "d", "e"] {
            for (gemeente, categorie) in [("0268", "45"), ("0344", "41")] {
                var month = Month("2025-05")!
                while month <= Month("2026-06")! {
                    try add(
                        LineAccepted(
                            line: DeclaredLine(
                                lineID: Int64(events.count + 1), aanbieder: "12345678", gemeente: gemeente,
                                client: client, referentieNummer: "R\(events.count + 1)", vorigReferentieNummer: nil,
                                toewijzingNummer: "T-\(client)-\(categorie)", productCategorie: categorie,
                                productCode: nil, periodStart: month.firstDay, periodEnd: month.lastDay, volume: 2,
                                eenheid: "04", tariffCents: 1_000, amountCents: 2_000, declaratieNummer: "DN",
                                receivedOn: month.next.firstDay)))
                    month = month.next
                }
                try add(
                    CareStopped(
                        gemeente: gemeente, aanbieder: "12345678", client: client,
                        toewijzingNummer: "T-\(client)-\(categorie)", begindatum: Day(iso: "2025-05-01")!,
                        einddatum: Day(iso: "2026-06-30")!, redenBeeindiging: "31", withdrawn: false,
                        productCategorie: categorie))
            }
        }
        try core.intakeSink().apply(events)
        let figures = try await core.database.indicators(
            period: Period(parsing: "2026-Q2")!, area: .all, asOf: Day(iso: "2026-06-30")!)
        #expect(figures.gemeente == nil && figures.regio == nil)
        let types = figures.zorgsoorten.map {
            "\($0.categorie) \($0.uniekeClienten) \($0.instroom) \($0.uitstroom) \($0.stand) \($0.langdurig)"
        }
        #expect(types == ["41 5 0 5 5 5", "45 5 0 5 5 5"])
        let all = figures.totaal
        #expect(
            [all.uniekeClienten, all.instroom, all.uitstroom, all.stand, all.langdurig] == ["5", "0", "5", "5", "5"])
        // Three months of 2 × € 20,00 in each care type: € 120,00 a client, 12 units.
        #expect(all.kosten == 60_000 && all.kostenPerClient == 12_000 && all.volumePerClient == "12,0")
        // One gemeente alone: its care type only.
        let one = try await core.database.indicators(
            period: Period(parsing: "2026-Q2")!, gemeente: "0344", asOf: Day(iso: "2026-06-30")!)
        #expect(one.zorgsoorten.map(\.categorie) == ["41"] && one.totaal.uniekeClienten == "5")
    }
}
