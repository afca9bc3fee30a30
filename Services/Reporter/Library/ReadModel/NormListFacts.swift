import Contracts
import Domain
import GRDB
import Storage

/// What the figures of a list of norms read for all its norms at once rather than per
/// norm: a norm's status beside its value (its firing alerts by kind, which of them nobody
/// acknowledged and since when, its referral stop, the clients new during that stop, the
/// signals waiting for an analysegesprek, its provider's name) and, for a long list, every
/// spend cell (`SpendCellIndex`).
///
/// A list of norms (the start page's attention list, 6,000 norms at 10× a country) used to
/// ask each of these per norm, eight look-ups and a query of its spend cells a norm: two
/// thirds of the page's time (docs/BENCHMARKS.md, stop 31). A short list (a gemeente's
/// page, one norm) still reads norm by norm, by the same code, so a list and a norm's own
/// page cannot disagree.
struct NormListFacts {
    /// One norm's firing alerts.
    struct Firing {
        /// Thresholds of firing alerts on the value (`actual`), lowest first.
        var actual: [Int] = []
        /// Thresholds of firing alerts on an intensiteitsnorm's client months.
        var intensity: [Int] = []
        var forecast = false
        var unacknowledged = 0
        /// When the oldest unacknowledged one fired (ISO 8601).
        var oldestUnacknowledged: String?
    }

    private var firing: [Int64: Firing] = [:]
    private var stops: [Int64: HandlingFacts.StopState] = [:]
    private var inflow: [Int64: Int] = [:]
    private var signals: [Int64: SignalFacts] = [:]
    private var names: [String: String] = [:]
    /// Every spend cell, when the list is long; otherwise each norm's are read from the store.
    private var spend: SpendCellIndex?

    /// Sorted here rather than by SQL: sorting every firing alert of a country in SQLite
    /// cost more than the thresholds of one norm at a time.
    func firing(normID: Int64) -> Firing {
        guard var norm = firing[normID] else { return Firing() }
        norm.actual.sort()
        norm.intensity.sort()
        return norm
    }
    func stop(normID: Int64) -> HandlingFacts.StopState? { stops[normID] }
    func inflowDuringStop(normID: Int64) -> Int { inflow[normID] ?? 0 }
    func signals(normID: Int64) -> SignalFacts { signals[normID] ?? SignalFacts() }
    func providerName(_ agb: String?) -> String? { agb.flatMap { names[$0] } }

    /// The norm's spend by month of care, from the cells read for the list or from the store.
    func spendByMonth(_ db: Database, norm: NormDefinition) throws -> [Month: Int64] {
        try spend?.byMonth(norm: norm) ?? SpendCells.byMonth(db, norm: norm)
    }

    /// For every norm.
    static func read(_ db: Database) throws -> NormListFacts {
        var facts = NormListFacts()
        try facts.add(db, normID: nil)
        facts.signals = try SignalFacts.waiting(db, normID: nil)
        facts.names = try ProviderNames.all(db)
        facts.spend = try SpendCellIndex.read(db)
        return facts
    }

    /// For these norms: a few are read one by one (by the alerts' index, ~15 µs a norm,
    /// each norm's spend cells by its provider or gemeenten, each provider's name by its
    /// code), many at once (all of them, ~30 ms at 10×).
    static func read(_ db: Database, norms: some Collection<NormDefinition>) throws -> NormListFacts {
        guard norms.count <= readOneByOneUpTo else { return try read(db) }
        var facts = NormListFacts()
        for norm in norms { try facts.add(db, normID: norm.id) }
        // Only an intensiteitsnorm has signals: a page of 500 money norms asked 500 times
        // for none (5 ms of the start page at 100×).
        for norm in norms where norm.kind == .intensiteitsnorm {
            facts.signals.merge(try SignalFacts.waiting(db, normID: norm.id)) { $1 }
        }
        for agb in Set(norms.compactMap(\.scope.aanbieder)) {
            facts.names[agb] = try ProviderNames.name(db, agb: agb)
        }
        return facts
    }

    static let readOneByOneUpTo = 1_000

    /// Adds the status of one norm, or of all (`normID` nil).
    private mutating func add(_ db: Database, normID: Int64?) throws {
        let only = normID == nil ? "" : " AND a.normID = ?"
        let arguments: StatementArguments = normID.map { [$0] } ?? []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT a.normID, a.alertKind, a.threshold, a.firedAt, k.alertID IS NOT NULL AS acknowledged
                    FROM alert a LEFT JOIN alertAcknowledgement k ON k.alertID = a.id
                    WHERE a.state = 'firing'\(only)
                    """), arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            var norm = firing[id] ?? Firing()
            switch row[1] as String {
            case "actual": norm.actual.append(row[2])
            case "intensity": norm.intensity.append(row[2])
            case "forecast": norm.forecast = true
            default: break
            }
            if !(row[4] as Bool) {
                norm.unacknowledged += 1
                let fired: String = row[3]
                norm.oldestUnacknowledged = min(norm.oldestUnacknowledged ?? fired, fired)
            }
            firing[id] = norm
        }
        let onlyStop = normID == nil ? "" : " WHERE normID = ?"
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT normID, state FROM normStop\(onlyStop)"), arguments: arguments)
        {
            stops[row[0]] = HandlingFacts.StopState(rawValue: row[1])
        }
        let onlyInflow = normID == nil ? "" : " AND s.normID = ?"
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.normID, COUNT(*) FROM normStop s JOIN timelineEntry t ON t.normID = s.normID
                    WHERE s.state IN ('imposed', 'liftAdvised') AND t.kind = ? AND t.at >= s.since\(onlyInflow)
                    GROUP BY s.normID
                    """), arguments: StatementArguments([InflowDuringStop.kind]) + arguments)
        {
            inflow[row[0]] = row[1]
        }
    }
}
