import Domain
import Foundation
import IJW

/// A year of monthly declarations from the demo's providers, generated month by month so
/// the demo can react between months (impose a stop, record an exemption). Every client
/// has a valid BSN (11-test) that exists only here and in intake.
struct DemoYear {
    struct Client {
        var number: Int
        var bsn: String
        var gemeente: String
        var toewijzing: String
    }

    struct SentLine {
        var client: Client
        var line: DeclarationLine
    }

    let setting: DemoSetting
    let year: Int
    private var random: DemoRandom
    private var nextClient = 0
    private(set) var clients: [[Client]]
    /// Last month's lines per provider, for corrections.
    private var previous: [[SentLine]]
    private var messageCount = 0
    /// Net cents declared so far (debits − credits): the figure reporter must reach.
    private(set) var netCents: Int64 = 0
    private(set) var lines = 0
    /// Providers that take no new clients (a stop in force), except the scenario's two.
    var paused: Set<Int> = []
    /// Providers working through a plan van aanpak: more clients finish or step down to
    /// basic help each month ("afschaling, terugverwijzing, verkorting van trajecten").
    var reducing: Set<Int> = []
    /// New clients the scenario brings in next month at a provider, with their allocation.
    var scriptedArrivals: [Int: [String]] = [:]
    /// The scripted clients who arrived this month, for their start-of-care message.
    private(set) var arrivedScripted: [(provider: Int, client: Client)] = []
    /// The months of the CPV's grant of extra hours (February–April).
    static let approvedMonths = 2...4

    /// The allocation of a provider's first client, who stays all year (`churn`).
    func firstAllocation(of provider: Int) -> String? { clients[provider].first?.toewijzing }

    /// A VDB client last in care in January of the year before, back in February: twelve
    /// months without care, so "(opnieuw) in zorg" for the instroomtarget. Numbered apart
    /// from the others (no draw from the seeded sequence, so the rest of the year is the same).
    let returning: Client
    static let returningMonths = (away: 1, back: 2)

    init(setting: DemoSetting, year: Int, seed: UInt64) {
        self.setting = setting
        self.year = year
        random = DemoRandom(seed: seed ^ 0x5EED)
        var number = 11_900
        while BSN.synthetic(number) == nil { number += 1 }
        returning = Client(number: number, bsn: BSN.synthetic(number)!, gemeente: "0268", toewijzing: String(number))
        clients = Array(repeating: [], count: setting.providers.count)
        previous = Array(repeating: [], count: setting.providers.count)
        for index in setting.providers.indices {
            for _ in 0..<setting.providers[index].clients { clients[index].append(newClient()) }
        }
    }

    private mutating func newClient(toewijzing: String? = nil) -> Client {
        var bsn: String?
        repeat {
            nextClient += 1
            bsn = BSN.synthetic(nextClient)
        } while bsn == nil
        var pick = random.next(in: 1...100)
        var gemeente = DemoSetting.gemeenten[0].code
        for candidate in DemoSetting.gemeenten {
            if pick <= candidate.share {
                gemeente = candidate.code
                break
            }
            pick -= candidate.share
        }
        return Client(
            number: nextClient, bsn: bsn!, gemeente: gemeente, toewijzing: toewijzing ?? String(nextClient))
    }

    /// The month's declarations, one JW323 per provider and gemeente, in the order the
    /// providers' systems send them. The late declarer holds March back until May: by then
    /// it has declared April, so March's lines ride along in its May declarations (IV090:
    /// belated care goes in the next DeclaratiePeriode, never one before the latest, TR318);
    /// their ProductPeriode stays March.
    mutating func declarations(for month: Month, today: Day) -> [(provider: Int, document: Data)] {
        var documents: [(Int, Data)] = []
        arrivedScripted = []
        if month == Month(year: year - 1, month: 12) {
            // The returning client's last care, long before the replay's months (not in
            // `netCents`, which counts from December on).
            documents.append((DemoSetting.returning, returningHistory(today: today)))
        }
        if month == Month(year: year, month: Self.returningMonths.back) {
            clients[DemoSetting.returning].append(returning)
        }
        for index in setting.providers.indices {
            let provider = setting.providers[index]
            churn(index, provider: provider)
            var sent: [SentLine] = []
            var byGemeente: [String: [DeclaredClient]] = [:]
            var cents: [String: Int64] = [:]
            for (position, client) in clients[index].enumerated() {
                var volume = random.next(in: provider.care.volume)
                // One VDB client far above 18 hours a week in March and May: not incidental.
                if index == DemoSetting.intensive && position == 0 && month.year == year
                    && [3, 5].contains(month.month)
                {
                    volume = 92
                }
                // Another VDB client above 18 hours a week in February–April, within the 6 hours a
                // week more the CPV granted: 95 hours in February, 96 allowed (24 × 28 / 7).
                if index == DemoSetting.approvedIntensive && position == 0 && month.year == year
                    && Self.approvedMonths.contains(month.month)
                {
                    volume = 95
                }
                let line = DeclarationLine(
                    referentieNummer: "R\(month.month)-\(client.number)", vorigReferentieNummer: nil,
                    toewijzingNummer: client.toewijzing, productCategorie: provider.care.categorie,
                    productCode: provider.care.productCode, productPeriode: .month(month), geleverdVolume: volume,
                    eenheid: provider.care.eenheid, productTarief: provider.care.tariff,
                    ingediendBedrag: volume * provider.care.tariff, debetCredit: .debet)
                sent.append(SentLine(client: client, line: line))
                byGemeente[client.gemeente, default: []].append(DeclaredClient(bsn: client.bsn, lines: [line]))
                cents[client.gemeente, default: 0] += line.ingediendBedrag
                lines += 1
            }
            // Corrections: every month from March, three of last month's lines of one
            // provider are credited and declared again with two hours less.
            if index == 5 && month.year == year && month.month >= 3 {
                for old in previous[index].prefix(3) {
                    var credit = old.line
                    credit.referentieNummer = "C\(month.month)-\(old.client.number)"
                    credit.vorigReferentieNummer = old.line.referentieNummer
                    credit.debetCredit = .credit
                    var again = old.line
                    again.referentieNummer = "D\(month.month)-\(old.client.number)"
                    again.geleverdVolume = max(1, old.line.geleverdVolume - 2)
                    again.ingediendBedrag = again.geleverdVolume * (again.productTarief ?? 0)
                    byGemeente[old.client.gemeente, default: []].append(
                        DeclaredClient(bsn: old.client.bsn, lines: [credit, again]))
                    cents[old.client.gemeente, default: 0] += again.ingediendBedrag - credit.ingediendBedrag
                    lines += 2
                }
            }
            previous[index] = sent
            if index == DemoSetting.lateDeclarer && month.year == year {
                if month.month == 3 {
                    heldBack = (byGemeente, cents)
                    continue
                }
                if month.month == 5, let held = heldBack {
                    byGemeente.merge(held.clients, uniquingKeysWith: +)
                    cents.merge(held.cents, uniquingKeysWith: +)
                    heldBack = nil
                }
            }
            for gemeente in byGemeente.keys.sorted() {
                messageCount += 1
                let id = "DEMO\(String(format: "%06d", messageCount))"
                let document = JW323Writer.write(
                    .balanced(
                        afzender: provider.agb, ontvanger: gemeente, identificatie: id, dagtekening: today,
                        declaratieNummer: id, periode: month, clients: Self.oncePerClient(byGemeente[gemeente]!)))
                documents.append((index, document))
                netCents += cents[gemeente] ?? 0
            }
        }
        return documents
    }

    /// The late declarer's March, by gemeente, until it is sent with May.
    private var heldBack: (clients: [String: [DeclaredClient]], cents: [String: Int64])?

    /// Each client once, with all its lines (TR101 refuses a client twice in a message):
    /// a corrected or belated line joins the client's line of the month.
    static func oncePerClient(_ clients: [DeclaredClient]) -> [DeclaredClient] {
        var merged: [DeclaredClient] = []
        var at: [String: Int] = [:]
        for client in clients {
            if let index = at[client.bsn] {
                merged[index].lines += client.lines
            } else {
                at[client.bsn] = merged.count
                merged.append(client)
            }
        }
        return merged
    }

    /// January of the year before, for the returning client.
    private mutating func returningHistory(today: Day) -> Data {
        let provider = setting.providers[DemoSetting.returning]
        let month = Month(year: year - 1, month: Self.returningMonths.away)!
        let volume = provider.care.volume.lowerBound
        let line = DeclarationLine(
            referentieNummer: "H-\(returning.number)", vorigReferentieNummer: nil,
            toewijzingNummer: returning.toewijzing, productCategorie: provider.care.categorie,
            productCode: provider.care.productCode, productPeriode: .month(month), geleverdVolume: volume,
            eenheid: provider.care.eenheid, productTarief: provider.care.tariff,
            ingediendBedrag: volume * provider.care.tariff, debetCredit: .debet)
        messageCount += 1
        lines += 1
        let id = "DEMO\(String(format: "%06d", messageCount))"
        return JW323Writer.write(
            .balanced(
                afzender: provider.agb, ontvanger: returning.gemeente, identificatie: id, dagtekening: today,
                declaratieNummer: id, periode: month,
                clients: [DeclaredClient(bsn: returning.bsn, lines: [line])]))
    }

    /// Clients leave and arrive; a provider under a stop takes only the scripted arrivals.
    private mutating func churn(_ index: Int, provider: DemoSetting.Provider) {
        guard !clients[index].isEmpty else { return }
        // The first client stays all year (the scenario's intensive VDB client is one).
        let percent = random.next(in: reducing.contains(index) ? 16...24 : 2...5)
        let leaving = min(clients[index].count * percent / 100, clients[index].count - 1)
        clients[index].removeSubrange(1..<(1 + leaving))
        if let scripted = scriptedArrivals.removeValue(forKey: index) {
            for toewijzing in scripted {
                let client = newClient(toewijzing: toewijzing)
                clients[index].append(client)
                arrivedScripted.append((index, client))
            }
            return
        }
        guard !paused.contains(index) else { return }
        let arriving = leaving + clients[index].count * provider.growthPercent / 100
        for _ in 0..<max(0, arriving) { clients[index].append(newClient()) }
    }
}
