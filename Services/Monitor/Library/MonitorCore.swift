import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Synchronization

/// Monitor's logic, without sockets: the store, the norm index, applying intake's log
/// and answering admin requests. The service wires it to ZeroMQ; tests call it directly.
public final class MonitorCore: Sendable {
    /// Events per consumer batch at most (one transaction, one commit). A batch is what
    /// has arrived since the last commit, so at rest it is a line or two and an alert
    /// leaves at once; only a consumer that is behind (month-end, a replay) fills it.
    /// Then 5,000 rather than the event log's 1,000: a batch's fixed cost (the pages of
    /// norms, months and spend cells it rewrites, the commit's fsync) is shared by five
    /// times the lines, and `pace` ran 35–40% faster (docs/BENCHMARKS.md, issue 21).
    public static let consumerBatchSize = 5_000
    /// Events per batch fetched while catching up: at start, after a gap in the PUB
    /// stream, or when a heartbeat says the producer is ahead. A fetch returns what is
    /// there, so a consumer a few events behind still applies a few; only one far behind
    /// (a replay from zero, a long outage, a month-end it trails) gets batches this large,
    /// when sharing a batch's fixed cost over four times the lines matters more than the
    /// quarter second more a batch takes (replay with 10,000 norms 34,706–38,320 →
    /// 45,429–46,254 events/s; docs/BENCHMARKS.md, stop 31). Events heard on PUB are
    /// applied at most `consumerBatchSize` at a time.
    public static let catchUpBatchSize = 20_000
    /// How long a catch-up fetch may go unanswered before it is asked again: a reply of
    /// `catchUpBatchSize` events (~9 MB, read, encoded and with CURVE encrypted on the
    /// producer's one thread) gets the time per event a reply of 5,000 had in 2 s.
    public static let catchUpTimeout = Duration.seconds(8)

    public let database: MonitorDatabase
    /// Active norms with their months, value, firing alerts and advice, between batches.
    private let ledger = LedgerCache()
    private let clock: @Sendable () -> Date
    /// The exception routes of a stop (`[uitzonderingsroutes]`, Nijmegen's by default).
    private let routes: ExceptionRoutes
    private let previousPeriodMargin: Int
    /// Regions from the configuration: a norm for a regio without gemeenten covers these.
    private let regions: [String: [String]]
    private let forecastSettings: RunRateForecast.Settings
    /// When a client counts as (again) new: `instroom_gap_months`.
    private let arrivals: CareArrivals
    private let logger: Logger

    public init(
        database: MonitorDatabase, clock: @escaping @Sendable () -> Date = Date.init,
        exemptReferrers: Set<String> = [], routes: ExceptionRoutes = .nijmegen, previousPeriodMargin: Int = 10,
        regions: [String: [String]] = [:],
        forecastSettings: RunRateForecast.Settings = .init(), arrivals: CareArrivals = CareArrivals(),
        logger: Logger
    ) throws {
        self.database = database
        self.arrivals = arrivals
        self.regions = regions
        self.forecastSettings = forecastSettings
        self.clock = clock
        self.routes = routes.adding(verwijzerTypes: exemptReferrers)
        self.previousPeriodMargin = previousPeriodMargin
        self.logger = logger
        let now = clock()
        try database.writer.write { [ledger] db in
            let norms = try MonitorDatabase.loadNorms(db)
            try InflowCount.settle(db, norms: norms, arrivals: arrivals)
            try PeriodAdvice.sweep(db, norms: norms, marginPercent: previousPeriodMargin, now: now)
            // Read once at start, then kept by the batches and the admin commands.
            try ledger.update(db) { _ in }
        }
    }

    /// The consumer of intake's event log, a batch per transaction (`BatchLedger`). The
    /// ledger state is read and changed only inside write transactions, so a line and a
    /// norm change never race.
    public func intakeSink(afterCommit: @escaping @Sendable () -> Void) -> TransactionalEventSink {
        TransactionalEventSink.perBatch(writer: database.writer, producer: "intake", afterCommit: afterCommit) {
            [self] db, events in
            try ledger.applyBatch(db, through: events.last?.seq ?? 0) { state in
                var batch = BatchLedger(
                    now: clock(), routes: routes, previousPeriodMargin: previousPeriodMargin,
                    forecastSettings: forecastSettings, arrivals: arrivals)
                for event in events { try batch.apply(db, event: event, state: &state) }
                try batch.finish(db, state: state)
            }
        }
    }

    /// Takes a norm's state afresh from the store after an admin command changed it.
    private func reload(_ db: Database, _ norm: NormDefinition) throws {
        try ledger.update(db) { try $0.reload(db, norm: norm) }
    }

    /// Adds a norm, starting from the spend already declared in its scope.
    public func addNorm(_ request: NormAddRequest, requestID: String? = nil) throws -> NormStatus {
        try NormValidation.validate(request)
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            let norm = try insertNorm(db, request, now: now)
            return try status(db, norm: norm)
        }
    }

    /// One admin command's transaction, done once per request id (`AdminReplies`).
    private func write<Result: Codable>(
        _ requestID: String?, _ command: AdminCommand, now: Date, _ body: (Database) throws -> Result
    ) throws -> Result {
        try database.writer.write { db in
            try AdminReplies.once(db, requestID: requestID, command: command.rawValue, now: now) { try body(db) }
        }
    }

    /// Adds a region's whole set in one transaction: all of them, or none when one is wrong.
    public func importNorms(_ request: NormImportRequest, requestID: String? = nil) throws -> [NormStatus] {
        for (index, norm) in request.norms.enumerated() {
            do {
                try NormValidation.validate(norm)
            } catch let error as MonitorError {
                throw MonitorError(error.code, "norm \(index + 1) (\(norm.name)): \(error.message)")
            }
        }
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            try request.norms.map { try status(db, norm: try insertNorm(db, $0, now: now)) }
        }
    }

    private func insertNorm(_ db: Database, _ request: NormAddRequest, now: Date) throws -> NormDefinition {
        var request = request
        if let regio = request.regio, request.gemeenten.isEmpty {
            guard let members = regions[regio], !members.isEmpty else {
                let known = regions.keys.sorted().joined(separator: ", ")
                throw MonitorError(
                    .invalidRequest,
                    "onbekende regio \(regio): geef --gemeente of kies uit [regios] in de configuratie (\(known.isEmpty ? "geen" : known))"
                )
            }
            request.gemeenten = members
        }
        let period = try request.period.map(parsePeriod) ?? Period.year(Day.today(now: now).year)
        var norm = NormDefinition(
            id: try MonitorDatabase.nextNormID(db), name: request.name, kind: request.kind,
            scope: NormScope(
                gemeenten: request.gemeenten, regio: request.regio, aanbieder: request.aanbieder,
                productCategorieen: request.productCategorieen, productCodes: request.productCodes),
            period: period, limit: request.limit,
            thresholds: request.thresholds ?? NormDefinition.defaultThresholds,
            stopRule: request.stopRule ?? .forecastAbove100, intensity: request.intensity)
        if let shares = request.shares {
            guard BudgetShares.isValid(shares, for: norm.scope.gemeenten) else {
                throw MonitorError(
                    .invalidRequest,
                    "de aandelen moeten precies de gemeenten van de norm dekken (\(norm.scope.gemeenten.joined(separator: ", "))) en samen 100% zijn"
                )
            }
            norm.shares = shares
        }
        try MonitorDatabase.saveNorm(db, norm, change: .added, by: request.by, at: now)
        let value = try MonitorDatabase.rebuildLedger(db, for: norm, arrivals: arrivals, now: now)
        try followUp(db, norm: norm, value: value, now: now)
        try reload(db, norm)
        return norm
    }

    /// Alerts and stop advice after a norm's value was set anew (the intensity alert is
    /// settled by the recount itself).
    private func followUp(_ db: Database, norm: NormDefinition, value: Int64, now: Date) throws {
        guard norm.kind.hasThresholdAlerts else { return }
        try AlertBook.evaluate(db, norm: norm, value: value, settings: forecastSettings, now: now)
        try StopBook.advise(db, norm: norm, value: value, settings: forecastSettings, now: now)
        try PeriodAdvice.check(db, norm: norm, value: value, marginPercent: previousPeriodMargin, now: now)
    }

    /// A new version of a norm. Its alerts follow at once: a raised limit resolves what the
    /// value no longer reaches, a lowered one fires what it now reaches.
    public func changeNorm(_ request: NormChangeRequest, requestID: String? = nil) throws -> NormStatus {
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            var norm = try existingNorm(db, id: request.id)
            let previousPeriod = norm.period
            if let name = request.name {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw MonitorError(.invalidRequest, "een norm heeft een naam nodig")
                }
                norm.name = name
            }
            if let limit = request.limit {
                guard limit > 0 else { throw MonitorError(.invalidRequest, "de grens moet groter dan nul zijn") }
                norm.limit = limit
            }
            if let thresholds = request.thresholds {
                for threshold in thresholds where !(1...1000).contains(threshold) {
                    throw MonitorError(.invalidRequest, "drempel \(threshold)% ligt buiten 1 tot 1000")
                }
                norm.thresholds = thresholds.sorted()
            }
            if let label = request.period { norm.period = try parsePeriod(label) }
            if let stopRule = request.stopRule { norm.stopRule = stopRule }
            norm.version += 1
            try MonitorDatabase.saveNorm(db, norm, change: .changed, by: request.by, at: now)
            // An intensiteitsnorm's limit decides every verdict, so any change re-judges it.
            let value =
                norm.period == previousPeriod && norm.kind != .intensiteitsnorm
                ? try MonitorDatabase.normValue(db, normID: norm.id)
                : try MonitorDatabase.rebuildLedger(db, for: norm, arrivals: arrivals, now: now)
            try followUp(db, norm: norm, value: value, now: now)
            try reload(db, norm)
            return try status(db, norm: norm)
        }
    }

    /// Ends a norm: later lines no longer count; its figures, alerts and history stay.
    public func endNorm(_ request: NormEndRequest, requestID: String? = nil) throws -> NormStatus {
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            var norm = try existingNorm(db, id: request.id)
            norm.ended = true
            norm.version += 1
            try MonitorDatabase.saveNorm(db, norm, change: .ended, by: request.by, at: now)
            try AlertBook.resolveAll(db, norm: norm, now: now)
            try reload(db, norm)
            return try status(db, norm: norm)
        }
    }

    /// Names for providers in the AGB register, all or none; returns how many changed.
    public func nameProviders(_ request: ProviderImportRequest) throws -> Int {
        let now = clock()
        return try database.writer.write { db in
            try ProviderRegister.save(db, request.providers, by: request.by, now: now)
        }
    }

    public func providerNames() throws -> [ProviderName] {
        try database.writer.read { try ProviderRegister.all($0) }
    }

    /// Records an analysegesprek about a norm (an ended one too: the talk may come after).
    public func recordAnalysis(_ request: AnalysisRecordRequest) throws -> AnalysisRecorded {
        let now = clock()
        return try database.writer.write { db in
            _ = try existingNorm(db, id: request.normID, allowEnded: true)
            return try AnalysisBook.record(db, request, now: now)
        }
    }

    /// A person imposes a referral stop under a norm that allows one.
    public func imposeStop(_ request: StopImposeRequest, requestID: String? = nil) throws -> StopImposed {
        let (by, reason) = try Self.who(by: request.by, reason: request.reason)
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            let norm = try existingNorm(db, id: request.normID)
            let imposed = try StopBook.impose(db, norm: norm, by: by, reason: reason, now: now)
            try reload(db, norm)
            return imposed
        }
    }

    public func liftStop(_ request: StopLiftRequest, requestID: String? = nil) throws -> StopLifted {
        let (by, reason) = try Self.who(by: request.by, reason: request.reason)
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            let norm = try existingNorm(db, id: request.normID, allowEnded: true)
            let forecast =
                norm.kind.hasForecast
                ? try MonitorDatabase.forecast(db, norm: norm, today: Day.today(now: now), settings: forecastSettings)
                : nil
            let lifted = try StopBook.lift(
                db, norm: norm, by: by, reason: reason, despite: request.despite,
                value: try MonitorDatabase.normValue(db, normID: norm.id), forecast: forecast, now: now)
            try reload(db, norm)
            return lifted
        }
    }

    public func exempt(_ request: ExemptRequest, requestID: String? = nil) throws {
        guard !request.toewijzingNummer.isEmpty else {
            throw MonitorError(.invalidRequest, "--toewijzing is verplicht")
        }
        guard let route = routes.named(request.reason.rawValue), let reason = ExemptionReason(rawValue: route) else {
            throw MonitorError(
                .invalidRequest,
                "geen uitzonderingsroute \"\(request.reason.rawValue)\"; bekend: "
                    + routes.routes.map(\.name).joined(separator: ", "))
        }
        var request = request
        request.reason = reason
        let now = clock()
        _ = try write(requestID, request.command, now: now) { db in
            try StopBook.exempt(db, request, now: now)
            return AdminEmpty()
        }
    }

    /// Records a CPV decision; a granted one exempts the allocation from the stop.
    public func decideCPV(_ request: CPVDecisionRequest, requestID: String? = nil) throws -> CPVDecided {
        let by = request.by.trimmingCharacters(in: .whitespaces)
        let reason = request.reason.trimmingCharacters(in: .whitespaces)
        guard !request.toewijzingNummer.isEmpty, !by.isEmpty, !reason.isEmpty else {
            throw MonitorError(.invalidRequest, "een CPV-besluit wordt vastgelegd met --toewijzing, --door en --reden")
        }
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            if let normID = request.normID { _ = try existingNorm(db, id: normID, allowEnded: true) }
            var trimmed = request
            (trimmed.by, trimmed.reason) = (by, reason)
            return try CPVBook.record(db, trimmed, now: now)
        }
    }

    /// Records a CPV decision on extra care above an intensiteitsnorm for the client of an
    /// allocation; a granted one re-judges that client's months under the norm at once
    /// (verdicts, the unlawful amount and the alert follow in the same transaction).
    public func decideIntensityCPV(_ request: IntensityCPVRequest, requestID: String? = nil) throws
        -> IntensityCPVDecided
    {
        var request = request
        request.by = request.by.trimmingCharacters(in: .whitespaces)
        request.reason = request.reason.trimmingCharacters(in: .whitespaces)
        request.toewijzingNummer = request.toewijzingNummer.trimmingCharacters(in: .whitespaces)
        guard !request.toewijzingNummer.isEmpty, !request.by.isEmpty, !request.reason.isEmpty else {
            throw MonitorError(
                .invalidRequest, "een CPV-besluit over intensiteit wordt vastgelegd met --toewijzing, --door en --reden"
            )
        }
        guard request.extra > 0 else {
            throw MonitorError(.invalidRequest, "--extra is het aantal eenheden boven de norm, groter dan 0")
        }
        guard request.from <= request.through else {
            throw MonitorError(.invalidRequest, "--van \(request.from) ligt na --tot-en-met \(request.through)")
        }
        let now = clock()
        return try write(requestID, request.command, now: now) { db in
            let norm = try existingNorm(db, id: request.normID, allowEnded: true)
            guard norm.kind == .intensiteitsnorm else {
                throw MonitorError(.invalidRequest, "norm \(norm.id) is geen intensiteitsnorm")
            }
            guard let owner = try AllocationClients.owner(db, toewijzingNummer: request.toewijzingNummer) else {
                throw MonitorError(
                    .notFound,
                    "toewijzing \(request.toewijzingNummer) is monitor niet bekend "
                        + "(geen toewijzing, start van zorg of declaratie met dit nummer ontvangen)")
            }
            let decided = try IntensityApprovalBook.record(
                db, request, measure: norm.intensity ?? IntensityMeasure(), owner: owner, now: now)
            // An ended norm counts nothing more: its figures stay as they ended.
            if request.granted && !norm.ended {
                _ = try IntensityLedger.rejudge(db, norm: norm, owner: owner, now: now)
                try reload(db, norm)
            }
            return decided
        }
    }

    private static func who(by: String, reason: String) throws -> (String, String) {
        let by = by.trimmingCharacters(in: .whitespaces)
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !by.isEmpty, !reason.isEmpty else {
            throw MonitorError(.invalidRequest, "een stop wordt vastgelegd met --door en --reden")
        }
        return (by, reason)
    }

    public func normHistory(id: Int64) throws -> [NormHistoryEntry] {
        try database.writer.read { db in
            _ = try existingNorm(db, id: id, allowEnded: true)
            return try MonitorDatabase.history(db, normID: id)
        }
    }

    private func existingNorm(_ db: Database, id: Int64, allowEnded: Bool = false) throws -> NormDefinition {
        guard let norm = try MonitorDatabase.loadNorms(db).first(where: { $0.id == id }) else {
            throw MonitorError(.notFound, "norm \(id) bestaat niet")
        }
        if norm.ended && !allowEnded { throw MonitorError(.invalidRequest, "norm \(id) is beëindigd") }
        return norm
    }

    private func parsePeriod(_ label: String) throws -> Period {
        guard let parsed = Period(parsing: label) else {
            throw MonitorError(.invalidRequest, "onbekende periode \(label): gebruik 2026, 2026-H2, 2026-Q3 of 2026-07")
        }
        return parsed
    }

    public func normStatuses() throws -> [NormStatus] {
        try database.writer.read { db in
            try MonitorDatabase.loadNorms(db).map { try status(db, norm: $0) }
        }
    }

    /// Alerts newest first, optionally only `firing` or `resolved`.
    public func alerts(state: String?) throws -> [AlertStatus] {
        var wanted: AlertState?
        if let state {
            guard let known = AlertState(rawValue: state) else {
                throw MonitorError(.invalidRequest, "status moet firing of resolved zijn")
            }
            wanted = known
        }
        return try database.writer.read { [wanted] db in
            let names = Dictionary(uniqueKeysWithValues: try MonitorDatabase.loadNorms(db).map { ($0.id, $0.name) })
            var request = AlertRecord.order(AlertRecord.Columns.id.desc)
            if let wanted { request = request.filter(AlertRecord.Columns.state == wanted) }
            return try request.fetchAll(db).map { alert in
                AlertStatus(
                    id: alert.id ?? 0, normID: alert.normID, normName: names[alert.normID] ?? "?",
                    alertKind: alert.alertKind, threshold: alert.threshold, state: alert.state.rawValue,
                    value: alert.value, limit: alert.normLimit, firedAt: alert.firedAt.formatted(.iso8601),
                    resolvedAt: alert.resolvedAt?.formatted(.iso8601))
            }
        }
    }

    private func status(_ db: Database, norm: NormDefinition) throws -> NormStatus {
        let value = try MonitorDatabase.normValue(db, normID: norm.id)
        if norm.kind == .intensiteitsnorm {
            // The value is an amount in cents against a limit in units: no percentage.
            let firing = try AlertBook.firingThresholds(db, normID: norm.id, kind: .intensity)
            return NormStatus(
                norm: norm, value: value, basisPoints: 0, firing: firing.sorted(),
                intensityMonths: try IntensityLedger.monthsAbove(db, normID: norm.id))
        }
        let firing = try AlertBook.firingThresholds(db, normID: norm.id, kind: .actual)
        return NormStatus(
            norm: norm, value: value, basisPoints: ThresholdLevels.basisPoints(value: value, limit: norm.limit),
            firing: firing.sorted(),
            forecast: norm.kind.hasForecast
                ? try MonitorDatabase.forecast(
                    db, norm: norm, today: Day.today(now: clock()), settings: forecastSettings) : nil)
    }
}
