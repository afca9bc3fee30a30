import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// `GET /api/indicators?periode=2026-Q2[&gemeente=0268]`: the measures of use from
/// DOMAIN.md for one period, as published: every count of clients below five is "<5",
/// and per-client averages are left out (null) when fewer than five clients share them.
public struct Indicators: Codable, Sendable, Equatable {
    public var periode: String
    public var gemeente: String?
    /// The regio's name when the figures cover a regio's member gemeenten.
    public var regio: String?
    /// Per care type (product category), and `totaal` over all of them.
    public var zorgsoorten: [CareType]
    public var totaal: CareType
    public var trajecten: Trajectories
    public var redenenBeeindiging: [Count]
    public var verwijzers: [Share]
    /// Providers with a norm of each instrument active in the period (not people: exact).
    public var aanbiedersPerInstrument: [String: Int]
    public var meldingenGevuurd: Int
    public var meldingenOpgelost: Int
    public var stopsOpgelegd: Int
    public var stopsOpgeheven: Int
    public var instroomTijdensStop: String
    /// CPV decisions on the area's norms in the period, granted and refused ("<5" below five).
    public var cpvToegekend: String
    public var cpvAfgewezen: String
    /// The day the figures are taken at: the report's date, or the period's end when it
    /// has passed. "Stand" counts the clients in care then, not at the period's end.
    public var peildatum: Day
    /// The month of care the stand is taken from: the peildatum's month, or, while its
    /// declarations are not in yet, the latest month before it that has them.
    public var standMaand: String?
    /// The share of costs of the costliest 1%, 5% and 10% of clients.
    public var kostenconcentratie: [Concentration]
    /// Per norm under the 105% rule: the clients taken on above budget (pseudonyms and
    /// allocation numbers, for the gemeente; never a BSN).
    public var bovenbegrotelijk: [OverBudgetIntake] = []
    /// `[reporter] duur_signaal_maanden`: the length of care beyond which `langdurig` counts.
    public var duurSignaalMaanden: Int = 12

    public struct Concentration: Codable, Sendable, Equatable {
        public var percentage: Int
        /// Clients in the group, as published ("<5").
        public var clienten: String
        /// Their share of the costs, "23,4%"; "–" for a group under five clients (the
        /// share and the total would give away one child's costs).
        public var aandeel: String
    }

    public struct CareType: Codable, Sendable, Equatable {
        public var categorie: String
        public var naam: String
        /// Clients arriving in this care type in the period: the first time, or again after
        /// `instroom_gap_months` without care in it.
        public var instroom: String
        /// Clients whose care ended (a final stop) in the period.
        public var uitstroom: String
        /// Clients in care on the peildatum: care declared in its month (`standMaand`).
        public var stand: String
        /// Clients with care declared in any month of the period.
        public var uniekeClienten: String
        public var kosten: Int64
        public var kostenPerClient: Int64?
        /// Units per client, one decimal, Dutch comma, when the care type is declared in
        /// one unit; absent when in several (see `volumePerEenheid`).
        public var volumePerClient: String?
        /// Per unit (WJ756): the clients declared in it and their volume per client.
        public var volumePerEenheid: [UnitVolume] = []
        /// The same counts per product code in this care type (none for the total).
        public var producten: [Product] = []
        /// Clients in care in the stand's month at one provider for longer than
        /// `duurSignaalMaanden`, counted from their arrival (a signal, not a verdict).
        public var langdurig: String = "0"
    }

    /// Instroom, uitstroom and stand of one product in a care type, counted as for the
    /// care type: arrivals by the gap rule in this product, ends of care under an
    /// allocation for it, clients with care in it declared in the stand's month.
    public struct Product: Codable, Sendable, Equatable {
        /// The product code; "" for care declared per category without one.
        public var code: String
        public var instroom: String
        public var uitstroom: String
        public var stand: String
        public var uniekeClienten: String
        public var kosten: Int64
    }

    public struct UnitVolume: Codable, Sendable, Equatable {
        public var eenheid: String
        public var naam: String
        public var clienten: String
        /// One decimal, Dutch comma; absent for fewer than five clients.
        public var perClient: String?
    }

    public struct Trajectories: Codable, Sendable, Equatable {
        public var beeindigd: String
        public var gemiddeldeDuurDagen: Int?
        /// Share of ended trajectories that lasted at most six months (183 days), "55,0%".
        public var aandeelBinnenZesMaanden: String?
    }

    public struct Count: Codable, Sendable, Equatable {
        public var code: String
        public var aantal: String
    }

    public struct Share: Codable, Sendable, Equatable {
        public var code: String
        /// For the gemeente's own teams (type 01): the team that referred, when the
        /// request named it; absent for other referrer types.
        public var team: String?
        public var aantal: String
        /// "–" when the group or the whole is under five: with the share and the other
        /// groups published, a small group's count could be worked back.
        public var aandeel: String
    }
}

extension ReporterDatabase {
    public func indicators(period: Period, gemeente: String?, asOf: Day? = nil) async throws -> Indicators {
        try await indicators(period: period, area: gemeente.map(ReportArea.gemeente) ?? .all, asOf: asOf)
    }

    public func indicators(period: Period, area: ReportArea, asOf: Day? = nil) async throws -> Indicators {
        let asOf = Self.peildatum(asOf, period: period, today: today())
        return try await writer.read { db in
            try IndicatorQuery(
                db: db, period: period, area: area, norms: normDefinitions.all(db), asOf: asOf, arrivals: arrivals,
                durationSignalMonths: durationSignalMonths
            ).run()
        }
    }

    /// The day a period's figures are taken at: the one asked for, else today while the
    /// period runs, else its last day; never outside the period.
    static func peildatum(_ asked: Day?, period: Period, today: Day) -> Day {
        min(max(asked ?? today, period.start), period.end)
    }
}

/// Computes `Indicators` from the read model inside one read transaction.
struct IndicatorQuery {
    let db: Database
    let period: Period
    let area: ReportArea
    /// Every norm's definition, from the same snapshot as `db`.
    let norms: [NormDefinition]
    /// The peildatum, inside the period.
    let asOf: Day
    /// When a client counts as (again) new: `instroom_gap_months`.
    let arrivals: CareArrivals
    /// `duur_signaal_maanden`.
    var durationSignalMonths = 12

    var from: String { period.start.iso }
    /// Up to the peildatum: a report made during the period covers the period so far.
    var to: String { asOf.iso }
    var gemeenteClause: String { area.sqlClause(column: "gemeente") }
    func arguments(_ values: [any DatabaseValueConvertible]) -> StatementArguments {
        StatementArguments(values + (area.gemeenten ?? []))
    }

    func run() throws -> Indicators {
        let months = period.months.map(\.description)
        let standMonth = try standMonth()
        let lastMonth = standMonth ?? ""
        // Per care type and client, in client order: a client's care types follow each other,
        // so its total over them is complete when the next client's rows begin.
        var declared: [String: ClientTally] = [:]
        var all = ClientTally()
        var costs: [Int64] = []
        var client = (cents: Int64(0), volume: Int64(0), inStand: false)
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT client, categorie, SUM(cents), SUM(volume), MAX(month = ? AND cents > 0)
                    FROM clientMonth WHERE month BETWEEN ? AND ?\(gemeenteClause)
                    GROUP BY client, categorie ORDER BY client
                    """),
            arguments: arguments([lastMonth, months.first ?? "", asOf.month.description]))
        try ClientRuns.walk(rows) { row in
            let (cents, volume, inStand): (Int64, Int64, Bool) = (row[2], row[3], row[4])
            declared[row[1], default: ClientTally()].add(cents: cents, volume: volume, inStand: inStand)
            client.cents += cents
            client.volume += volume
            client.inStand = client.inStand || inStand
        } clientEnded: {
            all.add(cents: client.cents, volume: client.volume, inStand: client.inStand)
            costs.append(client.cents)
            client = (0, 0, false)
        }
        let arrived = try careArrivals()
        let outflow = try endedClients()
        let categories = Set(declared.keys).union(arrived.byCategory.keys).union(outflow.byCategory.keys)
        let units = try unitFigures()
        let products = try productsByCategory(standMonth: standMonth, inflow: arrived.byProduct)
        let long = try longCare(standMonth: standMonth)
        let perCategory = categories.sorted().map { categorie in
            var careType = careType(
                categorie, declared: declared[categorie] ?? ClientTally(), inflow: arrived.byCategory[categorie] ?? 0,
                outflow: outflow.byCategory[categorie] ?? 0)
            Self.setUnits(&careType, units.perCareType.filter { $0.categorie == categorie })
            careType.producten = products[categorie] ?? []
            careType.langdurig = PublishedCount.text(Int64(long.byCategory[categorie] ?? 0))
            return careType
        }
        var totaal = careType("", declared: all, inflow: arrived.all, outflow: outflow.all)
        Self.setUnits(&totaal, units.all)
        totaal.langdurig = PublishedCount.text(Int64(long.all))
        return Indicators(
            periode: period.label, gemeente: area.gemeente, regio: area.regio, zorgsoorten: perCategory, totaal: totaal,
            trajecten: try trajectories(), redenenBeeindiging: try reasons(), verwijzers: try referrers(),
            aanbiedersPerInstrument: try providersPerInstrument(),
            meldingenGevuurd: try count("SELECT COUNT(*) FROM alert WHERE substr(firedAt, 1, 10) BETWEEN ? AND ?"),
            meldingenOpgelost: try count(
                "SELECT COUNT(*) FROM alert WHERE resolvedAt IS NOT NULL AND substr(resolvedAt, 1, 10) BETWEEN ? AND ?"
            ),
            stopsOpgelegd: try timelineCount("stop.imposed"), stopsOpgeheven: try timelineCount("stop.lifted"),
            instroomTijdensStop: PublishedCount.text(Int64(try timelineCount("inflow.during.stop"))),
            cpvToegekend: PublishedCount.text(Int64(try cpvCount(granted: true))),
            cpvAfgewezen: PublishedCount.text(Int64(try cpvCount(granted: false))),
            peildatum: asOf, standMaand: standMonth,
            kostenconcentratie: Self.concentration(costs),
            bovenbegrotelijk: try overBudgetIntake(), duurSignaalMaanden: durationSignalMonths)
    }

    /// The peildatum's month when its declarations are in; else the latest month of the
    /// period before it that has declarations in the area (declarations come a month late).
    private func standMonth() throws -> String? {
        try String.fetchOne(
            db,
            sql: "SELECT MAX(month) FROM clientMonth WHERE month BETWEEN ? AND ? AND cents > 0" + gemeenteClause,
            arguments: arguments([period.start.month.description, asOf.month.description]))
    }

    static func concentration(_ costs: [Int64]) -> [Indicators.Concentration] {
        (CostConcentration.groups(costs: costs) ?? []).map { group in
            Indicators.Concentration(
                percentage: group.percent, clienten: PublishedCount.text(Int64(group.clients)),
                aandeel: group.clients >= PublishedCount.threshold ? oneDecimal(group.shareTenths) + "%" : "–")
        }
    }

    private func careType(_ categorie: String, declared: ClientTally, inflow: Int, outflow: Int)
        -> Indicators.CareType
    {
        let enough = declared.active >= PublishedCount.threshold
        return Indicators.CareType(
            categorie: categorie.isEmpty ? "totaal" : categorie,
            naam: categorie.isEmpty ? "Alle zorgsoorten" : (ProductCategorie(categorie)?.name ?? categorie),
            instroom: PublishedCount.text(Int64(inflow)), uitstroom: PublishedCount.text(Int64(outflow)),
            stand: PublishedCount.text(Int64(declared.stand)),
            uniekeClienten: PublishedCount.text(Int64(declared.active)), kosten: declared.cents,
            kostenPerClient: enough ? declared.cents / Int64(declared.active) : nil,
            volumePerClient: enough ? Self.oneDecimal(declared.volume * 10 / Int64(declared.active)) : nil)
    }

    /// A unit's clients with a positive volume over the period so far, and that volume, in
    /// one care type (or in all together, where `categorie` is "").
    struct UnitFigure: Equatable {
        var categorie: String
        var eenheid: String
        var clients: Int64 = 0
        var volume: Int64 = 0

        /// One client's volume: a client with a positive volume counts.
        mutating func add(_ volume: Int64) {
            guard volume > 0 else { return }
            clients += 1
            self.volume += volume
        }
    }

    /// Per care type and unit, and per unit over all care types, from one read in client
    /// order, a client's volumes judged when its rows end (`ClientTally`): a country's
    /// period is millions of client-units, which as rows in memory (a client's pseudonym
    /// each) took hundreds of megabytes per request (docs/BENCHMARKS.md, stop 33). A unit
    /// counts where some client's volume in a care type is not zero, as a client's credits
    /// can outweigh its debits; only positive volumes count as clients.
    private func unitFigures() throws -> (perCareType: [UnitFigure], all: [UnitFigure]) {
        struct Key: Hashable {
            var categorie: String
            var eenheid: String
        }
        var perCareType: [Key: UnitFigure] = [:]
        var all: [String: UnitFigure] = [:]
        var clientUnits: [String: Int64] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT client, categorie, eenheid, SUM(volume) AS v FROM clientMonthUnit
                    WHERE month BETWEEN ? AND ?\(gemeenteClause)
                    GROUP BY client, categorie, eenheid HAVING v != 0 ORDER BY client
                    """),
            arguments: arguments([period.start.month.description, asOf.month.description]))
        try ClientRuns.walk(rows) { row in
            let key = Key(categorie: row[1], eenheid: row[2])
            let volume: Int64 = row[3]
            perCareType[key, default: UnitFigure(categorie: key.categorie, eenheid: key.eenheid)].add(volume)
            clientUnits[key.eenheid, default: 0] += volume
        } clientEnded: {
            for (eenheid, volume) in clientUnits {
                all[eenheid, default: UnitFigure(categorie: "", eenheid: eenheid)].add(volume)
            }
            clientUnits.removeAll(keepingCapacity: true)
        }
        return (Array(perCareType.values), Array(all.values))
    }

    /// The volume per client per unit; the single figure only when one unit is used.
    static func setUnits(_ careType: inout Indicators.CareType, _ figures: [UnitFigure]) {
        careType.volumePerEenheid = figures.sorted { $0.eenheid < $1.eenheid }.map { unit in
            Indicators.UnitVolume(
                eenheid: unit.eenheid, naam: Eenheid(rawValue: unit.eenheid)?.name ?? unit.eenheid,
                clienten: PublishedCount.text(unit.clients),
                perClient: unit.clients >= PublishedCount.threshold ? oneDecimal(unit.volume * 10 / unit.clients) : nil)
        }
        if figures.count > 1 { careType.volumePerClient = nil }
    }

    static func oneDecimal(_ tenths: Int64) -> String { "\(tenths / 10),\(abs(tenths % 10))" }

    /// Clients whose care ended in the period so far, per care type and in all (a client
    /// whose care of two types ended counts once in all), counted by SQLite.
    private func endedClients() throws -> (byCategory: [String: Int], all: Int) {
        let window = arguments([from, to])
        var byCategory: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT categorie, COUNT(DISTINCT client) FROM careEnd WHERE einddatum BETWEEN ? AND ?"
                + gemeenteClause + " GROUP BY categorie", arguments: window)
        {
            byCategory[row[0]] = row[1]
        }
        let all =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(DISTINCT client) FROM careEnd WHERE einddatum BETWEEN ? AND ?" + gemeenteClause,
                arguments: window) ?? 0
        return (byCategory, all)
    }

    private func trajectories() throws -> Indicators.Trajectories {
        let rows = try Trajectory.fetchAll(
            db, sql: "SELECT begindatum, einddatum FROM careEnd WHERE einddatum BETWEEN ? AND ?" + gemeenteClause,
            arguments: arguments([from, to]))
        let days = rows.compactMap { row -> Int? in
            guard let start = Day(iso: row.begindatum), let end = Day(iso: row.einddatum) else { return nil }
            return end.daysSince1970 - start.daysSince1970 + 1
        }
        guard days.count >= PublishedCount.threshold else {
            return Indicators.Trajectories(beeindigd: PublishedCount.text(Int64(days.count)))
        }
        let short = days.filter { $0 <= 183 }.count
        return Indicators.Trajectories(
            beeindigd: String(days.count), gemiddeldeDuurDagen: days.reduce(0, +) / days.count,
            aandeelBinnenZesMaanden: Self.oneDecimal(Int64(short * 1000 / days.count)) + "%")
    }

    private func reasons() throws -> [Indicators.Count] {
        try CodeCount.fetchAll(
            db,
            sql: "SELECT reden AS code, COUNT(*) AS n FROM careEnd WHERE einddatum BETWEEN ? AND ?" + gemeenteClause
                + " GROUP BY reden ORDER BY reden",
            arguments: arguments([from, to])
        ).map { Indicators.Count(code: $0.code, aantal: PublishedCount.text($0.n)) }
    }

    private func referrers() throws -> [Indicators.Share] {
        let rows = try ReferrerCount.fetchAll(
            db,
            sql: "SELECT verwijzerType AS code, team, COUNT(*) AS n FROM referral WHERE day BETWEEN ? AND ?"
                + gemeenteClause + " GROUP BY verwijzerType, team ORDER BY verwijzerType, team",
            arguments: arguments([from, to]))
        let total = rows.reduce(0) { $0 + $1.n }
        let threshold = Int64(PublishedCount.threshold)
        return rows.map { row in
            let n = row.n
            return Indicators.Share(
                code: row.code, team: row.team, aantal: PublishedCount.text(n),
                aandeel: total >= threshold && n >= threshold ? Self.oneDecimal(n * 1000 / total) + "%" : "–")
        }
    }

    private func providersPerInstrument() throws -> [String: Int] {
        var providers: [String: Set<String>] = [:]
        for norm in norms {
            guard !norm.ended, let aanbieder = norm.scope.aanbieder, norm.period.start <= period.end,
                period.start <= norm.period.end, area.covers(norm)
            else { continue }
            providers[norm.kind.rawValue, default: []].insert(aanbieder)
        }
        return providers.mapValues(\.count)
    }

    private func count(_ sql: String) throws -> Int {
        try Int.fetchOne(db, sql: sql + area.normClause(norms), arguments: [from, to]) ?? 0
    }

    /// The reporter keeps CPV decisions only as timeline entries; the verdict is the
    /// summary's wording (`Timeline`), written by this same service. Decisions on a stop
    /// and on extra care above an intensiteitsnorm both count: "het aantal toekenningen en
    /// afwijzingen van de CPV".
    private func cpvCount(granted: Bool) throws -> Int {
        try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM timelineEntry WHERE kind IN (?, ?) AND summary LIKE ? "
                + "AND substr(at, 1, 10) BETWEEN ? AND ?" + area.normClause(norms),
            arguments: [
                CPVDecided.kind, IntensityCPVDecided.kind, granted ? "CPV kende%" : "CPV wees%", from, to,
            ]) ?? 0
    }

    private func timelineCount(_ kind: String) throws -> Int {
        try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM timelineEntry WHERE kind = ? AND substr(at, 1, 10) BETWEEN ? AND ?"
                + area.normClause(norms),
            arguments: [kind, from, to]) ?? 0
    }
}
