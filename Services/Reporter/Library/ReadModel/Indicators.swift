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
        var categories = Set<String>()
        // clientMonth within the period: per category, per client, cents and volume.
        var declared: [String: [String: (cents: Int64, volume: Int64, inLastMonth: Bool)]] = [:]
        for row in try ClientMonthRow.fetchAll(
            db,
            sql: "SELECT categorie, month, client, cents, volume FROM clientMonth WHERE month BETWEEN ? AND ?"
                + gemeenteClause,
            arguments: arguments([months.first ?? "", asOf.month.description]))
        {
            let categorie = row.categorie
            categories.insert(categorie)
            var entry = declared[categorie, default: [:]][row.client] ?? (0, 0, false)
            entry.cents += row.cents
            entry.volume += row.volume
            if row.month == lastMonth && row.cents > 0 { entry.inLastMonth = true }
            declared[categorie, default: [:]][row.client] = entry
        }
        let arrived = try careArrivals()
        let inflow = arrived.byCategory
        let outflow = try endedClientsByCategory()
        categories.formUnion(inflow.keys)
        categories.formUnion(outflow.keys)
        let units = try volumesByUnit()
        let products = try productsByCategory(standMonth: standMonth, inflow: arrived.byProduct)
        let long = try longCareByCategory(standMonth: standMonth)
        let perCategory = categories.sorted().map { categorie in
            var careType = careType(
                categorie, declared: declared[categorie] ?? [:], inflow: inflow[categorie] ?? [],
                outflow: outflow[categorie] ?? [])
            Self.setUnits(&careType, units.filter { $0.categorie == categorie })
            careType.producten = products[categorie] ?? []
            careType.langdurig = PublishedCount.text(Int64(long[categorie]?.count ?? 0))
            return careType
        }
        var allDeclared: [String: (cents: Int64, volume: Int64, inLastMonth: Bool)] = [:]
        for (_, clients) in declared {
            for (client, entry) in clients {
                var total = allDeclared[client] ?? (0, 0, false)
                total.cents += entry.cents
                total.volume += entry.volume
                total.inLastMonth = total.inLastMonth || entry.inLastMonth
                allDeclared[client] = total
            }
        }
        var totaal = careType(
            "", declared: allDeclared, inflow: inflow.values.reduce(into: Set<String>()) { $0.formUnion($1) },
            outflow: outflow.values.reduce(into: Set<String>()) { $0.formUnion($1) })
        Self.setUnits(&totaal, units)
        totaal.langdurig = PublishedCount.text(
            Int64(long.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count))
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
            kostenconcentratie: Self.concentration(allDeclared.values.map(\.cents)),
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

    private func careType(
        _ categorie: String, declared: [String: (cents: Int64, volume: Int64, inLastMonth: Bool)], inflow: Set<String>,
        outflow: Set<String>
    ) -> Indicators.CareType {
        let active = declared.filter { $0.value.cents > 0 }
        let cents = declared.values.reduce(0) { $0 + $1.cents }
        let volume = declared.values.reduce(0) { $0 + $1.volume }
        let enough = active.count >= PublishedCount.threshold
        return Indicators.CareType(
            categorie: categorie.isEmpty ? "totaal" : categorie,
            naam: categorie.isEmpty ? "Alle zorgsoorten" : (ProductCategorie(categorie)?.name ?? categorie),
            instroom: PublishedCount.text(Int64(inflow.count)), uitstroom: PublishedCount.text(Int64(outflow.count)),
            stand: PublishedCount.text(Int64(active.values.filter(\.inLastMonth).count)),
            uniekeClienten: PublishedCount.text(Int64(active.count)), kosten: cents,
            kostenPerClient: enough ? cents / Int64(active.count) : nil,
            volumePerClient: enough ? Self.oneDecimal(volume * 10 / Int64(active.count)) : nil)
    }

    /// One client's volume in one unit in one care type over the period so far.
    /// Decoded by column: a row per client and unit.
    struct UnitRow: FetchableRecord {
        var categorie: String
        var eenheid: String
        var client: String
        var volume: Int64

        enum Columns {
            static let categorie = Column("categorie")
            static let eenheid = Column("eenheid")
            static let client = Column("client")
            static let volume = Column("volume")
        }

        init(row: Row) throws {
            categorie = row[Columns.categorie]
            eenheid = row[Columns.eenheid]
            client = row[Columns.client]
            volume = row[Columns.volume]
        }
    }

    private func volumesByUnit() throws -> [UnitRow] {
        try UnitRow.fetchAll(
            db,
            sql:
                "SELECT categorie, eenheid, client, SUM(volume) AS volume FROM clientMonthUnit WHERE month BETWEEN ? AND ?"
                + gemeenteClause + " GROUP BY categorie, eenheid, client",
            arguments: arguments([period.start.month.description, asOf.month.description]))
    }

    /// The volume per client per unit; the single figure only when one unit is used.
    static func setUnits(_ careType: inout Indicators.CareType, _ rows: [UnitRow]) {
        var byUnit: [String: [String: Int64]] = [:]
        for row in rows where row.volume != 0 {
            byUnit[row.eenheid, default: [:]][row.client, default: 0] += row.volume
        }
        careType.volumePerEenheid = byUnit.keys.sorted().map { eenheid in
            let clients = byUnit[eenheid]!.filter { $0.value > 0 }
            let total = clients.values.reduce(0, +)
            return Indicators.UnitVolume(
                eenheid: eenheid, naam: Eenheid(rawValue: eenheid)?.name ?? eenheid,
                clienten: PublishedCount.text(Int64(clients.count)),
                perClient: clients.count >= PublishedCount.threshold
                    ? oneDecimal(total * 10 / Int64(clients.count)) : nil)
        }
        if byUnit.count > 1 { careType.volumePerClient = nil }
    }

    static func oneDecimal(_ tenths: Int64) -> String { "\(tenths / 10),\(abs(tenths % 10))" }

    private func endedClientsByCategory() throws -> [String: Set<String>] {
        var ended: [String: Set<String>] = [:]
        for row in try EndedCare.fetchAll(
            db, sql: "SELECT categorie, client FROM careEnd WHERE einddatum BETWEEN ? AND ?" + gemeenteClause,
            arguments: arguments([from, to]))
        {
            ended[row.categorie, default: []].insert(row.client)
        }
        return ended
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
